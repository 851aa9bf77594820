#include "bench/client/process_info.h"

#include <QFile>

#if defined(Q_OS_UNIX)
#include <time.h>
#endif
#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace bench {

std::optional<qint64> residentMemoryBytes() {
#if defined(Q_OS_LINUX)
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly)) {
        return std::nullopt;
    }
    // A /proc file reports size 0: read it whole rather than line by line up to its "end".
    const QList<QByteArray> lines = status.readAll().split('\n');
    for (const QByteArray& line : lines) {
        if (line.startsWith("VmRSS:")) {
            // "VmRSS:    123456 kB"
            const QList<QByteArray> parts = line.simplified().split(' ');
            if (parts.size() >= 2) {
                bool ok = false;
                const qint64 kib = parts.at(1).toLongLong(&ok);
                if (ok) {
                    return kib * 1024;
                }
            }
        }
    }
    return std::nullopt;
#else
    return std::nullopt;
#endif
}

std::optional<HeapBytes> heapBytes() {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 33))
    const struct mallinfo2 info = mallinfo2();
    return HeapBytes{qint64(info.uordblks + info.hblkhd), qint64(info.fordblks)};
#else
    return std::nullopt;
#endif
}

bool trimHeap() {
#if defined(__GLIBC__)
    malloc_trim(0);
    return true;
#else
    return false;
#endif
}

std::optional<qint64> threadCpuNanoseconds() {
#if defined(Q_OS_UNIX) && defined(CLOCK_THREAD_CPUTIME_ID)
    timespec now{};
    if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now) != 0) {
        return std::nullopt;
    }
    return qint64(now.tv_sec) * 1'000'000'000 + now.tv_nsec;
#else
    return std::nullopt;
#endif
}

}  // namespace bench
