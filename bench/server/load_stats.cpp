#include "bench/server/load_stats.h"

#include <algorithm>
#include <cstdio>

#include "bench/common/report_lines.h"

namespace bench {

std::string LoadReport::render() {
    std::sort(latenciesMs.begin(), latenciesMs.end());
    char text[256];
    std::snprintf(text, sizeof text,
                  "pairs                 %d\n"
                  "measured              %.1f s\n"
                  "deliveries            %llu\n"
                  "deliveries per second %.0f\n",
                  pairs, seconds, static_cast<unsigned long long>(deliveries),
                  seconds > 0 ? static_cast<double>(deliveries) / seconds : 0.0);
    return text + renderLatencies(latenciesMs) +
           renderOutcome(sent, acked, unacked, lost, duplicates) + cpu.render(deliveries, 1);
}

}  // namespace bench
