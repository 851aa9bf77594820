#include "client/app/outbox_sender.h"

#include <QDateTime>
#include <algorithm>
#include <limits>

#include "client/net/convert.h"

namespace client::app {
namespace {

// A rate_limited without retry_after_ms waits this long; none waits less than the minimum.
constexpr int kDefaultHoldMs = 1000;
constexpr int kMinimumHoldMs = 100;

qint64 now() {
    return QDateTime::currentMSecsSinceEpoch();
}

}  // namespace

OutboxSender::OutboxSender(cache::ChatCache& cache, net::Connection& connection, QObject* parent)
    : QObject(parent), m_cache(cache), m_connection(connection) {
    m_releaseTimer.setSingleShot(true);
    connect(&m_releaseTimer, &QTimer::timeout, this, &OutboxSender::kick);
}

void OutboxSender::kick() {
    m_ready = m_connection.state() == net::Connection::State::Online;
    if (!m_ready) {
        return;
    }
    const qint64 at = now();
    for (auto it = m_heldUntil.begin(); it != m_heldUntil.end();) {
        it = it.value() <= at ? m_heldUntil.erase(it) : std::next(it);
    }
    for (const auto& head : m_cache.pendingHeads()) {
        if (m_inFlight.contains(head.chatId) || m_heldUntil.contains(head.chatId)) {
            continue;
        }
        protocol::ws::Send send;
        send.chatId = head.chatId;
        send.clientId = net::toStdString(head.clientId);
        send.text = net::toStdString(head.text);
        send.replyTo = head.replyTo;
        if (!m_connection.send(send)) {
            return;
        }
        m_inFlight.insert(head.chatId, head.clientId);
    }
    scheduleRelease();
}

void OutboxSender::scheduleRelease() {
    if (m_heldUntil.isEmpty()) {
        m_releaseTimer.stop();
        return;
    }
    qint64 earliest = std::numeric_limits<qint64>::max();
    for (qint64 until : std::as_const(m_heldUntil)) {
        earliest = std::min(earliest, until);
    }
    m_releaseTimer.start(static_cast<int>(std::max<qint64>(earliest - now(), 0)));
}

int OutboxSender::heldFor(qint64 chatId) const {
    const qint64 left = m_heldUntil.value(chatId, 0) - now();
    return left > 0 ? static_cast<int>(left) : 0;
}

void OutboxSender::reset() {
    m_ready = false;
    m_inFlight.clear();
}

void OutboxSender::onAck(const protocol::ws::Ack& ack) {
    const QString clientId = net::toQString(ack.clientId);
    m_cache.confirm(clientId, ack.message);
    const qint64 chatId = ack.message.chatId;
    if (m_inFlight.value(chatId) == clientId) {
        m_inFlight.remove(chatId);
    }
    kick();
}

bool OutboxSender::onError(const protocol::ws::Error& error) {
    if (!error.clientId) {
        return false;
    }
    const QString clientId = net::toQString(*error.clientId);
    qint64 chatId = 0;
    for (auto it = m_inFlight.cbegin(); it != m_inFlight.cend(); ++it) {
        if (it.value() == clientId) {
            chatId = it.key();
        }
    }
    if (chatId == 0) {
        return false;
    }
    m_inFlight.remove(chatId);
    if (error.code == "rate_limited") {
        // Not stored by the server: the row stays pending at the head of its chat and goes again,
        // with the same client_id, once the server allows it.
        const int wait = std::max(kMinimumHoldMs, error.retryAfterMs.value_or(kDefaultHoldMs));
        m_heldUntil.insert(chatId, now() + wait);
        scheduleRelease();
        Q_EMIT held(chatId, wait);
        kick();
        return true;
    }
    const QString reason =
        error.message ? net::toQString(*error.message) : net::toQString(error.code);
    m_cache.fail(clientId, reason);
    Q_EMIT failed(reason);
    kick();
    return true;
}

}  // namespace client::app
