#include "server/config/logger.h"

#include <chrono>
#include <cstdio>
#include <ctime>

namespace server::config {

std::optional<LogLevel> logLevelFromString(std::string_view text) {
    if (text == "debug" || text == "trace")
        return LogLevel::Debug;
    if (text == "info")
        return LogLevel::Info;
    if (text == "warn" || text == "warning")
        return LogLevel::Warn;
    if (text == "error")
        return LogLevel::Error;
    return std::nullopt;
}

void Logger::log(LogLevel level, std::string_view message) {
    if (!enabled(level))
        return;
    static constexpr const char* kNames[] = {"debug", "info", "warn", "error"};
    const auto now = std::chrono::system_clock::now();
    const auto seconds = std::chrono::system_clock::to_time_t(now);
    const auto millis =
        std::chrono::duration_cast<std::chrono::milliseconds>(now.time_since_epoch()).count() %
        1000;
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%S", &utc);
    std::lock_guard lock(m_mutex);
    std::fprintf(stderr, "%s.%03dZ %s %.*s\n", stamp, static_cast<int>(millis),
                 kNames[static_cast<int>(level)], static_cast<int>(message.size()), message.data());
    std::fflush(stderr);
}

}  // namespace server::config
