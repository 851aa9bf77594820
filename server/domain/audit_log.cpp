#include "server/domain/audit_log.h"

namespace server::domain {

void recordAudit(store::Connection& connection, std::int64_t chatId, std::int64_t ts,
                 std::int64_t actor, std::string_view action, std::optional<std::int64_t> target,
                 std::string detailsJson) {
    store::AuditRepository(connection).insert(chatId, ts, actor, action, target, detailsJson);
}

std::vector<protocol::AuditEntry> readAudit(store::Connection& connection,
                                            const store::AuditQuery& query) {
    std::vector<protocol::AuditEntry> entries;
    for (auto& row : store::AuditRepository(connection).list(query))
        entries.push_back({row.id, row.ts, row.actor, std::move(row.action), row.target,
                           std::move(row.detailsJson)});
    return entries;
}

}  // namespace server::domain
