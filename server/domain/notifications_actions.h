// The notifications friend and group actions make, with the sentence each one shows.
#pragma once

#include <cstdint>
#include <string>

#include "common/wire_types.h"
#include "server/domain/notifications.h"
#include "server/store/connection.h"

namespace server::domain {

// Each call runs inside the writer op of its action (names are read there, as of the action),
// stores one notification for `userId` and returns it to be relayed after the commit. `actor`
// is who acted; the text names them by display name (username when it is empty) and names the
// group, so that a removed user can still tell which group the notification is about although
// the chat is 404 to them from then on. Nobody is notified of their own action: callers skip it.
class ActionNotifier {
public:
    ActionNotifier(store::Connection& connection, std::int64_t ts)
        : m_connection(connection), m_ts(ts) {}

    // To the recipient of a friend request: "Ana sent you a friend request".
    NotificationDelivery friendRequest(std::int64_t userId, std::int64_t from);
    // To the requester whose request was accepted: "Bo accepted your friend request".
    NotificationDelivery friendAccepted(std::int64_t userId, std::int64_t by);
    // To a member added to a group, or to the members of a new group but its creator:
    // "Ana added you to Hikers".
    NotificationDelivery groupAdded(std::int64_t userId, std::int64_t actor, std::int64_t chatId);
    // To the member whose role changed: "Ana made you an admin of Hikers" (up),
    // "Ana made you a member of Hikers" (down), "Ana made you the owner of Hikers" (transfer).
    NotificationDelivery roleChanged(std::int64_t userId, std::int64_t actor, std::int64_t chatId,
                                     protocol::Role role);
    // To the successor of an owner who left: "Ana left Hikers: you are its owner now".
    NotificationDelivery succeeded(std::int64_t userId, std::int64_t leaver, std::int64_t chatId);
    // To a member kicked: "Ana removed you from Hikers".
    NotificationDelivery kicked(std::int64_t userId, std::int64_t actor, std::int64_t chatId);
    // To a user banned: "Ana banned you from Hikers" and ": <reason>" when one was given.
    NotificationDelivery banned(std::int64_t userId, std::int64_t actor, std::int64_t chatId,
                                const std::string& reason);

private:
    NotificationDelivery record(std::int64_t userId, std::string_view type, std::int64_t actor,
                                std::optional<std::int64_t> chatId, std::string text);
    std::string nameOf(std::int64_t userId);
    std::string groupName(std::int64_t chatId);

    store::Connection& m_connection;
    std::int64_t m_ts;
};

}  // namespace server::domain
