#include "server/store/moderation_repository.h"

namespace server::store {

std::optional<PostingRow> ModerationRepository::posting(std::int64_t chatId, std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT c.kind, m.role, m.muted_until, m.last_post_ts, c.slow_mode_s, c.only_admins_post "
        "FROM chat_members m JOIN chats c ON c.id = m.chat_id "
        "WHERE m.chat_id = ?1 AND m.user_id = ?2");
    s.bindAll(chatId, userId);
    if (!s.step())
        return std::nullopt;
    return PostingRow{s.text(0),          s.text(1),  s.optionalInt64(2),
                      s.optionalInt64(3), s.int64(4), s.int64(5) != 0};
}

void ModerationRepository::setLastPost(std::int64_t chatId, std::int64_t userId, std::int64_t ts) {
    m_connection
        .prepare("UPDATE chat_members SET last_post_ts = ?3 WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId, ts)
        .exec();
}

bool ModerationRepository::setMutedUntil(std::int64_t chatId, std::int64_t userId,
                                         std::optional<std::int64_t> mutedUntil) {
    m_connection
        .prepare("UPDATE chat_members SET muted_until = ?3 WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId, mutedUntil)
        .exec();
    return m_connection.changes() > 0;
}

}  // namespace server::store
