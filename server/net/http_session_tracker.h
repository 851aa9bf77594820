// The open HTTP connections of this node, so that shutdown can close the idle keep-alive ones.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
#include <unordered_map>

namespace server::net {

// Something shutdown can ask to stop: an idle connection closes, a busy one after its answer.
class Stoppable {
public:
    virtual ~Stoppable() = default;
    virtual void stop() = 0;  // any thread
};

// Thread-safe.
class HttpSessionTracker {
public:
    std::uint64_t add(std::weak_ptr<Stoppable> session);
    void remove(std::uint64_t id);
    // Sets stopping() and asks every open session to stop.
    void stopAll();
    bool stopping() const { return m_stopping.load(); }

private:
    std::mutex m_mutex;
    std::uint64_t m_nextId = 1;
    std::unordered_map<std::uint64_t, std::weak_ptr<Stoppable>> m_sessions;
    std::atomic<bool> m_stopping{false};
};

}  // namespace server::net
