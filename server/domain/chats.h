// The chats service: a user's chats as Chat objects, each from that user's point of view.
#pragma once

#include <cstdint>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/chat_directory.h"
#include "server/domain/user_views.h"
#include "server/store/connection.h"
#include "server/store/database.h"

namespace server::domain {

// Thread-safe; reads only. Failures are thrown as protocol::ApiError.
class Chats {
public:
    Chats(store::Database& database, ChatDirectory& directory, UserViews& users)
        : m_database(database), m_directory(directory), m_users(users) {}

    // Most recent activity first.
    std::vector<protocol::Chat> list(std::int64_t userId);
    // 404 to non-members.
    protocol::Chat get(std::int64_t userId, std::int64_t chatId);
    // The chat as `viewerId` sees it, read on `connection`; 404 unless a member.
    protocol::Chat view(store::Connection& connection, std::int64_t chatId, std::int64_t viewerId);

private:
    store::Database& m_database;
    ChatDirectory& m_directory;
    UserViews& m_users;
};

}  // namespace server::domain
