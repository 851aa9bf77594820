// What the load programs' main functions share: reading the options, resolving the server,
// naming the run's users and reporting the run's failure.
#pragma once

#include <exception>
#include <functional>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>

#include "bench/common/transport.h"

namespace bench {

// Options parse(argc, argv, help): prints `usage` for --help (exit code 0), or the error and
// `usage` (exit code 2); nullopt when the program goes on with `options`.
template <class Options, class Parse>
std::optional<int> readOptions(int argc, char** argv, Parse parse, const char* usage,
                               std::string_view program, Options& options) {
    try {
        bool help = false;
        options = parse(argc, argv, help);
        if (help) {
            std::cout << usage;
            return 0;
        }
    } catch (const std::exception& error) {
        std::cerr << program << ": " << error.what() << "\n" << usage;
        return 2;
    }
    return std::nullopt;
}

// Unique per run, so a server's data folder may be reused: `tag`, 6 hex digits and "_".
std::string usernamePrefix(std::string_view tag);

// Sets endpoint.addresses; false, the failure printed, when host:port does not resolve.
bool resolveServer(asio::io_context& io, Endpoint& endpoint, const std::string& host,
                   const std::string& port, std::string_view program);

// The completion of the run's coroutine: a failure is printed, sets exitCode to 1, stops io.
std::function<void(std::exception_ptr)> onRunDone(asio::io_context& io, std::string_view program,
                                                  int& exitCode);

}  // namespace bench
