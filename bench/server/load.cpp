// messenger-load: drives N pairs of users over WebSocket against a running messenger-server and
// prints deliveries per second, send-to-delivery latency, lost and duplicated messages.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <iostream>

#include "bench/common/program.h"
#include "bench/server/load_driver.h"

namespace {

using namespace bench;

template <class Stream>
asio::awaitable<void> runLoad(asio::io_context& io, const Endpoint& endpoint,
                              const LoadOptions& options) {
    const auto prefix = usernamePrefix("ld");
    std::cout << "registering " << 2 * options.pairs << " users (" << prefix << "*)" << std::endl;
    auto users = co_await registerUsers<Stream>(io, endpoint, 2 * options.pairs,
                                                options.httpConnections, prefix);
    std::cout << "making " << options.pairs << " pairs of friends; " << options.window
              << " message(s) in flight per pair" << std::endl;
    auto chats = co_await befriendPairs<Stream>(io, endpoint, users, options.httpConnections);
    LoadDriver<Stream> driver(io, endpoint, options, std::move(users), std::move(chats));
    auto report = co_await driver.run();
    std::cout << report.render();
}

}  // namespace

int main(int argc, char** argv) {
    constexpr std::string_view kProgram = "messenger-load";
    LoadOptions options;
    if (const auto exitCode =
            readOptions(argc, argv, parseLoadOptions, kLoadUsage, kProgram, options))
        return *exitCode;

    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_verify_mode(asio::ssl::verify_none);
    return runAgainstServer(kProgram, options.host, options.port, options.tls ? &tls : nullptr,
                            [&options](asio::io_context& io, const Endpoint& endpoint) {
                                return options.tls ? runLoad<TlsStream>(io, endpoint, options)
                                                   : runLoad<PlainStream>(io, endpoint, options);
                            });
}
