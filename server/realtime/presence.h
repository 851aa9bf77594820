// Who is online, as announced to each user's audience: online with the first socket, offline a
// delay after the last one closes, so a reconnect within the delay announces nothing.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <mutex>
#include <unordered_map>
#include <vector>

#include "server/domain/broadcaster.h"
#include "server/realtime/session_observer.h"
#include "server/realtime/session_registry.h"

namespace server::realtime {

// Who hears about a user's presence (friends, fellow group members). May read the database.
using PresenceAudience = std::function<std::vector<std::int64_t>(std::int64_t userId)>;

// Stores a user's last_seen and then calls `stored` (on any thread, never before returning
// is required): `offline` is announced only from there, so a friend who reads the user after
// hearing it sees the new last_seen.
using LastSeenRecorder =
    std::function<void(std::int64_t userId, std::int64_t ts, std::function<void()> stored)>;

// Observes `registry` from construction to destruction; the registry's isOnline() then answers
// what was last announced. Construct after `io` and destroy before it. Thread-safe.
class Presence final : public SessionObserver {
public:
    Presence(boost::asio::io_context& io, SessionRegistry& registry,
             domain::Broadcaster& broadcaster, PresenceAudience audience,
             LastSeenRecorder recordLastSeen,
             std::chrono::milliseconds offlineDelay = std::chrono::seconds(10));
    // With a recorder that has stored last_seen when it returns.
    Presence(boost::asio::io_context& io, SessionRegistry& registry,
             domain::Broadcaster& broadcaster, PresenceAudience audience,
             std::function<void(std::int64_t userId, std::int64_t ts)> recordLastSeen,
             std::chrono::milliseconds offlineDelay = std::chrono::seconds(10));
    ~Presence() override;
    Presence(const Presence&) = delete;
    Presence& operator=(const Presence&) = delete;

    void firstSocketOpened(std::int64_t userId) override;
    void lastSocketClosed(std::int64_t userId) override;
    void stopping() override;
    bool announcedOnline(std::int64_t userId) const override;

private:
    struct UserState {
        bool online = false;
        std::uint64_t generation = 0;  // bumped by every open and close: stale timers do nothing
        std::unique_ptr<boost::asio::steady_timer> timer;
    };

    void offlineDue(std::int64_t userId, std::uint64_t generation);
    void goOffline(std::int64_t userId);
    // last_seen is stored: announces offline unless the user came back meanwhile.
    void lastSeenStored(std::int64_t userId, std::int64_t lastSeen);
    void announce(std::int64_t userId, bool online, std::int64_t lastSeen);

    boost::asio::io_context& m_io;
    SessionRegistry& m_registry;
    domain::Broadcaster& m_broadcaster;
    PresenceAudience m_audience;
    LastSeenRecorder m_recordLastSeen;
    std::chrono::milliseconds m_offlineDelay;

    // Held across a transition and its announcement, so one user's announcements go out in
    // the order they were decided. Taken before m_stateMutex, never after.
    std::mutex m_transitionMutex;
    mutable std::mutex m_stateMutex;
    std::unordered_map<std::int64_t, UserState> m_users;
    bool m_stopping = false;
};

}  // namespace server::realtime
