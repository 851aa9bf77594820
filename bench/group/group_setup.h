// The group load's set-up over the REST API: each group's owner befriends its members, then
// creates the group with all of them.
#pragma once

#include <cstdint>
#include <vector>

#include "bench/common/setup.h"

namespace bench {

// Users laid out group by group: member m of group g is user g * members + m; member 0 owns it.
struct GroupLayout {
    int groups = 0;
    int members = 0;

    int users() const { return groups * members; }
    int user(int group, int member) const { return group * members + member; }
};

// Each group's owner sends a friend request to each of its members, who accepts it.
asio::awaitable<void> befriendOwners(asio::io_context& io, const Endpoint& endpoint,
                                     const std::vector<LoadUser>& users, GroupLayout layout,
                                     int connections);

// POST /api/v1/groups by each owner with its members; returns each group's chat id.
asio::awaitable<std::vector<std::int64_t>> createGroups(asio::io_context& io,
                                                        const Endpoint& endpoint,
                                                        const std::vector<LoadUser>& users,
                                                        GroupLayout layout, int connections);

}  // namespace bench
