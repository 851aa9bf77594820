// Who is whose friend and who blocked whom, as the other services ask it.
#pragma once

#include <cstdint>
#include <vector>

#include "server/store/database.h"

namespace server::domain {

// Reads only, each on a read connection; thread-safe. A friendship implies no block either way
// (blocking ends it), so "friends" already means "friends and not blocked".
class Relationships {
public:
    explicit Relationships(store::Database& database) : m_database(database) {}

    bool areFriends(std::int64_t a, std::int64_t b);
    bool blockedEitherWay(std::int64_t a, std::int64_t b);
    // The user's friends: the audience of their presence.
    std::vector<std::int64_t> friendIds(std::int64_t userId);
    // Everyone the user blocked or was blocked by.
    std::vector<std::int64_t> blockedEitherWayOf(std::int64_t userId);

private:
    store::Database& m_database;
};

}  // namespace server::domain
