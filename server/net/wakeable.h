// Something SessionWakeups runs on a thread of its io_context: a WebSocket session with work.
#pragma once

namespace server::net {

// Held by shared_ptr while scheduled, so it lives until woken.
class Wakeable {
public:
    // On no strand in particular: an implementation dispatches to its own.
    virtual void wake() = 0;

protected:
    ~Wakeable() = default;
};

}  // namespace server::net
