// The tokens table: one row per issued bearer token, stored only as its SHA-256 hash.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct TokenRow {
    std::int64_t userId = 0;
    std::int64_t lastUsedTs = 0;
};

// Stateless over the connection it is given. Throws StoreError.
class TokenRepository {
public:
    explicit TokenRepository(Connection& connection) : m_connection(connection) {}

    void insert(std::int64_t userId, std::string_view tokenHash,
                const std::optional<std::string>& device, std::int64_t createdTs);
    // The live (not revoked) token with this hash.
    std::optional<TokenRow> findLive(std::string_view tokenHash);
    void touch(std::string_view tokenHash, std::int64_t ts);
    // Returns whether a live token was revoked.
    bool revoke(std::string_view tokenHash);
    // Revokes every live token of the user except `keepHash`; returns the hashes revoked.
    std::vector<std::string> revokeAllExcept(std::int64_t userId, std::string_view keepHash);

private:
    Connection& m_connection;
};

}  // namespace server::store
