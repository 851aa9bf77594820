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

namespace server::realtime {

// Thread-safe. Sends and closes run after the lock is released, on copies of the list.
class SessionRegistry : public domain::SessionEvents {
public:
    void opened(std::shared_ptr<Connection> connection);
    void authenticated(const Connection& connection, std::int64_t userId, std::string tokenHash);
    // Forgets the connection; returns its user when that was the user's last socket here.
    std::optional<std::int64_t> closed(const Connection& connection);

    void tokensRevoked(std::int64_t userId, const std::vector<std::string>& tokenHashes) override;
    bool isOnline(std::int64_t userId) const override;

    void sendToUser(std::int64_t userId, const std::shared_ptr<const std::string>& frame);
    // Shutdown: every open socket, authenticated or not.
    void closeAll(int code, const std::string& reason);
    std::size_t size() const;

private:
    struct Entry {
        std::shared_ptr<Connection> connection;
        std::optional<std::int64_t> userId;
        std::string tokenHash;
    };
    std::vector<std::shared_ptr<Connection>> socketsOf(
        std::int64_t userId, const std::vector<std::string>* tokens) const;

    mutable std::mutex m_mutex;
    std::unordered_map<const Connection*, Entry> m_entries;
    std::unordered_map<std::int64_t, std::vector<const Connection*>> m_byUser;
};

}  // namespace server::realtime
