#include "bench/common/cpu_window.h"

#include <cstdio>

namespace bench {

std::string CpuFigures::render(std::uint64_t deliveries, int decimals) const {
    // CPU per delivery: what the figure costs, whatever else the shared machine is doing.
    const auto perDelivery = [deliveries](std::int64_t micros) {
        return deliveries > 0 ? static_cast<double>(micros) / static_cast<double>(deliveries) : 0.0;
    };
    std::string out;
    char text[160];
    if (loadMicros >= 0) {
        std::snprintf(text, sizeof text, "load CPU per delivery   %.*f us (%.2f s in the window)\n",
                      decimals, perDelivery(loadMicros), static_cast<double>(loadMicros) / 1e6);
        out += text;
    }
    if (serverMicros >= 0) {
        std::snprintf(text, sizeof text, "server CPU per delivery %.*f us (%.2f s in the window)\n",
                      decimals, perDelivery(serverMicros), static_cast<double>(serverMicros) / 1e6);
        out += text + serverThreads;
    }
    return out;
}

CpuWindow::CpuWindow(int serverPid)
    : m_serverPid(serverPid),
      m_loadStart(ownCpuMicros()),
      m_serverStart(serverPid ? sampleCpu(serverPid) : CpuSample{}) {}

CpuFigures CpuWindow::close(std::uint64_t deliveries) const {
    CpuFigures figures;
    figures.loadMicros = ownCpuMicros() - m_loadStart;
    if (m_serverPid) {
        const auto serverEnd = sampleCpu(m_serverPid);
        if (m_serverStart.totalMicros >= 0 && serverEnd.totalMicros >= 0)
            figures.serverMicros = serverEnd.totalMicros - m_serverStart.totalMicros;
        figures.serverThreads =
            renderThreadCpu(m_serverStart, serverEnd, static_cast<double>(deliveries));
    }
    return figures;
}

}  // namespace bench
