#include "bench/group/group_setup.h"

#include <string>

namespace bench {

asio::awaitable<void> befriendOwners(asio::io_context& io, const Endpoint& endpoint,
                                     const std::vector<LoadUser>& users, GroupLayout layout,
                                     int connections) {
    const int invitees = layout.members - 1;
    co_await forEachConcurrently<PlainStream>(
        io, endpoint, layout.groups * invitees, connections,
        [&](HttpApi<PlainStream>& api, int i) -> asio::awaitable<void> {
            const int group = i / invitees, member = 1 + i % invitees;
            co_await befriend(api, users[static_cast<std::size_t>(layout.user(group, 0))],
                              users[static_cast<std::size_t>(layout.user(group, member))],
                              "friend request from the owner of group " + std::to_string(group),
                              "accept by member " + std::to_string(member) + " of group " +
                                  std::to_string(group));
        });
}

asio::awaitable<std::vector<std::int64_t>> createGroups(asio::io_context& io,
                                                        const Endpoint& endpoint,
                                                        const std::vector<LoadUser>& users,
                                                        GroupLayout layout, int connections) {
    std::vector<std::int64_t> chats(static_cast<std::size_t>(layout.groups));
    co_await forEachConcurrently<PlainStream>(
        io, endpoint, layout.groups, connections,
        [&](HttpApi<PlainStream>& api, int group) -> asio::awaitable<void> {
            boost::json::array members;
            for (int m = 1; m < layout.members; ++m)
                members.push_back(users[static_cast<std::size_t>(layout.user(group, m))].id);
            boost::json::object body{{"name", "load group " + std::to_string(group)},
                                     {"members", std::move(members)}};
            const auto& owner = users[static_cast<std::size_t>(layout.user(group, 0))];
            const auto answer = co_await api.request(http::verb::post, "/api/v1/groups",
                                                     boost::json::serialize(body), owner.token);
            if (answer.status != 201)
                throw refused("create group " + std::to_string(group), answer);
            chats[static_cast<std::size_t>(group)] =
                idOf(boost::json::parse(answer.body).as_object().at("id"));
        });
    co_return chats;
}

}  // namespace bench
