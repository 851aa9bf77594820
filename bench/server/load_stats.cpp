#include "bench/server/load_stats.h"

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

}  // namespace

std::string LoadReport::render() {
    std::sort(latenciesMs.begin(), latenciesMs.end());
    char text[1024];
    std::snprintf(text, sizeof text,
                  "pairs                 %d\n"
                  "measured              %.1f s\n"
                  "deliveries            %llu\n"
                  "deliveries per second %.0f\n"
                  "latency p50           %.3f ms\n"
                  "latency p99           %.3f ms\n"
                  "latency max           %.3f ms\n"
                  "messages sent         %llu (acked %llu, never acked %llu)\n"
                  "lost                  %llu\n"
                  "duplicates            %llu\n",
                  pairs, seconds, static_cast<unsigned long long>(deliveries),
                  seconds > 0 ? static_cast<double>(deliveries) / seconds : 0.0,
                  percentile(latenciesMs, 50), percentile(latenciesMs, 99),
                  latenciesMs.empty() ? 0.0 : latenciesMs.back(),
                  static_cast<unsigned long long>(sent), static_cast<unsigned long long>(acked),
                  static_cast<unsigned long long>(unacked), static_cast<unsigned long long>(lost),
                  static_cast<unsigned long long>(duplicates));
    std::string out = text;
    // CPU per delivery: what the figure costs, whatever else the shared machine is doing.
    const auto perDelivery = [this](std::int64_t micros) {
        return deliveries > 0 ? static_cast<double>(micros) / static_cast<double>(deliveries) : 0.0;
    };
    if (loadCpuMicros >= 0) {
        std::snprintf(text, sizeof text, "load CPU per delivery   %.1f us (%.2f s in the window)\n",
                      perDelivery(loadCpuMicros), static_cast<double>(loadCpuMicros) / 1e6);
        out += text;
    }
    if (serverCpuMicros >= 0) {
        std::snprintf(text, sizeof text, "server CPU per delivery %.1f us (%.2f s in the window)\n",
                      perDelivery(serverCpuMicros), static_cast<double>(serverCpuMicros) / 1e6);
        out += text + serverThreads;
    }
    return out;
}

}  // namespace bench
