// The server's counters and gauges, rendered in the Prometheus text format. Thread-safe.
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <utility>

namespace server::http {

class Metrics {
public:
    // `route` is the matched pattern ("/api/v1/users/{id}"), or "unmatched".
    void recordRequest(const std::string& route, unsigned status, double seconds);
    void connectionOpened() { ++m_connections; }
    void connectionClosed() { --m_connections; }
    void messageStored() { ++m_messages; }

    std::int64_t connections() const { return m_connections.load(); }

    // text/plain; version=0.0.4
    std::string render() const;

private:
    static constexpr std::array<double, 11> kBuckets = {0.001, 0.0025, 0.005, 0.01, 0.025, 0.05,
                                                        0.1,   0.25,   0.5,   1.0,  2.5};
    struct Histogram {
        std::array<std::uint64_t, kBuckets.size()> counts{};  // per bucket, not cumulative
        std::uint64_t total = 0;
        double sum = 0;
    };

    std::atomic<std::int64_t> m_connections{0};
    std::atomic<std::uint64_t> m_messages{0};
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, unsigned>, std::uint64_t> m_requests;  // (route, status)
    std::map<std::string, Histogram> m_durations;                          // by route
};

}  // namespace server::http
