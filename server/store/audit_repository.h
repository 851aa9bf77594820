// The audit_log table: the append-only record of moderation actions in a group.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct AuditRow {
    std::int64_t id = 0;
    std::int64_t ts = 0;
    std::int64_t actor = 0;
    std::string action;
    std::optional<std::int64_t> target;
    std::string detailsJson = "{}";
};

// Which entries of a chat's log to read: ids below `beforeId` (all when absent), newest first,
// at most `limit`, narrowed to one action, actor or target when set.
struct AuditQuery {
    std::int64_t chatId = 0;
    std::optional<std::int64_t> beforeId;
    int limit = 50;
    std::optional<std::string> action;
    std::optional<std::int64_t> actor;
    std::optional<std::int64_t> target;
};

// Stateless over the connection it is given. Throws StoreError.
class AuditRepository {
public:
    explicit AuditRepository(Connection& connection) : m_connection(connection) {}

    std::int64_t insert(std::int64_t chatId, std::int64_t ts, std::int64_t actor,
                        std::string_view action, std::optional<std::int64_t> target,
                        std::string_view detailsJson);
    std::vector<AuditRow> list(const AuditQuery& query);

private:
    Connection& m_connection;
};

}  // namespace server::store
