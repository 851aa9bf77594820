// The notifications table (per user, newest first by id) and a member's notification mute.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct NotificationRow {
    std::int64_t id = 0;
    std::int64_t userId = 0;
    std::int64_t ts = 0;
    std::string type;
    std::optional<std::int64_t> actor;
    std::optional<std::int64_t> chatId;
    std::optional<std::int64_t> messageId;
    bool read = false;
    std::string text;
};

// Stateless over the connection it is given. Throws StoreError.
class NotificationRepository {
public:
    explicit NotificationRepository(Connection& connection) : m_connection(connection) {}

    // Stores `row` (its id and read flag ignored) and returns the new id.
    std::int64_t insert(const NotificationRow& row);
    // Ids below `beforeId` (all when absent), newest first, at most `limit`.
    std::vector<NotificationRow> list(std::int64_t userId, std::optional<std::int64_t> beforeId,
                                      int limit);
    // Marks the user's notifications with id <= upTo read; returns how many changed.
    int markRead(std::int64_t userId, std::int64_t upTo);
    std::int64_t unreadCount(std::int64_t userId);

    // chat_members.notifications_muted_until; returns whether the member row exists.
    bool setChatMute(std::int64_t chatId, std::int64_t userId,
                     std::optional<std::int64_t> mutedUntil);

private:
    Connection& m_connection;
};

}  // namespace server::store
