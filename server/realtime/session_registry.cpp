#include "server/realtime/session_registry.h"

#include <algorithm>

namespace server::realtime {
namespace {

// Reused by deliver() on each thread, so a broadcast allocates no list of targets.
thread_local std::vector<Connection*> t_targets;

}  // namespace

void SessionRegistry::opened(std::shared_ptr<Connection> connection) {
    std::lock_guard lock(m_mutex);
    const Connection* key = connection.get();
    const auto socketId = connection->socketId();
    m_entries.emplace(key, Entry{std::move(connection), socketId, std::nullopt, {}});
}

void SessionRegistry::authenticated(const Connection& connection, std::int64_t userId,
                                    std::string tokenHash) {
    bool first = false;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(&connection);
        if (it == m_entries.end() || it->second.userId)
            return;
        it->second.userId = userId;
        it->second.tokenHash = std::move(tokenHash);
        auto& sockets = m_byUser[userId];
        sockets.push_back({it->second.connection.get(), it->second.socketId, &it->second});
        first = sockets.size() == 1;
    }
    if (auto* watcher = observer(); first && watcher)
        watcher->firstSocketOpened(userId);
}

std::optional<std::int64_t> SessionRegistry::closed(const Connection& connection) {
    std::shared_ptr<Connection> last;  // released after the lock: it may be the final owner
    std::optional<std::int64_t> gone;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_entries.find(&connection);
        if (it == m_entries.end())
            return std::nullopt;
        const auto userId = it->second.userId;
        if (userId) {
            auto& sockets = m_byUser[*userId];
            std::erase_if(sockets,
                          [&](const UserSocket& socket) { return socket.entry == &it->second; });
            if (sockets.empty()) {
                m_byUser.erase(*userId);
                gone = userId;
            }
        }
        if (m_sendsRunning > 0)
            m_released.push_back(std::move(it->second.connection));
        else
            last = std::move(it->second.connection);
        m_entries.erase(it);
    }
    if (auto* watcher = observer(); gone && watcher)
        watcher->lastSocketClosed(*gone);
    return gone;
}

std::vector<std::shared_ptr<Connection>> SessionRegistry::socketsOf(
    std::int64_t userId, const std::vector<std::string>* tokens) const {
    std::vector<std::shared_ptr<Connection>> result;
    std::lock_guard lock(m_mutex);
    const auto it = m_byUser.find(userId);
    if (it == m_byUser.end())
        return result;
    for (const auto& socket : it->second)
        if (!tokens ||
            std::find(tokens->begin(), tokens->end(), socket.entry->tokenHash) != tokens->end())
            result.push_back(socket.entry->connection);
    return result;
}

void SessionRegistry::tokensRevoked(std::int64_t userId,
                                    const std::vector<std::string>& tokenHashes) {
    for (const auto& connection : socketsOf(userId, &tokenHashes))
        connection->close(close_code::kUnauthorized, "token revoked");
}

bool SessionRegistry::isOnline(std::int64_t userId) const {
    if (const auto* watcher = observer())
        return watcher->announcedOnline(userId);
    return hasSockets(userId);
}

bool SessionRegistry::hasSockets(std::int64_t userId) const {
    std::lock_guard lock(m_mutex);
    return m_byUser.count(userId) != 0;
}

void SessionRegistry::sendToUser(std::int64_t userId,
                                 const std::shared_ptr<const std::string>& frame) {
    for (const auto& connection : socketsOf(userId, nullptr))
        connection->send(frame);
}

// Per target: no reference count taken and dropped, no visit to the entry; the connections
// stay alive through m_sendsRunning (see closed()).
void SessionRegistry::deliver(const relay::Envelope& envelope) {
    // Taken out of the thread's slot so that a send running inline cannot reuse it meanwhile.
    auto targets = std::move(t_targets);
    targets.clear();
    {
        std::lock_guard lock(m_mutex);
        for (const auto userId : envelope.users) {
            const auto it = m_byUser.find(userId);
            if (it == m_byUser.end())
                continue;
            for (const auto& socket : it->second)
                if (socket.socketId != envelope.exceptSocket)
                    targets.push_back(socket.connection);
        }
        if (!targets.empty())
            ++m_sendsRunning;
    }
    if (!targets.empty()) {
        for (Connection* connection : targets)
            connection->send(envelope.frame);
        sendsFinished();
    }
    t_targets = std::move(targets);
}

void SessionRegistry::sendsFinished() {
    std::vector<std::shared_ptr<Connection>> released;  // dropped after the lock
    std::lock_guard lock(m_mutex);
    if (--m_sendsRunning == 0)
        released.swap(m_released);
}

void SessionRegistry::closeAll(int code, const std::string& reason) {
    if (auto* watcher = observer())
        watcher->stopping();
    std::vector<std::shared_ptr<Connection>> all;
    {
        std::lock_guard lock(m_mutex);
        all.reserve(m_entries.size());
        for (const auto& [key, entry] : m_entries)
            all.push_back(entry.connection);
    }
    for (const auto& connection : all)
        connection->close(code, reason);
}

std::size_t SessionRegistry::size() const {
    std::lock_guard lock(m_mutex);
    return m_entries.size();
}

void SessionRegistry::setObserver(SessionObserver* observer) {
    std::lock_guard lock(m_mutex);
    m_observer = observer;
}

SessionObserver* SessionRegistry::observer() const {
    std::lock_guard lock(m_mutex);
    return m_observer;
}

}  // namespace server::realtime
