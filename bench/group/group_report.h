// What one group load run measured, and its report.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "bench/common/cpu_window.h"

namespace bench {

struct GroupReport {
    std::string scenario;
    int groups = 0, members = 0, senders = 0;
    double seconds = 0;
    std::uint64_t deliveries = 0;     // message.created received by a member (not the sender)
    std::vector<double> latenciesMs;  // send to that member's receipt, one per delivery
    std::vector<double> ackMs;        // send to the sender's ack, one per message acked in it
    std::uint64_t sent = 0;           // every message, warm-up and drain included
    std::uint64_t sentInWindow = 0;
    std::uint64_t acked = 0;
    std::uint64_t unacked = 0;     // never acked by the end of the drain
    std::uint64_t lost = 0;        // (message, member) pairs acked but never delivered
    std::uint64_t duplicates = 0;  // deliveries to a member past its first of one message
    CpuFigures cpu;                // over the window

    // Human-readable, one figure per line.
    std::string render();
};

}  // namespace bench
