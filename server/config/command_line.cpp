#include "server/config/command_line.h"

#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "server/config/config_error.h"
#include "server/config/settings_file.h"

namespace server::config {
namespace {

struct Flag {
    std::string name;
    std::optional<std::string> value;
};

bool takesValue(std::string_view name) {
    return name == "--config" || name == "--listen" || name == "--data-dir" ||
           name == "--tls-cert" || name == "--tls-key" || name == "--redis" ||
           name == "--threads" || name == "--log-level";
}

bool isSwitch(std::string_view name) {
    return name == "--no-tls" || name == "--help" || name == "-h" || name == "--version";
}

std::vector<Flag> splitFlags(int argc, char** argv) {
    std::vector<Flag> flags;
    for (int i = 1; i < argc; ++i) {
        std::string arg = argv[i];
        std::optional<std::string> value;
        if (const auto eq = arg.find('='); arg.rfind("--", 0) == 0 && eq != std::string::npos) {
            value = arg.substr(eq + 1);
            arg.resize(eq);
        }
        if (takesValue(arg)) {
            if (!value) {
                if (i + 1 >= argc)
                    throw ConfigError(arg + ": expects a value");
                value = argv[++i];
            }
        } else if (!isSwitch(arg) || value) {
            throw ConfigError("unknown option " + std::string(argv[i]) + " (see --help)");
        }
        flags.push_back(Flag{arg, value});
    }
    return flags;
}

int parseThreads(const std::string& text) {
    int value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size())
        throw ConfigError("--threads: expected a whole number, got \"" + text + "\"");
    return value;
}

void applyFlag(Settings& s, const Flag& flag) {
    const std::string& v = flag.value.value_or("");
    if (flag.name == "--listen")
        s.server.listen = v;
    else if (flag.name == "--data-dir")
        s.server.dataDir = v;
    else if (flag.name == "--tls-cert")
        s.tls.cert = v;
    else if (flag.name == "--tls-key")
        s.tls.key = v;
    else if (flag.name == "--no-tls")
        s.tls.enabled = false;
    else if (flag.name == "--redis")
        s.relay.redis = v;
    else if (flag.name == "--threads")
        s.server.threads = parseThreads(v);
    else if (flag.name == "--log-level")
        s.logLevel = v;
}

}  // namespace

CommandLine loadSettings(int argc, char** argv) {
    const auto flags = splitFlags(argc, argv);
    CommandLine result;
    for (const auto& flag : flags) {
        if (flag.name == "--help" || flag.name == "-h")
            result.showHelp = true;
        if (flag.name == "--version")
            result.showVersion = true;
    }
    if (result.showHelp || result.showVersion)
        return result;

    for (const auto& flag : flags)
        if (flag.name == "--config")
            result.settings = loadSettingsFile(*flag.value);
    for (const auto& flag : flags)
        applyFlag(result.settings, flag);
    const bool certFlag = std::any_of(flags.begin(), flags.end(), [](const Flag& f) {
        return f.name == "--tls-cert" || f.name == "--tls-key";
    });
    const bool noTlsFlag =
        std::any_of(flags.begin(), flags.end(), [](const Flag& f) { return f.name == "--no-tls"; });
    if (certFlag && noTlsFlag)
        throw ConfigError("--no-tls: cannot be combined with --tls-cert");
    validateSettings(result.settings);
    return result;
}

std::string usageText() {
    return "usage: messenger-server [--config FILE] [--listen HOST:PORT] [--data-dir DIR]\n"
           "                        [--tls-cert FILE --tls-key FILE | --no-tls]\n"
           "                        [--redis redis://HOST:PORT] [--threads N]\n"
           "                        [--log-level debug|info|warn|error] [--help] [--version]\n"
           "\n"
           "  --config FILE      TOML configuration file; flags override its keys\n"
           "  --listen HOST:PORT address to serve HTTPS and WSS on (default 127.0.0.1:8443;\n"
           "                     port 0 picks a free one, printed in the 'listening on' line)\n"
           "  --data-dir DIR     database, media and the self-signed certificate\n"
           "                     (default ./messenger-data)\n"
           "  --tls-cert FILE    PEM certificate chain (with --tls-key); default: self-signed\n"
           "  --tls-key FILE     PEM private key\n"
           "  --no-tls           serve plain HTTP and WS (behind a TLS proxy, or in tests)\n"
           "  --redis URL        relay events through Redis pub/sub\n"
           "  --threads N        I/O threads, 0 = one per core\n"
           "  --log-level LEVEL  debug, info, warn or error (default info)\n";
}

}  // namespace server::config
