// The pairs load's set-up over the REST API: users 2i and 2i+1 made friends, a direct chat each.
#pragma once

#include <cstdint>
#include <vector>

#include "bench/common/setup.h"

namespace bench {

// Users 2i and 2i+1 become friends; returns each pair's direct chat.
template <class Stream>
asio::awaitable<std::vector<std::int64_t>> befriendPairs(asio::io_context& io,
                                                         const Endpoint& endpoint,
                                                         const std::vector<LoadUser>& users,
                                                         int connections) {
    const int pairs = static_cast<int>(users.size() / 2);
    std::vector<std::int64_t> chats(static_cast<std::size_t>(pairs));
    co_await forEachConcurrently<Stream>(io, endpoint, pairs, connections,
                                         [&](HttpApi<Stream>& api, int i) -> asio::awaitable<void> {
                                             chats[static_cast<std::size_t>(i)] = co_await befriend(
                                                 api, users[static_cast<std::size_t>(2 * i)],
                                                 users[static_cast<std::size_t>(2 * i + 1)],
                                                 "friend request", "accept");
                                         });
    co_return chats;
}

}  // namespace bench
