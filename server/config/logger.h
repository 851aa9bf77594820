// The server's log sink: timestamped lines on stderr, filtered by level. Thread-safe.
#pragma once

#include <mutex>
#include <optional>
#include <string_view>

namespace server::config {

enum class LogLevel { Debug, Info, Warn, Error };

// "debug", "info", "warn" (or "warning"), "error"; nullopt otherwise.
std::optional<LogLevel> logLevelFromString(std::string_view text);

class Logger {
public:
    explicit Logger(LogLevel minimum = LogLevel::Info) : m_minimum(minimum) {}

    bool enabled(LogLevel level) const { return level >= m_minimum; }
    void log(LogLevel level, std::string_view message);
    void debug(std::string_view message) { log(LogLevel::Debug, message); }
    void info(std::string_view message) { log(LogLevel::Info, message); }
    void warn(std::string_view message) { log(LogLevel::Warn, message); }
    void error(std::string_view message) { log(LogLevel::Error, message); }

private:
    LogLevel m_minimum;
    std::mutex m_mutex;  // one line at a time, never interleaved
};

}  // namespace server::config
