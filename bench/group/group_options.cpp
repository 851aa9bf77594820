#include "bench/group/group_options.h"

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

double positiveRate(std::string_view name, std::string_view value) {
    double result = 0;
    const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), result);
    if (ec != std::errc() || end != value.data() + value.size() || !(result > 0))
        throw std::invalid_argument(std::string(name) + ": expected a positive number");
    return result;
}

// http://host:port or host:port. TLS is not driven: the figures are the server's, not OpenSSL's.
void applyUrl(GroupLoadOptions& options, std::string_view url) {
    if (url.starts_with("https://"))
        throw std::invalid_argument(
            "--url: plain http:// only (run the server with --no-tls for the benchmark)");
    if (url.starts_with("http://"))
        url.remove_prefix(7);
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

void applyScenario(GroupLoadOptions& options, std::string_view name) {
    if (name == "fanout") {
        options.scenario = GroupScenario::Fanout;
        options.groups = 1;
        options.members = 1000;
        options.senders = 1;
    } else if (name == "groups") {
        options.scenario = GroupScenario::Groups;
        options.groups = 10;
        options.members = 50;
        options.senders = 5;
    } else {
        throw std::invalid_argument("--scenario: expected fanout or groups");
    }
}

}  // namespace

GroupLoadOptions parseGroupLoadOptions(int argc, char** argv, bool& help) {
    GroupLoadOptions options;
    help = false;
    // The scenario sets the shape first, so --groups, --members and --senders override it
    // wherever they appear.
    for (int i = 1; i + 1 < argc; ++i)
        if (std::string_view(argv[i]) == "--scenario")
            applyScenario(options, argv[i + 1]);
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        auto value = [&]() -> std::string_view {
            if (i + 1 >= argc)
                throw std::invalid_argument(std::string(arg) + ": needs a value");
            return argv[++i];
        };
        if (arg == "--help" || arg == "-h")
            help = true;
        else if (arg == "--scenario")
            value();
        else if (arg == "--url")
            applyUrl(options, value());
        else if (arg == "--seconds")
            options.seconds = positive(arg, value());
        else if (arg == "--warmup")
            options.warmup = positive(arg, value());
        else if (arg == "--groups")
            options.groups = positive(arg, value());
        else if (arg == "--members")
            options.members = positive(arg, value());
        else if (arg == "--senders")
            options.senders = positive(arg, value());
        else if (arg == "--rate")
            options.rate = positiveRate(arg, value());
        else if (arg == "--http-connections")
            options.httpConnections = positive(arg, value());
        else if (arg == "--server-pid")
            options.serverPid = positive(arg, value());
        else
            throw std::invalid_argument(std::string(arg) + ": unknown option");
    }
    if (options.members < 2)
        throw std::invalid_argument("--members: a group needs at least 2 members");
    if (options.senders > options.members)
        throw std::invalid_argument("--senders: at most --members");
    return options;
}

}  // namespace bench
