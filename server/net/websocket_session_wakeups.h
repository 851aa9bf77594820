// The WebSocket sessions of one io_context that other threads handed work to, woken by one post.
#pragma once

#include <boost/asio/execution_context.hpp>
#include <boost/asio/post.hpp>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "server/net/wakeable.h"

namespace server::net {

// An io_context service (one per io_context, created on first use). The writer's thread
// completes a whole group commit at once and hands frames to a few hundred sockets: a post per
// socket from a foreign thread costs the io_context's lock and queue each time, so the sockets
// line up here and one post runs them all. Scheduling allocates nothing once the lists have
// grown to a commit's size (their capacity is kept). Thread-safe.
class SessionWakeups final : public boost::asio::execution_context::service {
public:
    using key_type = SessionWakeups;
    static inline boost::asio::execution_context::id id;

    explicit SessionWakeups(boost::asio::execution_context& context) : service(context) {}

    // Runs `wakeable->wake()` on a thread of the io_context, with every other wake queued
    // before the runner posted to `executor` starts. `executor` is read only by the first
    // wake of a burst (the one that posts the runner).
    template <class Executor>
    void schedule(std::shared_ptr<Wakeable> wakeable, const Executor& executor) {
        {
            std::lock_guard lock(m_mutex);
            m_pending.push_back(std::move(wakeable));
            if (m_pending.size() > 1)
                return;  // the runner already posted takes this one too
        }
        boost::asio::post(executor, [this] { runPending(); });
    }

private:
    using List = std::vector<std::shared_ptr<Wakeable>>;

    // With several io threads two runners may overlap, so each runs a list of its own: the
    // spare one, whose capacity a finished runner hands back.
    void runPending() {
        List running;
        {
            std::lock_guard lock(m_mutex);
            running.swap(m_pending);
            m_pending.swap(m_spare);
        }
        for (const auto& wakeable : running)
            wakeable->wake();
        running.clear();  // releases the sessions outside the lock: one may be the last owner
        std::lock_guard lock(m_mutex);
        if (running.capacity() > m_spare.capacity())
            m_spare.swap(running);
    }

    void shutdown() override {
        List dropped;  // released outside the lock
        std::lock_guard lock(m_mutex);
        dropped.swap(m_pending);
    }

    std::mutex m_mutex;
    List m_pending;
    List m_spare;  // empty, with the capacity of an earlier list
};

}  // namespace server::net
