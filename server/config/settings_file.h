// The TOML configuration file: text to Settings, and the range checks every source must pass.
#pragma once

#include <filesystem>
#include <string_view>

#include "server/config/settings.h"

namespace server::config {

// Applies the keys present in `text` over `base`. Every key is optional; an unknown key, a wrong
// type or a TOML syntax error throws ConfigError naming the key in dotted form.
Settings parseSettingsToml(std::string_view text, Settings base = {});

// Reads and parses a file; an unreadable file throws ConfigError.
Settings loadSettingsFile(const std::filesystem::path& path, Settings base = {});

// Throws ConfigError ("limits.frame_kib: must be positive") on a value out of range.
void validateSettings(const Settings& settings);

}  // namespace server::config
