#include "server/store/notification_repository.h"

#include <limits>

namespace server::store {

std::int64_t NotificationRepository::insert(const NotificationRow& row) {
    m_connection
        .prepare(
            "INSERT INTO notifications (user_id, ts, type, actor, chat_id, message_id, text) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .bindAll(row.userId, row.ts, row.type, row.actor, row.chatId, row.messageId, row.text)
        .exec();
    return m_connection.lastInsertId();
}

std::vector<NotificationRow> NotificationRepository::list(std::int64_t userId,
                                                          std::optional<std::int64_t> beforeId,
                                                          int limit) {
    auto s = m_connection.prepare(
        "SELECT id, user_id, ts, type, actor, chat_id, message_id, read, text FROM notifications "
        "WHERE user_id = ?1 AND id < ?2 ORDER BY id DESC LIMIT ?3");
    s.bindAll(userId, beforeId.value_or(std::numeric_limits<std::int64_t>::max()), limit);
    std::vector<NotificationRow> rows;
    while (s.step())
        rows.push_back({s.int64(0), s.int64(1), s.int64(2), s.text(3), s.optionalInt64(4),
                        s.optionalInt64(5), s.optionalInt64(6), s.int64(7) != 0, s.text(8)});
    return rows;
}

int NotificationRepository::markRead(std::int64_t userId, std::int64_t upTo) {
    m_connection
        .prepare("UPDATE notifications SET read = 1 WHERE user_id = ?1 AND id <= ?2 AND read = 0")
        .bindAll(userId, upTo)
        .exec();
    return m_connection.changes();
}

std::int64_t NotificationRepository::unreadCount(std::int64_t userId) {
    auto s =
        m_connection.prepare("SELECT COUNT(*) FROM notifications WHERE user_id = ?1 AND read = 0");
    s.bind(1, userId);
    s.step();
    return s.int64(0);
}

bool NotificationRepository::setChatMute(std::int64_t chatId, std::int64_t userId,
                                         std::optional<std::int64_t> mutedUntil) {
    m_connection
        .prepare(
            "UPDATE chat_members SET notifications_muted_until = ?3 "
            "WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId, mutedUntil)
        .exec();
    return m_connection.changes() > 0;
}

}  // namespace server::store
