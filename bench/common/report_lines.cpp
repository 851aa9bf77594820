#include "bench/common/report_lines.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace bench {
namespace {

unsigned long long ull(std::uint64_t value) {
    return static_cast<unsigned long long>(value);
}

}  // namespace

double percentile(const std::vector<double>& sorted, double p) {
    if (sorted.empty())
        return 0;
    const auto rank = static_cast<std::size_t>(std::ceil(p / 100.0 * sorted.size()));
    return sorted[std::clamp<std::size_t>(rank, 1, sorted.size()) - 1];
}

std::string renderLatencies(const std::vector<double>& sortedMs) {
    char text[256];
    std::snprintf(text, sizeof text,
                  "latency p50           %.3f ms\n"
                  "latency p99           %.3f ms\n"
                  "latency max           %.3f ms\n",
                  percentile(sortedMs, 50), percentile(sortedMs, 99),
                  sortedMs.empty() ? 0.0 : sortedMs.back());
    return text;
}

std::string renderOutcome(std::uint64_t sent, std::uint64_t acked, std::uint64_t unacked,
                          std::uint64_t lost, std::uint64_t duplicates) {
    char text[256];
    std::snprintf(text, sizeof text,
                  "messages sent         %llu (acked %llu, never acked %llu)\n"
                  "lost                  %llu\n"
                  "duplicates            %llu\n",
                  ull(sent), ull(acked), ull(unacked), ull(lost), ull(duplicates));
    return text;
}

}  // namespace bench
