#include "server/net/http_session_tracker.h"

#include <vector>

namespace server::net {

std::uint64_t HttpSessionTracker::add(std::weak_ptr<Stoppable> session) {
    std::lock_guard lock(m_mutex);
    const auto id = m_nextId++;
    m_sessions.emplace(id, std::move(session));
    return id;
}

void HttpSessionTracker::remove(std::uint64_t id) {
    std::lock_guard lock(m_mutex);
    m_sessions.erase(id);
}

void HttpSessionTracker::stopAll() {
    m_stopping = true;
    std::vector<std::shared_ptr<Stoppable>> open;
    {
        std::lock_guard lock(m_mutex);
        for (const auto& [id, weak] : m_sessions)
            if (auto session = weak.lock())
                open.push_back(std::move(session));
    }
    for (const auto& session : open)
        session->stop();
}

}  // namespace server::net
