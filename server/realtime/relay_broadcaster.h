// The domain's Broadcaster over a relay: frames go out as envelopes, envelopes come in as sends.
#pragma once

#include "server/domain/broadcaster.h"
#include "server/realtime/session_registry.h"
#include "server/relay/relay.h"

namespace server::realtime {

// Subscribes to `relay` at construction; both must outlive it. Thread-safe.
class RelayBroadcaster final : public domain::Broadcaster {
public:
    RelayBroadcaster(relay::Relay& relay, SessionRegistry& registry);

    void toUsers(const std::vector<std::int64_t>& users, std::shared_ptr<const std::string> frame,
                 domain::SocketId except = 0) override;

private:
    relay::Relay& m_relay;
};

}  // namespace server::realtime
