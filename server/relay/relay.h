// The path a committed event's frame takes from the node that made it to every node's sockets.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "server/domain/broadcaster.h"

namespace server::relay {

// One frame for the live sockets of some users. Plain data (ids and bytes), so a relay that
// crosses processes can serialise it.
struct Envelope {
    std::vector<std::int64_t> users;
    std::shared_ptr<const std::string> frame;  // built once, shared by every socket it reaches
    domain::SocketId exceptSocket = 0;         // 0: none
};

// Every subscriber of every node sees every envelope published on any node. Envelopes published
// in order from one thread reach each subscriber in that order. publish and subscribe may be
// called from any thread; publish never blocks and never throws.
class Relay {
public:
    virtual ~Relay() = default;
    virtual void publish(Envelope envelope) = 0;
    // Subscribe before the first publish; a subscriber runs on whichever thread delivers.
    virtual void subscribe(std::function<void(const Envelope&)> subscriber) = 0;
    // "local" or "redis", as /healthz reports it.
    virtual std::string_view kind() const = 0;
};

}  // namespace server::relay
