// What the operating system says about this process: its resident memory and when it started.
#pragma once

#include <QtGlobal>
#include <optional>

namespace bench {

// Resident set size in bytes (Linux: VmRSS of /proc/self/status); nullopt where not known.
std::optional<qint64> residentMemoryBytes();

// The C heap: bytes handed out and bytes free but kept by the allocator (glibc's mallinfo2);
// nullopt on other C libraries.
struct HeapBytes {
    qint64 inUse = 0;
    qint64 freeKept = 0;
};
std::optional<HeapBytes> heapBytes();

// Gives the heap's free pages back to the system (glibc's malloc_trim), so that the resident
// size measured next counts live memory only; false where not possible.
bool trimHeap();

// CPU time consumed by the calling thread, in nanoseconds; nullopt where not known. Unlike wall
// time it does not count the time other processes of a shared machine hold the core.
std::optional<qint64> threadCpuNanoseconds();

}  // namespace bench
