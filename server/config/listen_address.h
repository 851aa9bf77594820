// A HOST:PORT listen address as written in server.listen or --listen.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace server::config {

struct ListenAddress {
    std::string host;  // without IPv6 brackets
    std::uint16_t port = 0;
};

// Accepts "127.0.0.1:8443", "[::1]:0", "localhost:8443". Throws ConfigError naming `key`.
ListenAddress parseListenAddress(std::string_view text, std::string_view key);

}  // namespace server::config
