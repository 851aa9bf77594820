// What one load run measured, and its report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/common/cpu_window.h"

namespace bench {

struct LoadReport {
    int pairs = 0;
    double seconds = 0;
    std::uint64_t deliveries = 0;     // message.created events received by the peer in the window
    std::vector<double> latenciesMs;  // send to the peer's receipt, one per delivery in the window
    std::uint64_t sent = 0;           // every message, warm-up and drain included
    std::uint64_t acked = 0;
    std::uint64_t lost = 0;        // acked but never delivered to the peer
    std::uint64_t duplicates = 0;  // deliveries past the first of one message
    std::uint64_t unacked = 0;     // delivered or not, never acked
    CpuFigures cpu;                // over the window

    // Human-readable, one figure per line.
    std::string render();
};

}  // namespace bench
