// What the domain tells the real-time layer about sessions, without knowing any socket.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace server::domain {

// Implemented by realtime/ (the session registry). May be called from any thread.
class SessionEvents {
public:
    virtual ~SessionEvents() = default;
    // These tokens (by their stored hash) are revoked: close their sockets with 4001.
    virtual void tokensRevoked(std::int64_t userId,
                               const std::vector<std::string>& tokenHashes) = 0;
    // True while the user has at least one live socket (on any node this registry knows of).
    virtual bool isOnline(std::int64_t userId) const = 0;
};

}  // namespace server::domain
