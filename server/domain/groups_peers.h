// Who shares a group with whom, for presence: its audience is friends and fellow group members.
#pragma once

#include <cstdint>
#include <vector>

#include "server/store/database.h"

namespace server::domain {

// Reads only, each on a read connection; thread-safe.
class GroupPeers {
public:
    explicit GroupPeers(store::Database& database) : m_database(database) {}

    // Friends and fellow members of any group, ascending, each once, without anyone blocked
    // either way (a block hides presence both ways) and without the user.
    std::vector<std::int64_t> presenceAudience(std::int64_t userId);
    // Whether the two are both members of some group.
    bool shareGroup(std::int64_t a, std::int64_t b);

private:
    store::Database& m_database;
};

}  // namespace server::domain
