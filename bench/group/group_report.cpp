#include "bench/group/group_report.h"

#include <algorithm>
#include <cstdio>

#include "bench/common/report_lines.h"

namespace bench {

std::string GroupReport::render() {
    std::sort(latenciesMs.begin(), latenciesMs.end());
    std::sort(ackMs.begin(), ackMs.end());
    char text[512];
    std::snprintf(text, sizeof text,
                  "scenario              %s: %d group(s) of %d members, %d sender(s) each\n"
                  "measured              %.1f s\n"
                  "messages in window    %llu (%.0f per second)\n"
                  "deliveries            %llu\n"
                  "deliveries per second %.0f\n",
                  scenario.c_str(), groups, members, senders, seconds,
                  static_cast<unsigned long long>(sentInWindow),
                  seconds > 0 ? static_cast<double>(sentInWindow) / seconds : 0.0,
                  static_cast<unsigned long long>(deliveries),
                  seconds > 0 ? static_cast<double>(deliveries) / seconds : 0.0);
    std::string out = text + renderLatencies(latenciesMs);
    std::snprintf(text, sizeof text, "ack p50 / p99 / max   %.3f / %.3f / %.3f ms\n",
                  percentile(ackMs, 50), percentile(ackMs, 99), ackMs.empty() ? 0.0 : ackMs.back());
    return out + text + renderOutcome(sent, acked, unacked, lost, duplicates) +
           cpu.render(deliveries, 2);
}

}  // namespace bench
