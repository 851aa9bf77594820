#include "client/app/outbox_sender.h"

#include "client/net/convert.h"

namespace client::app {

OutboxSender::OutboxSender(cache::ChatCache& cache, net::Connection& connection, QObject* parent)
    : QObject(parent), m_cache(cache), m_connection(connection) {
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &OutboxSender::kick);
}

void OutboxSender::kick() {
    m_ready = m_connection.state() == net::Connection::State::Online;
    if (!m_ready || m_retryTimer.isActive()) {
        return;
    }
    for (const auto& head : m_cache.pendingHeads()) {
        if (m_inFlight.contains(head.chatId)) {
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
        m_retryTimer.start(std::max(100, error.retryAfterMs.value_or(1000)));
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
