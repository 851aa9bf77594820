// What the session registry tells whoever follows users coming and going (presence).
#pragma once

#include <cstdint>

namespace server::realtime {

// Called by SessionRegistry after its lock is released, from the thread that opened or closed
// the socket, so calls about one user may arrive out of order: an observer re-checks the
// registry before acting on a user's absence.
class SessionObserver {
public:
    virtual ~SessionObserver() = default;
    // The user's first authenticated socket on this node.
    virtual void firstSocketOpened(std::int64_t userId) = 0;
    // The user's last socket on this node closed.
    virtual void lastSocketClosed(std::int64_t userId) = 0;
    // The server is shutting down: no more delays, sockets are about to close.
    virtual void stopping() = 0;
    // What was last announced about the user (online until the offline announcement).
    virtual bool announcedOnline(std::int64_t userId) const = 0;
};

}  // namespace server::realtime
