#include "bench/common/program.h"

#include <boost/asio/co_spawn.hpp>
#include <cstdio>
#include <exception>
#include <random>

namespace bench {

std::string usernamePrefix(std::string_view tag) {
    std::random_device random;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06x_", static_cast<unsigned>(random() & 0xffffff));
    return std::string(tag) + digits;
}

int runAgainstServer(std::string_view program, const std::string& host, const std::string& port,
                     asio::ssl::context* tls, const LoadRunner& run) {
    asio::io_context io(1);
    Endpoint endpoint;
    endpoint.host = host;
    endpoint.tls = tls;
    try {
        endpoint.addresses = asio::ip::tcp::resolver(io).resolve(host, port);
    } catch (const std::exception& error) {
        std::cerr << program << ": cannot resolve " << host << ": " << error.what() << "\n";
        return 1;
    }
    int exitCode = 0;
    asio::co_spawn(io, run(io, endpoint), [&](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            std::cerr << program << ": " << error.what() << "\n";
        }
        exitCode = 1;
        io.stop();
    });
    io.run();
    return exitCode;
}

}  // namespace bench
