// The live WebSockets of this node: every open one, and by user and token once authenticated.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "server/domain/session_events.h"
#include "server/realtime/connection.h"
#include "server/realtime/session_observer.h"
#include "server/relay/relay.h"

namespace server::realtime {

// Thread-safe. Sends, closes and observer calls run after the lock is released.
class SessionRegistry : public domain::SessionEvents {
public:
    void opened(std::shared_ptr<Connection> connection);
    void authenticated(const Connection& connection, std::int64_t userId, std::string tokenHash);
    // Forgets the connection; returns its user when that was the user's last socket here.
    std::optional<std::int64_t> closed(const Connection& connection);

    void tokensRevoked(std::int64_t userId, const std::vector<std::string>& tokenHashes) override;
    // What presence last announced when an observer is set, else whether a socket is open here.
    bool isOnline(std::int64_t userId) const override;
    // Whether the user has an authenticated socket on this node right now.
    bool hasSockets(std::int64_t userId) const;

    void sendToUser(std::int64_t userId, const std::shared_ptr<const std::string>& frame);
    // Every socket here of the envelope's users except its exceptSocket; the frame is shared.
    void deliver(const relay::Envelope& envelope);
    // Shutdown: tells the observer, then closes every open socket, authenticated or not.
    void closeAll(int code, const std::string& reason);
    std::size_t size() const;

    // At most one; null to remove. Set it before sockets open, remove it before it dies.
    void setObserver(SessionObserver* observer);

private:
    struct Entry {
        std::shared_ptr<Connection> connection;
        domain::SocketId socketId = 0;
        std::optional<std::int64_t> userId;
        std::string tokenHash;
    };
    // What deliver() reads of a user's socket, inline: no visit to the entry or the connection.
    struct UserSocket {
        Connection* connection;
        domain::SocketId socketId;
        const Entry* entry;
    };
    std::vector<std::shared_ptr<Connection>> socketsOf(
        std::int64_t userId, const std::vector<std::string>* tokens) const;
    void sendsFinished();
    SessionObserver* observer() const;

    mutable std::mutex m_mutex;
    std::unordered_map<const Connection*, Entry> m_entries;
    // Entries are nodes of m_entries, whose addresses stay valid until erased.
    std::unordered_map<std::int64_t, std::vector<UserSocket>> m_byUser;
    // deliver() sends to plain pointers, after the lock: while any deliver() is sending, a
    // closed connection's reference is parked in m_released instead of being dropped, and the
    // last deliver() to finish releases them (outside the lock).
    std::size_t m_sendsRunning = 0;
    std::vector<std::shared_ptr<Connection>> m_released;
    SessionObserver* m_observer = nullptr;
};

}  // namespace server::realtime
