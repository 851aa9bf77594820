#include "server/config/settings_file.h"

#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <functional>
#include <limits>
#include <sstream>

#include "server/config/config_error.h"
#include "server/config/listen_address.h"
#include "server/config/logger.h"

namespace server::config {
namespace {

using Apply = std::function<void(Settings&, const toml::node&, const std::string& dotted)>;

struct Key {
    std::string_view section;
    std::string_view name;
    Apply apply;
};

ConfigError typeError(const std::string& dotted, std::string_view expected) {
    return ConfigError(dotted + ": expected " + std::string(expected));
}

template <class Section>
Apply integerKey(Section Settings::*section, std::int64_t Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        if (const auto v = node.value_exact<std::int64_t>()) {
            (s.*section).*field = *v;
            return;
        }
        // 64.0 is a whole number written as a float: accept it, refuse 64.5.
        if (const auto d = node.value_exact<double>();
            d && std::trunc(*d) == *d && std::abs(*d) < 9.0e15) {
            (s.*section).*field = static_cast<std::int64_t>(*d);
            return;
        }
        throw typeError(dotted, "an integer");
    };
}

template <class Section>
Apply intKey(Section Settings::*section, int Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        const auto v = node.value_exact<std::int64_t>();
        if (!v)
            throw typeError(dotted, "an integer");
        if (*v < std::numeric_limits<int>::min() || *v > std::numeric_limits<int>::max())
            throw ConfigError(dotted + ": out of range");
        (s.*section).*field = static_cast<int>(*v);
    };
}

template <class Section>
Apply numberKey(Section Settings::*section, double Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        if (const auto i = node.value_exact<std::int64_t>())
            (s.*section).*field = static_cast<double>(*i);
        else if (const auto d = node.value_exact<double>())
            (s.*section).*field = *d;
        else
            throw typeError(dotted, "a number");
    };
}

template <class Section>
Apply stringKey(Section Settings::*section, std::string Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        const auto v = node.value_exact<std::string>();
        if (!v)
            throw typeError(dotted, "a string");
        (s.*section).*field = *v;
    };
}

template <class Section>
Apply boolKey(Section Settings::*section, bool Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        const auto v = node.value_exact<bool>();
        if (!v)
            throw typeError(dotted, "a boolean");
        (s.*section).*field = *v;
    };
}

template <class Section>
Apply stringListKey(Section Settings::*section, std::vector<std::string> Section::*field) {
    return [=](Settings& s, const toml::node& node, const std::string& dotted) {
        const auto* array = node.as_array();
        if (!array)
            throw typeError(dotted, "an array of strings");
        std::vector<std::string> values;
        for (const auto& element : *array) {
            const auto v = element.value_exact<std::string>();
            if (!v)
                throw typeError(dotted, "an array of strings");
            values.push_back(*v);
        }
        (s.*section).*field = std::move(values);
    };
}

// The file's keys, listed once: PROTOCOL.md "Operations" plus the [limits] extensions.
const std::vector<Key>& keys() {
    using S = Settings;
    static const std::vector<Key> table = {
        {"server", "listen", stringKey(&S::server, &ServerSection::listen)},
        {"server", "data_dir", stringKey(&S::server, &ServerSection::dataDir)},
        {"server", "threads", intKey(&S::server, &ServerSection::threads)},
        {"server", "allowed_origins", stringListKey(&S::server, &ServerSection::allowedOrigins)},
        {"server", "trusted_proxies", stringListKey(&S::server, &ServerSection::trustedProxies)},
        {"tls", "enabled", boolKey(&S::tls, &TlsSection::enabled)},
        {"tls", "cert", stringKey(&S::tls, &TlsSection::cert)},
        {"tls", "key", stringKey(&S::tls, &TlsSection::key)},
        {"relay", "redis", stringKey(&S::relay, &RelaySection::redis)},
        {"limits", "sends_burst", numberKey(&S::limits, &LimitsSection::sendsBurst)},
        {"limits", "sends_per_second", numberKey(&S::limits, &LimitsSection::sendsPerSecond)},
        {"limits", "login_failures_burst",
         numberKey(&S::limits, &LimitsSection::loginFailuresBurst)},
        {"limits", "login_failures_per_minute",
         numberKey(&S::limits, &LimitsSection::loginFailuresPerMinute)},
        {"limits", "registrations_burst",
         numberKey(&S::limits, &LimitsSection::registrationsBurst)},
        {"limits", "registrations_per_minute",
         numberKey(&S::limits, &LimitsSection::registrationsPerMinute)},
        {"limits", "uploads_per_minute", numberKey(&S::limits, &LimitsSection::uploadsPerMinute)},
        {"limits", "json_body_kib", integerKey(&S::limits, &LimitsSection::jsonBodyKib)},
        {"limits", "frame_kib", integerKey(&S::limits, &LimitsSection::frameKib)},
        {"limits", "socket_queue_kib", integerKey(&S::limits, &LimitsSection::socketQueueKib)},
        {"limits", "idle_timeout_s", integerKey(&S::limits, &LimitsSection::idleTimeoutS)},
        {"limits", "handshake_timeout_s",
         integerKey(&S::limits, &LimitsSection::handshakeTimeoutS)},
        {"limits", "hello_timeout_s", integerKey(&S::limits, &LimitsSection::helloTimeoutS)},
        {"limits", "header_kib", integerKey(&S::limits, &LimitsSection::headerKib)},
        {"limits", "flood_frames_per_second",
         integerKey(&S::limits, &LimitsSection::floodFramesPerSecond)},
        {"media", "max_bytes", integerKey(&S::media, &MediaSection::maxBytes)},
        {"media", "max_side", integerKey(&S::media, &MediaSection::maxSide)},
        {"media", "max_pixels", integerKey(&S::media, &MediaSection::maxPixels)},
        {"media", "quota_bytes", integerKey(&S::media, &MediaSection::quotaBytes)},
        {"media", "orphan_grace_s", integerKey(&S::media, &MediaSection::orphanGraceS)},
        {"media", "min_free_bytes", integerKey(&S::media, &MediaSection::minFreeBytes)},
    };
    return table;
}

bool isSection(std::string_view name) {
    for (const auto& key : keys())
        if (key.section == name)
            return true;
    return false;
}

const Key* findKey(std::string_view section, std::string_view name) {
    for (const auto& key : keys())
        if (key.section == section && key.name == name)
            return &key;
    return nullptr;
}

void requirePositive(double value, const char* dotted) {
    if (!(value > 0) || !std::isfinite(value))
        throw ConfigError(std::string(dotted) + ": must be positive");
}

}  // namespace

Settings parseSettingsToml(std::string_view text, Settings base) {
    toml::table root;
    try {
        root = toml::parse(text);
    } catch (const toml::parse_error& e) {
        std::ostringstream message;
        message << "configuration line " << e.source().begin.line << ": " << e.description();
        throw ConfigError(message.str());
    }
    for (const auto& [sectionKey, sectionNode] : root) {
        const std::string section(sectionKey.str());
        if (!isSection(section))
            throw ConfigError("unknown key " + section);
        const auto* table = sectionNode.as_table();
        if (!table)
            throw typeError(section, "a table");
        for (const auto& [nameKey, node] : *table) {
            const std::string dotted = section + "." + std::string(nameKey.str());
            const Key* key = findKey(section, nameKey.str());
            if (!key)
                throw ConfigError("unknown key " + dotted);
            key->apply(base, node, dotted);
        }
    }
    return base;
}

Settings loadSettingsFile(const std::filesystem::path& path, Settings base) {
    std::ifstream file(path, std::ios::binary);
    if (!file)
        throw ConfigError("cannot read configuration file " + path.string());
    std::ostringstream text;
    text << file.rdbuf();
    return parseSettingsToml(text.str(), std::move(base));
}

void validateSettings(const Settings& s) {
    parseListenAddress(s.server.listen, "server.listen");
    if (s.server.dataDir.empty())
        throw ConfigError("server.data_dir: must not be empty");
    if (s.server.threads < 0 || s.server.threads > 1024)
        throw ConfigError("server.threads: must be 0 (one per core) to 1024");
    if (s.tls.cert.empty() != s.tls.key.empty())
        throw ConfigError(s.tls.cert.empty() ? "tls.cert: required when tls.key is set"
                                             : "tls.key: required when tls.cert is set");
    if (!s.relay.redis.empty() && s.relay.redis.rfind("redis://", 0) != 0)
        throw ConfigError("relay.redis: expected redis://HOST:PORT");
    if (!logLevelFromString(s.logLevel))
        throw ConfigError("log_level: expected debug, info, warn or error");

    const auto& l = s.limits;
    requirePositive(l.sendsBurst, "limits.sends_burst");
    requirePositive(l.sendsPerSecond, "limits.sends_per_second");
    requirePositive(l.loginFailuresBurst, "limits.login_failures_burst");
    requirePositive(l.loginFailuresPerMinute, "limits.login_failures_per_minute");
    requirePositive(l.registrationsBurst, "limits.registrations_burst");
    requirePositive(l.registrationsPerMinute, "limits.registrations_per_minute");
    requirePositive(l.uploadsPerMinute, "limits.uploads_per_minute");
    requirePositive(static_cast<double>(l.jsonBodyKib), "limits.json_body_kib");
    requirePositive(static_cast<double>(l.frameKib), "limits.frame_kib");
    requirePositive(static_cast<double>(l.socketQueueKib), "limits.socket_queue_kib");
    requirePositive(static_cast<double>(l.idleTimeoutS), "limits.idle_timeout_s");
    requirePositive(static_cast<double>(l.handshakeTimeoutS), "limits.handshake_timeout_s");
    requirePositive(static_cast<double>(l.helloTimeoutS), "limits.hello_timeout_s");
    requirePositive(static_cast<double>(l.headerKib), "limits.header_kib");
    requirePositive(static_cast<double>(l.floodFramesPerSecond), "limits.flood_frames_per_second");
    // Sizes become byte counts: keep them well inside 32-bit limits of the parsers.
    if (l.jsonBodyKib > 1024 * 1024)
        throw ConfigError("limits.json_body_kib: at most 1048576");
    if (l.frameKib > 1024 * 1024)
        throw ConfigError("limits.frame_kib: at most 1048576");
    if (l.headerKib > 1024)
        throw ConfigError("limits.header_kib: at most 1024");

    const auto& m = s.media;
    requirePositive(static_cast<double>(m.maxBytes), "media.max_bytes");
    requirePositive(static_cast<double>(m.maxSide), "media.max_side");
    requirePositive(static_cast<double>(m.maxPixels), "media.max_pixels");
    requirePositive(static_cast<double>(m.quotaBytes), "media.quota_bytes");
    if (m.orphanGraceS < 0)
        throw ConfigError("media.orphan_grace_s: must not be negative");
    if (m.minFreeBytes < 0)
        throw ConfigError("media.min_free_bytes: must not be negative");
}

}  // namespace server::config
