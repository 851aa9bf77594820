#include "bench/server/load_options.h"

#include <stdexcept>
#include <string_view>

#include "bench/common/command_line.h"

namespace bench {

LoadOptions parseLoadOptions(int argc, char** argv, bool& help) {
    LoadOptions options;
    help = false;
    for (CommandLine line(argc, argv); line.next();) {
        const auto arg = line.arg();
        if (arg == "--help" || arg == "-h") {
            help = true;
        } else if (arg == "--url") {
            const auto url = parseServerUrl(line.value());
            options.tls = options.tls || url.https;
            options.host = url.host;
            options.port = url.port;
        } else if (arg == "--tls") {
            options.tls = true;
        } else if (arg == "--pairs") {
            options.pairs = positiveInt(arg, line.value());
        } else if (arg == "--seconds") {
            options.seconds = positiveInt(arg, line.value());
        } else if (arg == "--warmup") {
            options.warmup = positiveInt(arg, line.value());
        } else if (arg == "--http-connections") {
            options.httpConnections = positiveInt(arg, line.value());
        } else if (arg == "--server-pid") {
            options.serverPid = positiveInt(arg, line.value());
        } else if (arg == "--window") {
            options.window = positiveInt(arg, line.value());
        } else {
            throw std::invalid_argument(std::string(arg) + ": unknown option");
        }
    }
    return options;
}

}  // namespace bench
