#include "server/store/ban_repository.h"

namespace server::store {

bool BanRepository::insert(const BanRow& row) {
    m_connection
        .prepare(
            "INSERT OR IGNORE INTO bans (chat_id, user_id, actor, reason, ts) "
            "VALUES (?1, ?2, ?3, ?4, ?5)")
        .bindAll(row.chatId, row.userId, row.actor, row.reason, row.ts)
        .exec();
    return m_connection.changes() > 0;
}

bool BanRepository::remove(std::int64_t chatId, std::int64_t userId) {
    m_connection.prepare("DELETE FROM bans WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId)
        .exec();
    return m_connection.changes() > 0;
}

bool BanRepository::isBanned(std::int64_t chatId, std::int64_t userId) {
    auto s = m_connection.prepare("SELECT 1 FROM bans WHERE chat_id = ?1 AND user_id = ?2");
    s.bindAll(chatId, userId);
    const bool banned = s.step();
    while (s.step()) {
    }
    return banned;
}

std::vector<BanRow> BanRepository::list(std::int64_t chatId) {
    auto s = m_connection.prepare(
        "SELECT chat_id, user_id, actor, reason, ts FROM bans WHERE chat_id = ?1 "
        "ORDER BY ts DESC, user_id");
    s.bind(1, chatId);
    std::vector<BanRow> rows;
    while (s.step())
        rows.push_back({s.int64(0), s.int64(1), s.int64(2), s.text(3), s.int64(4)});
    return rows;
}

}  // namespace server::store
