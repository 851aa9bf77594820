// messenger-load: drives N pairs of users over WebSocket against a running messenger-server and
// prints deliveries per second, send-to-delivery latency, lost and duplicated messages.
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <iostream>
#include <random>

#include "bench/server/load_driver.h"

namespace {

using namespace bench;

// Unique per run, so a server's data folder may be reused: "ld" and 6 hex digits.
std::string usernamePrefix() {
    std::random_device random;
    char text[16];
    std::snprintf(text, sizeof text, "ld%06x_", static_cast<unsigned>(random() & 0xffffff));
    return text;
}

template <class Stream>
asio::awaitable<void> runLoad(asio::io_context& io, const Endpoint& endpoint,
                              const LoadOptions& options) {
    const auto prefix = usernamePrefix();
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
    LoadOptions options;
    try {
        bool help = false;
        options = parseLoadOptions(argc, argv, help);
        if (help) {
            std::cout << kLoadUsage;
            return 0;
        }
    } catch (const std::exception& error) {
        std::cerr << "messenger-load: " << error.what() << "\n" << kLoadUsage;
        return 2;
    }

    asio::io_context io(1);  // one thread: the load program's cost stays on one core
    asio::ssl::context tls(asio::ssl::context::tls_client);
    tls.set_verify_mode(asio::ssl::verify_none);
    Endpoint endpoint;
    endpoint.host = options.host;
    endpoint.tls = options.tls ? &tls : nullptr;
    int exitCode = 0;
    try {
        endpoint.addresses = asio::ip::tcp::resolver(io).resolve(options.host, options.port);
    } catch (const std::exception& error) {
        std::cerr << "messenger-load: cannot resolve " << options.host << ": " << error.what()
                  << "\n";
        return 1;
    }
    auto done = [&](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            std::cerr << "messenger-load: " << error.what() << "\n";
        }
        exitCode = 1;
        io.stop();
    };
    if (options.tls)
        asio::co_spawn(io, runLoad<TlsStream>(io, endpoint, options), done);
    else
        asio::co_spawn(io, runLoad<PlainStream>(io, endpoint, options), done);
    io.run();
    return exitCode;
}
