// What the tests of MessageListModel share: the two users, paging a model to its start, a role.
#pragma once

#include <QVariant>
#include <string>

#include "client/models/message_list_model.h"
#include "common/wire_types.h"

namespace message_list_fixture {

inline constexpr qint64 kMe = 1;
inline constexpr qint64 kPeer = 2;

inline protocol::User user(qint64 id, const char* name) {
    protocol::User u;
    u.id = id;
    u.username = name;
    u.displayName = std::string(name) + " Display";
    return u;
}

// Pages the model up to the chat's first message; returns how many pages it took.
inline int loadAll(client::models::MessageListModel& model) {
    int pages = 0;
    while (model.canFetchMore({}) && pages < 10'000) {
        model.fetchMore({});
        ++pages;
    }
    return pages;
}

inline QVariant roleAt(const client::models::MessageListModel& model, int row, int role) {
    return model.index(row).data(role);
}

}  // namespace message_list_fixture
