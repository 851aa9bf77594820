#include "server/realtime/relay_broadcaster.h"

namespace server::realtime {

RelayBroadcaster::RelayBroadcaster(relay::Relay& relay, SessionRegistry& registry)
    : m_relay(relay) {
    m_relay.subscribe([&registry](const relay::Envelope& envelope) { registry.deliver(envelope); });
}

void RelayBroadcaster::toUsers(const std::vector<std::int64_t>& users,
                               std::shared_ptr<const std::string> frame, domain::SocketId except) {
    if (users.empty() || !frame)
        return;
    try {
        m_relay.publish(relay::Envelope{users, std::move(frame), except});
    } catch (const std::exception&) {
        // Out of memory copying the list: a lost publish, healed by the clients' catch-up.
    }
}

}  // namespace server::realtime
