#include "server/net/socket_id.h"

#include <atomic>
#include <random>

namespace server::net {
namespace {

domain::SocketId nodePrefix() {
    std::random_device random;
    const auto draw = (static_cast<domain::SocketId>(random()) & 0xffffffu) | 1u;
    return draw << 40;
}

}  // namespace

domain::SocketId nextSocketId() {
    // A counter, not an object with a life: process-wide by nature, like a pid.
    static const domain::SocketId prefix = nodePrefix();
    static std::atomic<domain::SocketId> counter{0};
    return prefix | (++counter & ((domain::SocketId{1} << 40) - 1));
}

}  // namespace server::net
