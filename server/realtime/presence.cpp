#include "server/realtime/presence.h"

#include <boost/asio/post.hpp>
#include <exception>

#include "common/codec.h"
#include "server/domain/clock.h"

namespace server::realtime {

Presence::Presence(boost::asio::io_context& io, SessionRegistry& registry,
                   domain::Broadcaster& broadcaster, PresenceAudience audience,
                   std::function<void(std::int64_t, std::int64_t)> recordLastSeen,
                   std::chrono::milliseconds offlineDelay)
    : Presence(
          io, registry, broadcaster, std::move(audience),
          [record = std::move(recordLastSeen)](std::int64_t userId, std::int64_t ts,
                                               std::function<void()> stored) {
              record(userId, ts);
              stored();
          },
          offlineDelay) {}

Presence::Presence(boost::asio::io_context& io, SessionRegistry& registry,
                   domain::Broadcaster& broadcaster, PresenceAudience audience,
                   LastSeenRecorder recordLastSeen, std::chrono::milliseconds offlineDelay)
    : m_io(io),
      m_registry(registry),
      m_broadcaster(broadcaster),
      m_audience(std::move(audience)),
      m_recordLastSeen(std::move(recordLastSeen)),
      m_offlineDelay(offlineDelay) {
    m_registry.setObserver(this);
}

Presence::~Presence() {
    m_registry.setObserver(nullptr);
    std::lock_guard lock(m_stateMutex);
    m_users.clear();  // destroying a timer cancels its wait; the handler then touches nothing
}

void Presence::firstSocketOpened(std::int64_t userId) {
    std::lock_guard transition(m_transitionMutex);
    bool wasOnline = false;
    {
        std::lock_guard lock(m_stateMutex);
        auto& user = m_users[userId];
        ++user.generation;
        if (user.timer)
            user.timer->cancel();
        wasOnline = user.online;
        user.online = true;
    }
    if (!wasOnline)
        announce(userId, true, 0);
}

void Presence::lastSocketClosed(std::int64_t userId) {
    std::lock_guard transition(m_transitionMutex);
    {
        std::lock_guard lock(m_stateMutex);
        const auto it = m_users.find(userId);
        if (it == m_users.end() || !it->second.online)
            return;
        if (!m_stopping) {
            auto& user = it->second;
            const auto generation = ++user.generation;
            if (!user.timer)
                user.timer = std::make_unique<boost::asio::steady_timer>(m_io);
            user.timer->expires_after(m_offlineDelay);
            user.timer->async_wait([this, userId, generation](boost::system::error_code ec) {
                if (!ec)
                    offlineDue(userId, generation);
            });
            return;
        }
        m_users.erase(it);
    }
    goOffline(userId);
}

void Presence::offlineDue(std::int64_t userId, std::uint64_t generation) {
    std::lock_guard transition(m_transitionMutex);
    {
        std::lock_guard lock(m_stateMutex);
        const auto it = m_users.find(userId);
        if (it == m_users.end() || it->second.generation != generation || !it->second.online)
            return;
        // A socket that opened while the close was still being reported keeps the user online.
        if (m_registry.hasSockets(userId))
            return;
        m_users.erase(it);
    }
    goOffline(userId);
}

void Presence::stopping() {
    std::lock_guard transition(m_transitionMutex);
    std::vector<std::int64_t> pending;
    {
        std::lock_guard lock(m_stateMutex);
        m_stopping = true;
        for (auto it = m_users.begin(); it != m_users.end();) {
            if (it->second.online && !m_registry.hasSockets(it->first)) {
                pending.push_back(it->first);
                it = m_users.erase(it);
            } else {
                if (it->second.timer)
                    it->second.timer->cancel();
                ++it;
            }
        }
    }
    // Pending timers would hold the io_context for the whole delay: settle them now.
    for (const auto userId : pending)
        goOffline(userId);
}

bool Presence::announcedOnline(std::int64_t userId) const {
    std::lock_guard lock(m_stateMutex);
    const auto it = m_users.find(userId);
    return it != m_users.end() && it->second.online;
}

// Runs under m_transitionMutex. A recorder that calls back before returning gets the
// announcement at once; one that calls back later (the writer's thread) has it posted, so the
// callback never re-enters the mutex it may be called under.
void Presence::goOffline(std::int64_t userId) {
    struct Call {
        std::mutex mutex;
        bool returned = false;
        bool storedBeforeReturn = false;
    };
    const auto now = domain::SystemClock().nowMs();
    auto call = std::make_shared<Call>();
    auto stored = [this, userId, now, call] {
        {
            std::lock_guard lock(call->mutex);
            if (!call->returned) {
                call->storedBeforeReturn = true;
                return;
            }
        }
        boost::asio::post(m_io, [this, userId, now] { lastSeenStored(userId, now); });
    };
    try {
        m_recordLastSeen(userId, now, stored);
    } catch (const std::exception&) {
        // The announcement still goes out; last_seen stays at its previous value.
        std::lock_guard lock(call->mutex);
        call->storedBeforeReturn = true;
    }
    bool storedAlready = false;
    {
        std::lock_guard lock(call->mutex);
        call->returned = true;
        storedAlready = call->storedBeforeReturn;
    }
    if (storedAlready)
        announce(userId, false, now);
}

void Presence::lastSeenStored(std::int64_t userId, std::int64_t lastSeen) {
    std::lock_guard transition(m_transitionMutex);
    {
        std::lock_guard lock(m_stateMutex);
        // Back online meanwhile: `online` was announced after the close; saying offline now
        // would contradict it.
        if (const auto it = m_users.find(userId); it != m_users.end() && it->second.online)
            return;
    }
    announce(userId, false, lastSeen);
}

void Presence::announce(std::int64_t userId, bool online, std::int64_t lastSeen) {
    std::vector<std::int64_t> audience;
    try {
        audience = m_audience(userId);
    } catch (const std::exception&) {
        return;
    }
    if (audience.empty())
        return;
    protocol::ws::PresenceOut frame;
    frame.userId = userId;
    frame.status = online ? protocol::Presence::Online : protocol::Presence::Offline;
    if (!online)
        frame.lastSeen = lastSeen;
    m_broadcaster.toUsers(audience, std::make_shared<const std::string>(
                                        protocol::encode(protocol::ServerFrame{frame})));
}

}  // namespace server::realtime
