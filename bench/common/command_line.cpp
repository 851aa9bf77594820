#include "bench/common/command_line.h"

#include <charconv>
#include <stdexcept>

namespace bench {

std::string_view CommandLine::value() {
    if (m_at + 1 >= m_argc)
        throw std::invalid_argument(std::string(arg()) + ": needs a value");
    return m_argv[++m_at];
}

int positiveInt(std::string_view name, std::string_view value) {
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (ec != std::errc() || end != value.data() + value.size() || result <= 0)
        throw std::invalid_argument(std::string(name) + ": expected a positive integer");
    return result;
}

double positiveNumber(std::string_view name, std::string_view value) {
    double result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (ec != std::errc() || end != value.data() + value.size() || !(result > 0))
        throw std::invalid_argument(std::string(name) + ": expected a positive number");
    return result;
}

ServerUrl parseServerUrl(std::string_view url) {
    ServerUrl parsed;
    if (url.starts_with("https://")) {
        parsed.https = true;
        url.remove_prefix(8);
    } else if (url.starts_with("http://")) {
        url.remove_prefix(7);
    }
    if (const auto slash = url.find('/'); slash != std::string_view::npos)
        url = url.substr(0, slash);
    const auto colon = url.rfind(':');
    if (colon == std::string_view::npos || colon == 0 || colon + 1 == url.size())
        throw std::invalid_argument("--url: expected http://HOST:PORT");
    auto host = url.substr(0, colon);
    if (host.starts_with('[') && host.ends_with(']'))
        host = host.substr(1, host.size() - 2);
    parsed.host = std::string(host);
    parsed.port = std::string(url.substr(colon + 1));
    return parsed;
}

}  // namespace bench
