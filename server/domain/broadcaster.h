// Where the domain hands frames for live delivery, after commit, without knowing any socket.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace server::domain {

// Identifies one live socket across nodes; 0 means none.
using SocketId = std::uint64_t;

// Implemented by realtime/ over the relay (in-process now, Redis later). May be called from any
// thread, never blocks, and never throws. `frame` is a serialised server frame, built once and
// shared by every socket it reaches. Calls made in order from one thread reach each socket in
// that order.
class Broadcaster {
public:
    virtual ~Broadcaster() = default;
    // Every live socket of each user in `users`, except the socket `except`.
    virtual void toUsers(const std::vector<std::int64_t>& users,
                         std::shared_ptr<const std::string> frame, SocketId except = 0) = 0;
};

}  // namespace server::domain
