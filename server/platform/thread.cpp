#include "server/platform/thread.h"

#if defined(_WIN32)
#include <windows.h>
#else
#include <pthread.h>
#include <sys/resource.h>
#if defined(__linux__)
#include <sys/syscall.h>
#include <unistd.h>
#endif
#endif

namespace server::platform {

void nameThread(std::thread& thread, const char* name) {
#if defined(__linux__)
    pthread_setname_np(thread.native_handle(), name);
#else
    // macOS names only the calling thread, Windows needs a wide string: not worth it for a name.
    (void)thread;
    (void)name;
#endif
}

void lowerThisThreadsPriority() {
#if defined(_WIN32)
    SetThreadPriority(GetCurrentThread(), THREAD_PRIORITY_LOWEST);
#elif defined(__linux__)
    // On Linux a thread has its own nice value, set through its thread id.
    const auto tid = static_cast<id_t>(syscall(SYS_gettid));
    const int nice = getpriority(PRIO_PROCESS, tid);
    setpriority(PRIO_PROCESS, tid, nice + 10 > 19 ? 19 : nice + 10);
#elif defined(__APPLE__)
    pthread_set_qos_class_self_np(QOS_CLASS_UTILITY, 0);
#endif
}

}  // namespace server::platform
