// The lines both load programs' reports share: percentiles of latencies, and the messages' fate.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// Nearest-rank percentile of sorted values; 0 when there are none.
double percentile(const std::vector<double>& sorted, double p);

// "latency p50", "latency p99" and "latency max" of sorted latencies in milliseconds.
std::string renderLatencies(const std::vector<double>& sortedMs);

// Every message sent (acked and not), then the lost and the duplicated.
std::string renderOutcome(std::uint64_t sent, std::uint64_t acked, std::uint64_t unacked,
                          std::uint64_t lost, std::uint64_t duplicates);

}  // namespace bench
