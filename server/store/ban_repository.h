// The bans table: who may not be (re-)added to a group until unbanned.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct BanRow {
    std::int64_t chatId = 0;
    std::int64_t userId = 0;
    std::int64_t actor = 0;
    std::string reason;
    std::int64_t ts = 0;
};

// Stateless over the connection it is given. Throws StoreError.
class BanRepository {
public:
    explicit BanRepository(Connection& connection) : m_connection(connection) {}

    // Returns false (and changes nothing) when the user is already banned.
    bool insert(const BanRow& row);
    // Returns whether a ban was lifted.
    bool remove(std::int64_t chatId, std::int64_t userId);
    bool isBanned(std::int64_t chatId, std::int64_t userId);
    // Newest first.
    std::vector<BanRow> list(std::int64_t chatId);

private:
    Connection& m_connection;
};

}  // namespace server::store
