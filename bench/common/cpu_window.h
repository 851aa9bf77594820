// The CPU time this program and the server under load used over a measured window.
#pragma once

#include <cstdint>
#include <string>

#include "bench/common/process_cpu.h"

namespace bench {

struct CpuFigures {
    std::int64_t loadMicros = -1;    // this program's CPU time over the window
    std::int64_t serverMicros = -1;  // the server's (utime + stime), -1 when not measured
    std::string serverThreads;       // the server's CPU per delivery by thread, rendered

    // "load CPU per delivery" and "server CPU per delivery" lines, with `decimals` digits of
    // microseconds, then the server's threads; a figure not measured is left out.
    std::string render(std::uint64_t deliveries, int decimals) const;
};

class CpuWindow {
public:
    // Opens the window now; serverPid 0 measures this program alone.
    explicit CpuWindow(int serverPid);

    // Closes the window: the CPU time of both since it opened, the server's threads per delivery.
    CpuFigures close(std::uint64_t deliveries) const;

private:
    int m_serverPid;
    std::int64_t m_loadStart;
    CpuSample m_serverStart;
};

}  // namespace bench
