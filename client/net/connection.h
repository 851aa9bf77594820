// The real-time WebSocket of one signed-in session: hello/ready, heartbeat, and reconnection with
// backoff until it is closed or the server says the token is no longer valid.
#pragma once

#include <QAbstractSocket>
#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>

#include "client/net/backoff.h"
#include "client/net/tls_pinning.h"
#include "common/ws_frames.h"

class QWebSocket;

namespace client::net {

class Connection : public QObject {
    Q_OBJECT
public:
    enum class State { Offline, Connecting, Online };
    Q_ENUM(State)

    explicit Connection(TlsPinning pinning, QObject* parent = nullptr);
    ~Connection() override;

    void setBackoffPolicy(const BackoffPolicy& policy);

    // Connects to "https://host:port" (wss) or "http://host:port" (ws) with the token, and keeps
    // reconnecting after losses until close(), unauthorized() or a certificate problem.
    void open(const QUrl& server, const QString& token);
    // Closes the socket and stops reconnecting; emits stateChanged(Offline) if it was not.
    void close();
    // Skips the wait of a scheduled retry (or restarts after a certificate problem).
    void reconnectNow();

    State state() const { return m_state; }
    // Milliseconds until the scheduled retry, or 0 when none is scheduled.
    int reconnectInMs() const;
    // The server's heartbeat period from the last ready frame.
    int heartbeatMs() const { return m_heartbeatMs; }
    // Sends a frame when Online; returns false (nothing sent) otherwise.
    bool send(const protocol::ClientFrame& frame);

Q_SIGNALS:
    void stateChanged(client::net::Connection::State state);
    // Every server frame after the socket is open, ready included, already decoded.
    void frameReceived(const protocol::ServerFrame& frame);
    // The server refused the token (error unauthorized, or close 4001): no more reconnects.
    void unauthorized();
    void certificateUnknown(const QUrl& server, const QString& fingerprint);
    void certificateChanged(const QUrl& server, const QString& trusted, const QString& presented);
    void retryScheduled(int delayMs);

private:
    void connectSocket();
    void onConnected();
    void onDisconnected();
    void onText(const QString& text);
    void onSslErrors(const QList<QSslError>& errors);
    void onHeartbeat();
    void dropSocket();
    void lost();
    void stop();
    void stopUnauthorized();
    void setState(State state);
    void sendRaw(const protocol::ClientFrame& frame);

    TlsPinning m_pinning;
    Backoff m_backoff;
    QWebSocket* m_socket = nullptr;
    QUrl m_server;
    QString m_token;
    State m_state = State::Offline;
    bool m_wanted = false;  // open() was called and nothing has stopped us since
    bool m_stopping = false;
    int m_heartbeatMs = 25000;
    QTimer m_retryTimer;
    QTimer m_heartbeatTimer;
    QTimer m_handshakeTimer;  // from opening until ready
    QElapsedTimer m_onlineSince;
    QElapsedTimer m_lastReceived;
};

}  // namespace client::net

Q_DECLARE_METATYPE(protocol::ServerFrame)
