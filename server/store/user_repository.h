// The users table: accounts, their profile and password hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct UserRow {
    std::int64_t id = 0;
    std::string username;  // lowercase
    std::string displayName;
    std::string passwordHash;
    std::optional<std::string> avatar;
    std::int64_t createdTs = 0;
    std::optional<std::int64_t> lastSeen;
};

// Stateless over the connection it is given: a read connection for finds, the writer's for
// changes. Throws StoreError; insert throws ConstraintError for a taken username.
class UserRepository {
public:
    explicit UserRepository(Connection& connection) : m_connection(connection) {}

    // Returns the new id.
    std::int64_t insert(std::string_view username, std::string_view displayName,
                        std::string_view passwordHash, std::int64_t createdTs);
    std::optional<UserRow> findById(std::int64_t id);
    // Case-insensitive.
    std::optional<UserRow> findByUsername(std::string_view username);
    bool usernameExists(std::string_view username);
    // Users whose username or display name starts with `prefix` (ASCII case ignored), by
    // username, at most `limit`. Both sides are index range scans.
    std::vector<UserRow> searchByPrefix(std::string_view prefix, int limit);

    void updateDisplayName(std::int64_t id, std::string_view displayName);
    void updateAvatar(std::int64_t id, const std::optional<std::string>& avatar);
    void updatePasswordHash(std::int64_t id, std::string_view passwordHash);
    void updateLastSeen(std::int64_t id, std::int64_t ts);

private:
    Connection& m_connection;
};

}  // namespace server::store
