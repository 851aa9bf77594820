// What the operating system says about this process: its resident memory and when it started.
#pragma once

#include <QtGlobal>
#include <optional>

namespace bench {

// Resident set size in bytes (Linux: VmRSS of /proc/self/status); nullopt where not known.
std::optional<qint64> residentMemoryBytes();

// CPU time consumed by the calling thread, in nanoseconds; nullopt where not known. Unlike wall
// time it does not count the time other processes of a shared machine hold the core.
std::optional<qint64> threadCpuNanoseconds();

}  // namespace bench
