#include "client/net/connection.h"

#include <QNetworkRequest>
#include <QPointer>
#include <QWebSocket>
#include <algorithm>
#include <exception>

#include "client/net/convert.h"
#include "common/codec.h"

namespace client::net {
namespace {

// From opening the socket until ready: covers a dead TCP connect as well as a silent server.
constexpr int kHandshakeTimeoutMs = 15000;
constexpr int kCloseUnauthorized = 4001;

QUrl socketUrl(const QUrl& server) {
    QUrl url = server;
    url.setScheme(server.scheme() == QLatin1String("http") ? QStringLiteral("ws")
                                                           : QStringLiteral("wss"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    return url;
}

}  // namespace

Connection::Connection(TlsPinning pinning, QObject* parent)
    : QObject(parent), m_pinning(std::move(pinning)) {
    qRegisterMetaType<protocol::ServerFrame>();
    qRegisterMetaType<client::net::Connection::State>();
    m_retryTimer.setSingleShot(true);
    connect(&m_retryTimer, &QTimer::timeout, this, &Connection::connectSocket);
    m_heartbeatTimer.setTimerType(Qt::PreciseTimer);
    connect(&m_heartbeatTimer, &QTimer::timeout, this, &Connection::onHeartbeat);
    m_handshakeTimer.setSingleShot(true);
    connect(&m_handshakeTimer, &QTimer::timeout, this, &Connection::lost);
}

Connection::~Connection() {
    m_wanted = false;
    dropSocket();
}

void Connection::setBackoffPolicy(const BackoffPolicy& policy) {
    m_backoff = Backoff(policy);
}

void Connection::open(const QUrl& server, const QString& token) {
    m_server = server;
    m_token = token;
    m_wanted = true;
    m_backoff.reset();
    connectSocket();
}

void Connection::close() {
    m_wanted = false;
    m_retryTimer.stop();
    m_heartbeatTimer.stop();
    m_handshakeTimer.stop();
    if (m_socket) {
        m_socket->disconnect(this);
        m_socket->close(QWebSocketProtocol::CloseCodeNormal);
        m_socket->deleteLater();
        m_socket = nullptr;
    }
    setState(State::Offline);
}

void Connection::reconnectNow() {
    if (m_server.isEmpty() || m_state != State::Offline) {
        return;
    }
    m_wanted = true;
    m_retryTimer.stop();
    connectSocket();
}

int Connection::reconnectInMs() const {
    return m_retryTimer.isActive() ? std::max(1, m_retryTimer.remainingTime()) : 0;
}

bool Connection::send(const protocol::ClientFrame& frame) {
    if (m_state != State::Online || !m_socket) {
        return false;
    }
    sendRaw(frame);
    return true;
}

void Connection::sendRaw(const protocol::ClientFrame& frame) {
    m_socket->sendTextMessage(toQString(protocol::encode(frame)));
}

void Connection::connectSocket() {
    dropSocket();
    if (!m_wanted) {
        return;
    }
    m_socket = new QWebSocket(QString(), QWebSocketProtocol::VersionLatest, this);
    connect(m_socket, &QWebSocket::connected, this, &Connection::onConnected);
    connect(m_socket, &QWebSocket::disconnected, this, &Connection::onDisconnected);
    connect(m_socket, &QWebSocket::stateChanged, this, [this](QAbstractSocket::SocketState s) {
        if (s == QAbstractSocket::UnconnectedState) {
            onDisconnected();
        }
    });
    connect(m_socket, &QWebSocket::textMessageReceived, this, &Connection::onText);
    connect(m_socket, &QWebSocket::sslErrors, this, &Connection::onSslErrors);
    setState(State::Connecting);
    m_handshakeTimer.start(kHandshakeTimeoutMs);
    m_socket->open(QNetworkRequest(socketUrl(m_server)));
}

void Connection::dropSocket() {
    if (!m_socket) {
        return;
    }
    m_socket->disconnect(this);
    m_socket->abort();
    m_socket->deleteLater();
    m_socket = nullptr;
}

void Connection::onConnected() {
    m_lastReceived.start();
    sendRaw(protocol::ws::Hello{toStdString(m_token)});
}

void Connection::onDisconnected() {
    if (!m_socket) {
        return;
    }
    if (m_socket->closeCode() == kCloseUnauthorized) {
        stopUnauthorized();
        return;
    }
    lost();
}

void Connection::onText(const QString& text) {
    m_lastReceived.start();
    protocol::ServerFrame frame;
    try {
        frame = protocol::decode<protocol::ServerFrame>(toStdString(text));
    } catch (const std::exception&) {
        return;  // a frame of a newer protocol revision, or garbage: nothing to act on
    }
    if (const auto* error = std::get_if<protocol::ws::Error>(&frame);
        error && error->code == "unauthorized") {
        stopUnauthorized();
        return;
    }
    const auto* ready = std::get_if<protocol::ws::Ready>(&frame);
    if (ready) {
        m_heartbeatMs = std::max(1000, ready->heartbeatMs);
        m_handshakeTimer.stop();
        m_heartbeatTimer.start(m_heartbeatMs);
        m_onlineSince.start();
    }
    const QPointer<Connection> self(this);
    Q_EMIT frameReceived(frame);
    if (self && ready && m_wanted && m_socket) {
        setState(State::Online);
    }
}

void Connection::onSslErrors(const QList<QSslError>& errors) {
    const auto decision = m_pinning.check(m_server, errors);
    if (decision.verdict == TlsPinning::Verdict::Accept) {
        m_socket->ignoreSslErrors();
        return;
    }
    stop();
    if (decision.verdict == TlsPinning::Verdict::Changed) {
        Q_EMIT certificateChanged(m_server, decision.trusted, decision.presented);
    } else {
        Q_EMIT certificateUnknown(m_server, decision.presented);
    }
}

void Connection::onHeartbeat() {
    if (!m_socket || m_state != State::Online) {
        return;
    }
    // Two periods without even a pong: the path is dead although TCP has not noticed yet.
    if (m_lastReceived.isValid() && m_lastReceived.elapsed() > 2 * qint64(m_heartbeatMs)) {
        lost();
        return;
    }
    sendRaw(protocol::ws::Ping{});
}

void Connection::lost() {
    if (!m_wanted) {
        return;
    }
    const bool wasStable = m_state == State::Online && m_onlineSince.isValid() &&
                           m_onlineSince.elapsed() >= m_backoff.policy().stableMs;
    dropSocket();
    m_heartbeatTimer.stop();
    m_handshakeTimer.stop();
    if (wasStable) {
        m_backoff.reset();
    }
    const int delay = m_backoff.nextDelayMs();
    m_retryTimer.start(delay);
    setState(State::Offline);
    Q_EMIT retryScheduled(delay);
}

void Connection::stop() {
    m_wanted = false;
    m_retryTimer.stop();
    m_heartbeatTimer.stop();
    m_handshakeTimer.stop();
    dropSocket();
    setState(State::Offline);
}

void Connection::stopUnauthorized() {
    stop();
    Q_EMIT unauthorized();
}

void Connection::setState(State state) {
    if (state == m_state) {
        return;
    }
    m_state = state;
    Q_EMIT stateChanged(state);
}

}  // namespace client::net
