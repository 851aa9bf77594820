// The server's command line: flags over the TOML file over the defaults.
#pragma once

#include <string>

#include "server/config/settings.h"

namespace server::config {

struct CommandLine {
    Settings settings;
    bool showHelp = false;
    bool showVersion = false;
};

// Reads --config FILE first, then applies every other flag over it, then validates. Flags take
// "--flag VALUE" or "--flag=VALUE". Throws ConfigError on an unknown flag or a bad value.
CommandLine loadSettings(int argc, char** argv);

std::string usageText();

}  // namespace server::config
