#include "server/realtime/session_registry.h"

#include <algorithm>

namespace server::realtime {

void SessionRegistry::opened(std::shared_ptr<Connection> connection) {
    std::lock_guard lock(m_mutex);
    const Connection* key = connection.get();
    m_entries.emplace(key, Entry{std::move(connection), std::nullopt, {}});
}

void SessionRegistry::authenticated(const Connection& connection, std::int64_t userId,
                                    std::string tokenHash) {
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(&connection);
    if (it == m_entries.end() || it->second.userId)
        return;
    it->second.userId = userId;
    it->second.tokenHash = std::move(tokenHash);
    m_byUser[userId].push_back(&connection);
}

std::optional<std::int64_t> SessionRegistry::closed(const Connection& connection) {
    std::shared_ptr<Connection> last;  // released after the lock: it may be the final owner
    std::lock_guard lock(m_mutex);
    const auto it = m_entries.find(&connection);
    if (it == m_entries.end())
        return std::nullopt;
    const auto userId = it->second.userId;
    last = std::move(it->second.connection);
    m_entries.erase(it);
    if (!userId)
        return std::nullopt;
    auto& sockets = m_byUser[*userId];
    std::erase(sockets, &connection);
    if (!sockets.empty())
        return std::nullopt;
    m_byUser.erase(*userId);
    return userId;
}

std::vector<std::shared_ptr<Connection>> SessionRegistry::socketsOf(
    std::int64_t userId, const std::vector<std::string>* tokens) const {
    std::vector<std::shared_ptr<Connection>> result;
    std::lock_guard lock(m_mutex);
    const auto it = m_byUser.find(userId);
    if (it == m_byUser.end())
        return result;
    for (const Connection* key : it->second) {
        const Entry& entry = m_entries.at(key);
        if (!tokens || std::find(tokens->begin(), tokens->end(), entry.tokenHash) != tokens->end())
            result.push_back(entry.connection);
    }
    return result;
}

void SessionRegistry::tokensRevoked(std::int64_t userId,
                                    const std::vector<std::string>& tokenHashes) {
    for (const auto& connection : socketsOf(userId, &tokenHashes))
        connection->close(close_code::kUnauthorized, "token revoked");
}

bool SessionRegistry::isOnline(std::int64_t userId) const {
    std::lock_guard lock(m_mutex);
    return m_byUser.count(userId) != 0;
}

void SessionRegistry::sendToUser(std::int64_t userId,
                                 const std::shared_ptr<const std::string>& frame) {
    for (const auto& connection : socketsOf(userId, nullptr))
        connection->send(frame);
}

void SessionRegistry::closeAll(int code, const std::string& reason) {
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

}  // namespace server::realtime
