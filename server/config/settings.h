// Every setting of the server: the TOML file's keys (PROTOCOL.md "Operations"), with defaults.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace server::config {

struct ServerSection {
    std::string listen = "127.0.0.1:8443";
    std::string dataDir = "./messenger-data";
    int threads = 0;  // 0: one per core
    std::vector<std::string> allowedOrigins;
    std::vector<std::string> trustedProxies;
};

struct TlsSection {
    bool enabled = true;
    std::string cert;  // empty: self-signed in data_dir
    std::string key;
};

struct RelaySection {
    std::string redis;  // empty: in-process
};

struct LimitsSection {
    double sendsBurst = 30;
    double sendsPerSecond = 5;
    double loginFailuresBurst = 5;
    double loginFailuresPerMinute = 6;
    double registrationsBurst = 5;
    double registrationsPerMinute = 1;
    double uploadsPerMinute = 30;
    std::int64_t jsonBodyKib = 256;
    std::int64_t frameKib = 64;
    std::int64_t socketQueueKib = 4096;
    std::int64_t idleTimeoutS = 60;
    std::int64_t handshakeTimeoutS = 15;
    std::int64_t helloTimeoutS = 10;          // extension: the hello rule, configurable for tests
    std::int64_t headerKib = 8;               // extension: the HTTP header limit
    std::int64_t floodFramesPerSecond = 200;  // extension: text frames per second before 4029
};

struct MediaSection {
    std::int64_t maxBytes = 20971520;
    std::int64_t maxSide = 16384;
    std::int64_t maxPixels = 50000000;
    std::int64_t quotaBytes = 1073741824;
    std::int64_t orphanGraceS = 86400;
    std::int64_t minFreeBytes = 1073741824;
};

struct Settings {
    ServerSection server;
    TlsSection tls;
    RelaySection relay;
    LimitsSection limits;
    MediaSection media;
    std::string logLevel = "info";
};

}  // namespace server::config
