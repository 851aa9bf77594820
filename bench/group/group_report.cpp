#include "bench/group/group_report.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bench {
namespace {

// Nearest-rank percentile of sorted values.
double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

unsigned long long ull(std::uint64_t value) {
    return static_cast<unsigned long long>(value);
}

}  // namespace

std::string GroupReport::render() {
    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::sort(ackMs.begin(), ackMs.end());
    char text[1536];
    std::snprintf(text, sizeof text,
                  "scenario              %s: %d group(s) of %d members, %d sender(s) each\n"
                  "measured              %.1f s\n"
                  "messages in window    %llu (%.0f per second)\n"
                  "deliveries            %llu\n"
                  "deliveries per second %.0f\n"
                  "latency p50           %.3f ms\n"
                  "latency p99           %.3f ms\n"
                  "latency max           %.3f ms\n"
                  "ack p50 / p99 / max   %.3f / %.3f / %.3f ms\n"
                  "messages sent         %llu (acked %llu, never acked %llu)\n"
                  "lost                  %llu\n"
                  "duplicates            %llu\n",
                  scenario.c_str(), groups, members, senders, seconds, ull(sentInWindow),
                  seconds > 0 ? static_cast<double>(sentInWindow) / seconds : 0.0, ull(deliveries),
                  seconds > 0 ? static_cast<double>(deliveries) / seconds : 0.0,
                  percentile(latenciesMs, 50), percentile(latenciesMs, 99),
                  latenciesMs.empty() ? 0.0 : latenciesMs.back(), percentile(ackMs, 50),
                  percentile(ackMs, 99), ackMs.empty() ? 0.0 : ackMs.back(), ull(sent), ull(acked),
                  ull(unacked), ull(lost), ull(duplicates));
    std::string out = text;
    // CPU per delivery: what the figure costs, whatever else the shared machine is doing.
    const auto perDelivery = [this](std::int64_t micros) {
        return deliveries > 0 ? static_cast<double>(micros) / static_cast<double>(deliveries) : 0.0;
    };
    if (loadCpuMicros >= 0) {
        std::snprintf(text, sizeof text, "load CPU per delivery   %.2f us (%.2f s in the window)\n",
                      perDelivery(loadCpuMicros), static_cast<double>(loadCpuMicros) / 1e6);
        out += text;
    }
    if (serverCpuMicros >= 0) {
        std::snprintf(text, sizeof text, "server CPU per delivery %.2f us (%.2f s in the window)\n",
                      perDelivery(serverCpuMicros), static_cast<double>(serverCpuMicros) / 1e6);
        out += text + serverThreads;
    }
    return out;
}

}  // namespace bench
