// Counts the I/O threads still running, so shutdown can wait for them with a deadline.
#pragma once

#include <chrono>
#include <condition_variable>
#include <mutex>

namespace server::app {

class ShutdownWaiter {
public:
    explicit ShutdownWaiter(int threads) : m_running(threads) {}

    void threadFinished() {
        std::lock_guard lock(m_mutex);
        --m_running;
        m_changed.notify_all();
    }
    void requestStop() {
        std::lock_guard lock(m_mutex);
        m_stopRequested = true;
        m_changed.notify_all();
    }
    // Blocks until a stop is requested or every thread has finished.
    void waitForStop() {
        std::unique_lock lock(m_mutex);
        m_changed.wait(lock, [this] { return m_stopRequested || m_running == 0; });
    }
    // True when every thread finished within `timeout`.
    bool waitForThreads(std::chrono::seconds timeout) {
        std::unique_lock lock(m_mutex);
        return m_changed.wait_for(lock, timeout, [this] { return m_running == 0; });
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_changed;
    int m_running;
    bool m_stopRequested = false;
};

}  // namespace server::app
