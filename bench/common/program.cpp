#include "bench/common/program.h"

#include <cstdio>
#include <random>

namespace bench {

std::string usernamePrefix(std::string_view tag) {
    std::random_device random;
    char digits[16];
    std::snprintf(digits, sizeof digits, "%06x_", static_cast<unsigned>(random() & 0xffffff));
    return std::string(tag) + digits;
}

bool resolveServer(asio::io_context& io, Endpoint& endpoint, const std::string& host,
                   const std::string& port, std::string_view program) {
    try {
        endpoint.addresses = asio::ip::tcp::resolver(io).resolve(host, port);
        return true;
    } catch (const std::exception& error) {
        std::cerr << program << ": cannot resolve " << host << ": " << error.what() << "\n";
        return false;
    }
}

std::function<void(std::exception_ptr)> onRunDone(asio::io_context& io, std::string_view program,
                                                  int& exitCode) {
    return [&io, program, &exitCode](std::exception_ptr failure) {
        if (!failure)
            return;
        try {
            std::rethrow_exception(failure);
        } catch (const std::exception& error) {
            std::cerr << program << ": " << error.what() << "\n";
        }
        exitCode = 1;
        io.stop();
    };
}

}  // namespace bench
