// A live WebSocket as the real-time layer sees it: something to send frames to and to close.
#pragma once

#include <memory>
#include <string>

#include "server/domain/broadcaster.h"

namespace server::realtime {

// Implemented by net/. Every member may be called from any thread; none blocks.
class Connection {
public:
    virtual ~Connection() = default;
    // Queues a text frame. A frame shared by many connections is serialised once.
    virtual void send(std::shared_ptr<const std::string> frame) = 0;
    // Sends what is already queued, then closes with `code`.
    virtual void close(int code, std::string reason) = 0;
    // Unique among this process's sockets, never 0, fixed for the connection's life.
    virtual domain::SocketId socketId() const = 0;
};

// The close codes of PROTOCOL.md "Real time".
namespace close_code {
inline constexpr int kGoingAway = 1001;
inline constexpr int kIdle = 4000;
inline constexpr int kUnauthorized = 4001;
inline constexpr int kTooSlow = 4008;
inline constexpr int kFlooding = 4029;
}  // namespace close_code

}  // namespace server::realtime
