// The in-process relay: one node, nothing to install; publish hands the envelope to subscribers.
#pragma once

#include <memory>
#include <mutex>
#include <vector>

#include "server/relay/relay.h"

namespace server::relay {

// Subscribers run on the publishing thread, before publish returns.
class LocalRelay final : public Relay {
public:
    void publish(Envelope envelope) override;
    void subscribe(std::function<void(const Envelope&)> subscriber) override;
    std::string_view kind() const override { return "local"; }

private:
    using Subscribers = std::vector<std::function<void(const Envelope&)>>;
    // Copied on subscribe, so publish reads a snapshot without holding the lock while it calls.
    std::shared_ptr<const Subscribers> snapshot() const;

    mutable std::mutex m_mutex;
    std::shared_ptr<const Subscribers> m_subscribers = std::make_shared<Subscribers>();
};

}  // namespace server::relay
