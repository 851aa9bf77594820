// What the server asks of the OS for its own threads: a name, and a lower priority.
#pragma once

#include <thread>

namespace server::platform {

// Names the thread in per-thread tools (top -H, perf, the debugger); at most 15 characters
// shown on Linux. Does nothing where the OS has no such call for another thread.
void nameThread(std::thread& thread, const char* name);

// Lowers the calling thread's priority below the server's other threads, for background work
// (the search index) that must not delay a delivery. Best effort: ignored when refused.
void lowerThisThreadsPriority();

}  // namespace server::platform
