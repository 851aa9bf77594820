// CPU time used by a process and by each of its threads, read from /proc.
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace bench {

struct ThreadCpu {
    std::string name;  // the thread's comm
    std::int64_t micros = 0;
};

// One reading of a process's CPU time (user + system), whole and per thread (by tid).
struct CpuSample {
    std::int64_t totalMicros = -1;  // -1: the process could not be read
    std::map<int, ThreadCpu> threads;
};

// Reads /proc/<pid>/stat and /proc/<pid>/task/*/stat.
CpuSample sampleCpu(int pid);
// This process's own CPU time (every thread), in microseconds.
std::int64_t ownCpuMicros();

// "  <name> <µs per unit> µs" for each thread that used at least 1 % of the total between the
// two samples, busiest first; empty when either sample failed.
std::string renderThreadCpu(const CpuSample& before, const CpuSample& after, double units);

}  // namespace bench
