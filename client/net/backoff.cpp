#include "client/net/backoff.h"

#include <QRandomGenerator>
#include <algorithm>

namespace client::net {

Backoff::Backoff(BackoffPolicy policy) : m_policy(policy) {}

int Backoff::nextDelayMs() {
    // Full jitter (AWS architecture blog, "Exponential Backoff And Jitter"): spreading the whole
    // range keeps a crowd of clients from reconnecting in lockstep after a server restart.
    qint64 ceiling = std::max(1, m_policy.baseMs);
    for (int i = 0; i < m_attempts && ceiling < m_policy.capMs; ++i) {
        ceiling *= 2;
    }
    ceiling = std::min<qint64>(ceiling, std::max(1, m_policy.capMs));
    ++m_attempts;
    return static_cast<int>(QRandomGenerator::global()->bounded(ceiling + 1));
}

void Backoff::reset() {
    m_attempts = 0;
}

}  // namespace client::net
