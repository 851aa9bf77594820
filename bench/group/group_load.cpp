// messenger-group-load: drives groups of users over WebSocket against a running
// messenger-server and prints deliveries per second, send-to-delivery latency, lost and
// duplicated deliveries (issue 4's group benchmark; see docs/benchmarks.md).
#include <boost/asio/co_spawn.hpp>
#include <iostream>

#include "bench/common/program.h"
#include "bench/group/group_driver.h"

namespace {

using namespace bench;

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

asio::awaitable<void> runStages(asio::io_context& io, const Endpoint& endpoint,
                                const GroupLoadOptions& options) {
    const GroupLayout layout{options.groups, options.members};
    const auto prefix = usernamePrefix("gl");
    auto start = Clock::now();
    std::cout << "registering " << layout.users() << " users (" << prefix << "*)" << std::endl;
    auto users = co_await registerUsers<PlainStream>(io, endpoint, layout.users(),
                                                     options.httpConnections, prefix);
    std::cout << "  " << secondsSince(start) << " s\nbefriending each group's owner with its "
              << layout.members - 1 << " members" << std::endl;
    start = Clock::now();
    co_await befriendOwners(io, endpoint, users, layout, options.httpConnections);
    std::cout << "  " << secondsSince(start) << " s\nopening " << layout.users() << " WebSockets"
              << std::endl;
    start = Clock::now();
    GroupDriver driver(io, endpoint, options, users, layout);
    co_await driver.openSockets(options.httpConnections);
    std::cout << "  " << secondsSince(start) << " s\ncreating " << layout.groups << " group(s)"
              << std::endl;
    start = Clock::now();
    auto chats = co_await createGroups(io, endpoint, users, layout, options.httpConnections);
    co_await driver.awaitMembership(std::move(chats));
    std::cout << "  " << secondsSince(start) << " s" << std::endl;
    auto report = co_await driver.run();
    std::cout << report.render() << std::flush;
}

asio::awaitable<void> runLoad(asio::io_context& io, const Endpoint& endpoint,
                              const GroupLoadOptions& options) {
    // Paced senders, keep-alive timers and reads still refer to the driver: once it is done,
    // failed or not, nothing else runs.
    try {
        co_await runStages(io, endpoint, options);
    } catch (...) {
        io.stop();
        throw;
    }
    io.stop();
}

}  // namespace

int main(int argc, char** argv) {
    constexpr std::string_view kProgram = "messenger-group-load";
    GroupLoadOptions options;
    if (const auto exitCode =
            readOptions(argc, argv, parseGroupLoadOptions, kGroupLoadUsage, kProgram, options))
        return *exitCode;

    return runAgainstServer(kProgram, options.host, options.port, nullptr,
                            [&options](asio::io_context& io, const Endpoint& endpoint) {
                                return runLoad(io, endpoint, options);
                            });
}
