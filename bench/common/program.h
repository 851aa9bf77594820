// What the load programs' main functions share: reading the options, resolving the server,
// naming the run's users and reporting the run's failure.
#pragma once

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

// The coroutine a program runs against the server, and the endpoint it is handed.
using LoadRunner = std::function<asio::awaitable<void>(asio::io_context&, const Endpoint&)>;

// Resolves host:port and runs `run` on this thread alone (the load program's cost stays on one
// core). Returns the exit code: 0, or 1 with "<program>: <why>" printed when the server does not
// resolve or the run throws. `tls` (null for plain TCP) must outlive the call.
int runAgainstServer(std::string_view program, const std::string& host, const std::string& port,
                     asio::ssl::context* tls, const LoadRunner& run);

}  // namespace bench
