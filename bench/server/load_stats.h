// What one load run measured, and its report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct LoadReport {
    int pairs = 0;
    double seconds = 0;
    std::uint64_t deliveries = 0;     // message.created events received by the peer in the window
    std::vector<double> latenciesMs;  // send to the peer's receipt, one per delivery in the window
    std::uint64_t sent = 0;           // every message, warm-up and drain included
    std::uint64_t acked = 0;
    std::uint64_t lost = 0;             // acked but never delivered to the peer
    std::uint64_t duplicates = 0;       // deliveries past the first of one message
    std::uint64_t unacked = 0;          // delivered or not, never acked
    std::int64_t loadCpuMicros = -1;    // this program's CPU time over the window
    std::int64_t serverCpuMicros = -1;  // the server's (utime + stime), -1 when not measured
    std::string serverThreads;          // the server's CPU per delivery by thread, rendered

    // Human-readable, one figure per line.
    std::string render();
};

}  // namespace bench
