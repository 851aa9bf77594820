// Recording and reading a group's audit log (PROTOCOL.md "Groups, roles and moderation").
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/wire_types.h"
#include "server/store/audit_repository.h"
#include "server/store/connection.h"

namespace server::domain {

// Appends one entry; call inside the writer op of the action it records, so both commit
// together. `action` is one of protocol::auditAction; `detailsJson` a serialised JSON object.
void recordAudit(store::Connection& connection, std::int64_t chatId, std::int64_t ts,
                 std::int64_t actor, std::string_view action, std::optional<std::int64_t> target,
                 std::string detailsJson = "{}");

// The entries matching `query`, newest first, as the wire shows them.
std::vector<protocol::AuditEntry> readAudit(store::Connection& connection,
                                            const store::AuditQuery& query);

}  // namespace server::domain
