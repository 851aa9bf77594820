#include "server/config/listen_address.h"

#include <charconv>

#include "server/config/config_error.h"

namespace server::config {

ListenAddress parseListenAddress(std::string_view text, std::string_view key) {
    const auto fail = [&] {
        return ConfigError(std::string(key) + ": expected HOST:PORT, got \"" + std::string(text) +
                           "\"");
    };
    const auto colon = text.rfind(':');
    if (colon == std::string_view::npos || colon == 0)
        throw fail();
    std::string_view host = text.substr(0, colon);
    const std::string_view portText = text.substr(colon + 1);
    if (host.front() == '[') {
        if (host.size() < 3 || host.back() != ']')
            throw fail();
        host = host.substr(1, host.size() - 2);
    } else if (host.find(':') != std::string_view::npos) {
        throw fail();  // a bare IPv6 address needs brackets to tell its colons from the port's
    }
    unsigned port = 0;
    const auto [end, ec] =
        std::from_chars(portText.data(), portText.data() + portText.size(), port);
    if (portText.empty() || ec != std::errc() || end != portText.data() + portText.size() ||
        port > 65535)
        throw fail();
    return ListenAddress{std::string(host), static_cast<std::uint16_t>(port)};
}

}  // namespace server::config
