#include "bench/group/group_options.h"

#include <stdexcept>
#include <string_view>

#include "bench/common/command_line.h"

namespace bench {
namespace {

// http://host:port or host:port. TLS is not driven: the figures are the server's, not OpenSSL's.
void applyUrl(GroupLoadOptions& options, std::string_view url) {
    if (url.starts_with("https://"))
        throw std::invalid_argument(
            "--url: plain http:// only (run the server with --no-tls for the benchmark)");
    const auto parsed = parseServerUrl(url);
    options.host = parsed.host;
    options.port = parsed.port;
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
    for (CommandLine line(argc, argv); line.next();) {
        const auto arg = line.arg();
        if (arg == "--help" || arg == "-h")
            help = true;
        else if (arg == "--scenario")
            line.value();
        else if (arg == "--url")
            applyUrl(options, line.value());
        else if (arg == "--seconds")
            options.seconds = positiveInt(arg, line.value());
        else if (arg == "--warmup")
            options.warmup = positiveInt(arg, line.value());
        else if (arg == "--groups")
            options.groups = positiveInt(arg, line.value());
        else if (arg == "--members")
            options.members = positiveInt(arg, line.value());
        else if (arg == "--senders")
            options.senders = positiveInt(arg, line.value());
        else if (arg == "--rate")
            options.rate = positiveNumber(arg, line.value());
        else if (arg == "--http-connections")
            options.httpConnections = positiveInt(arg, line.value());
        else if (arg == "--server-pid")
            options.serverPid = positiveInt(arg, line.value());
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
