#include "server/store/member_repository.h"

namespace server::store {

bool MemberRepository::remove(std::int64_t chatId, std::int64_t userId) {
    m_connection.prepare("DELETE FROM chat_members WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId)
        .exec();
    return m_connection.changes() > 0;
}

void MemberRepository::setRole(std::int64_t chatId, std::int64_t userId, std::string_view role) {
    m_connection.prepare("UPDATE chat_members SET role = ?3 WHERE chat_id = ?1 AND user_id = ?2")
        .bindAll(chatId, userId, role)
        .exec();
}

std::optional<std::int64_t> MemberRepository::successor(std::int64_t chatId,
                                                        std::int64_t leavingUserId) {
    auto s = m_connection.prepare(
        "SELECT user_id FROM chat_members WHERE chat_id = ?1 AND user_id != ?2 ORDER BY "
        "CASE role WHEN 'owner' THEN 3 WHEN 'admin' THEN 2 WHEN 'moderator' THEN 1 ELSE 0 END "
        "DESC, joined_ts, user_id LIMIT 1");
    s.bindAll(chatId, leavingUserId);
    if (!s.step())
        return std::nullopt;
    const auto id = s.int64(0);
    while (s.step()) {
    }
    return id;
}

std::vector<std::int64_t> MemberRepository::fellowGroupMembers(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT DISTINCT o.user_id FROM chat_members m "
        "JOIN chats c ON c.id = m.chat_id AND c.kind = 'group' "
        "JOIN chat_members o ON o.chat_id = m.chat_id AND o.user_id != m.user_id "
        "WHERE m.user_id = ?1 ORDER BY o.user_id");
    s.bind(1, userId);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    return ids;
}

bool MemberRepository::shareGroup(std::int64_t a, std::int64_t b) {
    auto s = m_connection.prepare(
        "SELECT EXISTS (SELECT 1 FROM chat_members m JOIN chats c ON c.id = m.chat_id AND "
        "c.kind = 'group' JOIN chat_members o ON o.chat_id = m.chat_id AND o.user_id = ?2 "
        "WHERE m.user_id = ?1)");
    s.bindAll(a, b);
    s.step();
    return s.int64(0) != 0;
}

}  // namespace server::store
