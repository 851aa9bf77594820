// The load programs' set-up over the REST API: users registered, friend requests made and accepted.
#pragma once

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/json.hpp>
#include <cstdint>
#include <exception>
#include <functional>
#include <stdexcept>
#include <string>
#include <vector>

#include "bench/common/transport.h"

namespace bench {

struct LoadUser {
    std::int64_t id = 0;
    std::string token;
};

inline std::int64_t idOf(const boost::json::value& value) {
    return value.to_number<std::int64_t>();
}

inline std::runtime_error refused(const std::string& what, const HttpAnswer& answer) {
    std::string hint;
    if (answer.status == 429)
        hint =
            "\nThe server's rate limits refused the load: run it with a configuration that "
            "raises limits.registrations_burst, limits.registrations_per_minute, "
            "limits.sends_burst, limits.sends_per_second and limits.flood_frames_per_second "
            "(see docs/benchmarks.md, or use bench/server/run-load.sh).";
    return std::runtime_error(what + ": HTTP " + std::to_string(answer.status) + " " + answer.body +
                              hint);
}

// Runs job(api, i) for i in [0, count) over `connections` keep-alive connections at once.
template <class Stream>
asio::awaitable<void> forEachConcurrently(
    asio::io_context& io, const Endpoint& endpoint, int count, int connections,
    std::function<asio::awaitable<void>(HttpApi<Stream>&, int)> job) {
    int next = 0, running = connections;
    std::exception_ptr failure;
    asio::steady_timer done(io, asio::steady_timer::time_point::max());
    for (int c = 0; c < connections; ++c)
        asio::co_spawn(
            io,
            [&]() -> asio::awaitable<void> {
                HttpApi<Stream> api(io, endpoint);
                try {
                    while (next < count && !failure)
                        co_await job(api, next++);
                } catch (...) {
                    if (!failure)
                        failure = std::current_exception();
                }
                if (--running == 0)
                    done.cancel();
            },
            asio::detached);
    boost::system::error_code ec;
    co_await done.async_wait(asio::redirect_error(use_awaitable, ec));
    if (failure)
        std::rethrow_exception(failure);
    co_return;
}

// Users prefix0 .. prefix<count - 1>, all with one password.
template <class Stream>
asio::awaitable<std::vector<LoadUser>> registerUsers(asio::io_context& io, const Endpoint& endpoint,
                                                     int count, int connections,
                                                     const std::string& prefix) {
    std::vector<LoadUser> users(static_cast<std::size_t>(count));
    co_await forEachConcurrently<Stream>(
        io, endpoint, count, connections,
        [&](HttpApi<Stream>& api, int i) -> asio::awaitable<void> {
            boost::json::object body{{"username", prefix + std::to_string(i)},
                                     {"password", "load-test-password"}};
            const auto answer = co_await api.request(http::verb::post, "/api/v1/auth/register",
                                                     boost::json::serialize(body));
            if (answer.status != 201)
                throw refused("register " + prefix + std::to_string(i), answer);
            const auto json = boost::json::parse(answer.body).as_object();
            auto& user = users[static_cast<std::size_t>(i)];
            user.token = std::string(json.at("token").as_string());
            user.id = idOf(json.at("user").as_object().at("id"));
        });
    co_return users;
}

// `from` asks `to` for friendship and `to` accepts; returns their direct chat. A refusal throws,
// named by requestWhat or acceptWhat.
template <class Stream>
asio::awaitable<std::int64_t> befriend(HttpApi<Stream>& api, const LoadUser& from,
                                       const LoadUser& to, const std::string& requestWhat,
                                       const std::string& acceptWhat) {
    boost::json::object body{{"user_id", to.id}};
    auto answer = co_await api.request(http::verb::post, "/api/v1/friends/requests",
                                       boost::json::serialize(body), from.token);
    if (answer.status != 201)
        throw refused(requestWhat, answer);
    const auto requestId = idOf(boost::json::parse(answer.body).as_object().at("id"));
    answer = co_await api.request(
        http::verb::post, "/api/v1/friends/requests/" + std::to_string(requestId) + "/accept", "",
        to.token);
    if (answer.status != 200)
        throw refused(acceptWhat, answer);
    co_return idOf(boost::json::parse(answer.body).as_object().at("chat").as_object().at("id"));
}

}  // namespace bench
