#include "server/relay/local_relay.h"

#include <exception>

namespace server::relay {

void LocalRelay::publish(Envelope envelope) {
    const auto subscribers = snapshot();
    for (const auto& subscriber : *subscribers) {
        // A delivery that fails (out of memory) is a lost publish, which clients heal by
        // fetching events after the last seq they applied; the caller has already committed.
        try {
            subscriber(envelope);
        } catch (const std::exception&) {
        }
    }
}

void LocalRelay::subscribe(std::function<void(const Envelope&)> subscriber) {
    std::lock_guard lock(m_mutex);
    auto next = std::make_shared<Subscribers>(*m_subscribers);
    next->push_back(std::move(subscriber));
    m_subscribers = std::move(next);
}

std::shared_ptr<const LocalRelay::Subscribers> LocalRelay::snapshot() const {
    std::lock_guard lock(m_mutex);
    return m_subscribers;
}

}  // namespace server::relay
