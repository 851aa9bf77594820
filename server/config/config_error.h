// A refusal to start: a bad flag, an unreadable file, an unknown key, a wrong type or a bad value.
#pragma once

#include <stdexcept>
#include <string>

namespace server::config {

// The message names the offending key in dotted form ("limits.sends_burst: expected a number").
class ConfigError : public std::runtime_error {
public:
    explicit ConfigError(const std::string& message) : std::runtime_error(message) {}
};

}  // namespace server::config
