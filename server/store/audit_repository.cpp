#include "server/store/audit_repository.h"

#include <limits>

namespace server::store {

std::int64_t AuditRepository::insert(std::int64_t chatId, std::int64_t ts, std::int64_t actor,
                                     std::string_view action, std::optional<std::int64_t> target,
                                     std::string_view detailsJson) {
    m_connection
        .prepare(
            "INSERT INTO audit_log (chat_id, ts, actor, action, target, details) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bindAll(chatId, ts, actor, action, target, detailsJson)
        .exec();
    return m_connection.lastInsertId();
}

std::vector<AuditRow> AuditRepository::list(const AuditQuery& query) {
    // One statement for every filter combination: an unset filter binds NULL and matches all.
    auto s = m_connection.prepare(
        "SELECT id, ts, actor, action, target, details FROM audit_log "
        "WHERE chat_id = ?1 AND id < ?2 AND (?3 IS NULL OR action = ?3) "
        "AND (?4 IS NULL OR actor = ?4) AND (?5 IS NULL OR target = ?5) "
        "ORDER BY id DESC LIMIT ?6");
    s.bindAll(query.chatId, query.beforeId.value_or(std::numeric_limits<std::int64_t>::max()),
              query.action, query.actor, query.target, query.limit);
    std::vector<AuditRow> rows;
    while (s.step())
        rows.push_back(
            {s.int64(0), s.int64(1), s.int64(2), s.text(3), s.optionalInt64(4), s.text(5)});
    return rows;
}

}  // namespace server::store
