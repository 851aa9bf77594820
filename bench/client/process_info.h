// What the operating system says about this process: its resident memory and when it started.
#pragma once

#include <QtGlobal>
#include <optional>

namespace bench {

// Resident set size in bytes (Linux: VmRSS of /proc/self/status); nullopt where not known.
std::optional<qint64> residentMemoryBytes();

}  // namespace bench
