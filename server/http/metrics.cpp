#include "server/http/metrics.h"

#include <sstream>

namespace server::http {
namespace {

// Label values escape backslash, double quote and newline (Prometheus text format 0.0.4).
std::string labelValue(const std::string& value) {
    std::string out;
    for (char c : value) {
        if (c == '\\' || c == '"')
            out += '\\', out += c;
        else if (c == '\n')
            out += "\\n";
        else
            out += c;
    }
    return out;
}

}  // namespace

void Metrics::recordRequest(const std::string& route, unsigned status, double seconds) {
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    auto& histogram = m_durations[route];
    size_t bucket = 0;
    while (bucket < kBuckets.size() && seconds > kBuckets[bucket])
        ++bucket;
    if (bucket < kBuckets.size())
        ++histogram.counts[bucket];
    ++histogram.total;
    histogram.sum += seconds;
}

std::string Metrics::render() const {
    std::ostringstream out;
    out << "# HELP messenger_connections Open WebSocket connections.\n"
        << "# TYPE messenger_connections gauge\n"
        << "messenger_connections " << m_connections.load() << "\n"
        << "# HELP messenger_messages_total Messages stored.\n"
        << "# TYPE messenger_messages_total counter\n"
        << "messenger_messages_total " << m_messages.load() << "\n";

    std::lock_guard lock(m_mutex);
    out << "# HELP messenger_http_requests_total HTTP requests answered, by route and status.\n"
        << "# TYPE messenger_http_requests_total counter\n";
    for (const auto& [key, count] : m_requests)
        out << "messenger_http_requests_total{route=\"" << labelValue(key.first) << "\",code=\""
            << key.second << "\"} " << count << "\n";

    out << "# HELP messenger_http_request_duration_seconds Time from parsed request to response.\n"
        << "# TYPE messenger_http_request_duration_seconds histogram\n";
    for (const auto& [route, histogram] : m_durations) {
        const std::string label = "route=\"" + labelValue(route) + "\"";
        std::uint64_t cumulative = 0;
        for (size_t i = 0; i < kBuckets.size(); ++i) {
            cumulative += histogram.counts[i];
            out << "messenger_http_request_duration_seconds_bucket{" << label << ",le=\""
                << kBuckets[i] << "\"} " << cumulative << "\n";
        }
        out << "messenger_http_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
            << histogram.total << "\n"
            << "messenger_http_request_duration_seconds_sum{" << label << "} " << histogram.sum
            << "\n"
            << "messenger_http_request_duration_seconds_count{" << label << "} " << histogram.total
            << "\n";
    }
    return out.str();
}

}  // namespace server::http
