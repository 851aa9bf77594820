#include "bench/server/load_options.h"

#include <charconv>
#include <stdexcept>
#include <string_view>

namespace bench {
namespace {

int positive(std::string_view name, std::string_view value) {
    int result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (ec != std::errc() || end != value.data() + value.size() || result <= 0)
        throw std::invalid_argument(std::string(name) + ": expected a positive integer");
    return result;
}

// http://host:port, https://host:port (TLS) or host:port.
void applyUrl(LoadOptions& options, std::string_view url) {
    if (url.starts_with("https://")) {
        options.tls = true;
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
    options.host = std::string(host);
    options.port = std::string(url.substr(colon + 1));
}

}  // namespace

LoadOptions parseLoadOptions(int argc, char** argv, bool& help) {
    LoadOptions options;
    help = false;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc)
                throw std::invalid_argument(std::string(arg) + ": needs a value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h")
            help = true;
        else if (arg == "--url")
            applyUrl(options, value());
        else if (arg == "--tls")
            options.tls = true;
        else if (arg == "--pairs")
            options.pairs = positive(arg, value());
        else if (arg == "--seconds")
            options.seconds = positive(arg, value());
        else if (arg == "--warmup")
            options.warmup = positive(arg, value());
        else if (arg == "--http-connections")
            options.httpConnections = positive(arg, value());
        else if (arg == "--server-pid")
            options.serverPid = positive(arg, value());
        else if (arg == "--window")
            options.window = positive(arg, value());
        else
            throw std::invalid_argument(std::string(arg) + ": unknown option");
    }
    return options;
}

}  // namespace bench
