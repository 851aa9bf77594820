// The WebSocket sessions of one io_context that other threads handed work to, woken by one post.
#pragma once

#include <boost/asio/execution_context.hpp>
#include <boost/asio/post.hpp>
#include <functional>
#include <mutex>
#include <utility>
#include <vector>

namespace server::net {

// An io_context service (one per io_context, created on first use). The writer's thread
// completes a whole group commit at once and hands frames to a few hundred sockets: a post per
// socket from a foreign thread costs the io_context's lock and queue each time, so the sockets
// line up here and one post runs them all. Thread-safe.
class SessionWakeups final : public boost::asio::execution_context::service {
public:
    using key_type = SessionWakeups;
    static inline boost::asio::execution_context::id id;

    explicit SessionWakeups(boost::asio::execution_context& context) : service(context) {}

    // Runs `wake` on a thread of the io_context (on no strand in particular: `wake` dispatches
    // to its own), with every other wake queued before the runner posted to `executor` starts.
    template <class Executor>
    void schedule(const Executor& executor, std::function<void()> wake) {
        {
            std::lock_guard lock(m_mutex);
            m_pending.push_back(std::move(wake));
            if (m_pending.size() > 1)
                return;  // the runner already posted takes this one too
        }
        boost::asio::post(executor, [this] { runPending(); });
    }

private:
    void runPending() {
        std::vector<std::function<void()>> running;
        {
            std::lock_guard lock(m_mutex);
            running.swap(m_pending);
            m_pending.reserve(running.capacity());
        }
        for (auto& wake : running)
            wake();
    }

    void shutdown() override {
        std::vector<std::function<void()>> dropped;  // released outside the lock
        std::lock_guard lock(m_mutex);
        dropped.swap(m_pending);
    }

    std::mutex m_mutex;
    std::vector<std::function<void()>> m_pending;
};

}  // namespace server::net
