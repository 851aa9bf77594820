// A WebSocket test client driven step by step: send a frame, wait for the next one or the close.
#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QQueue>
#include <QString>
#include <QUrl>
#include <QWebSocket>
#include <functional>
#include <memory>

#include "tests/support/certificate_pin.h"
#include "tests/support/http_client.h"

namespace testsupport {

class ServerProcess;

class WsClient {
public:
    static constexpr int defaultTimeoutMs = 10000;

    // Trusts only `server`'s certificate.
    explicit WsClient(const ServerProcess& server);
    explicit WsClient(const QSslCertificate& pinned = QSslCertificate());
    ~WsClient();
    WsClient(const WsClient&) = delete;
    WsClient& operator=(const WsClient&) = delete;

    // Opens a new socket (closing any previous one); `origin` empty sends no Origin header.
    // True once the upgrade succeeded; errorString() says why not.
    bool open(const QUrl& url, const QString& origin = {}, const HeaderList& headers = {},
              int timeoutMs = defaultTimeoutMs);
    void close(QWebSocketProtocol::CloseCode code = QWebSocketProtocol::CloseCodeNormal);

    bool sendText(const QByteArray& text);
    bool sendJson(const QJsonObject& frame);
    bool sendBinary(const QByteArray& data);

    // The next text frame as JSON (frames arrive in order and each is returned once); an empty
    // object on timeout, on close, or when the frame is not a JSON object (lastText() has it).
    QJsonObject waitForFrame(int timeoutMs = defaultTimeoutMs);
    // Skips frames until one whose "op" is `op`; empty object if none comes in time.
    QJsonObject waitForOp(const QString& op, int timeoutMs = defaultTimeoutMs);
    // Sends hello with `token` and returns the answer (ready or error).
    QJsonObject hello(const QString& token, int timeoutMs = defaultTimeoutMs);
    // open() then hello(): true once the server answered ready.
    bool connectAs(const QUrl& url, const QString& token, int timeoutMs = defaultTimeoutMs);

    // The first frame, queued or arriving, that `match` accepts; the frames it passes over stay
    // queued in order for later calls. An empty object if none comes in time.
    QJsonObject waitForMatch(const std::function<bool(const QJsonObject&)>& match,
                             int timeoutMs = defaultTimeoutMs);
    // waitForMatch() for {"op":"event"} of `chatId` whose event type is `type`.
    QJsonObject waitForEvent(qint64 chatId, const QString& type, int timeoutMs = defaultTimeoutMs);
    // Every frame queued now or arriving within `ms`, in order; the queue is left empty.
    QList<QJsonObject> collect(int ms);
    // Drops every queued frame.
    void discardPending() { m_frames.clear(); }
    // Waits for the server to close the socket: its close code, or -1 if still open at timeout.
    int waitForClose(int timeoutMs = defaultTimeoutMs);
    // True when no frame arrives and the socket stays open for `ms`.
    bool staysQuiet(int ms);

    int closeCode() const;
    QString closeReason() const;
    bool isOpen() const;
    QString errorString() const { return m_errorString; }
    QByteArray lastText() const { return m_lastText; }
    qsizetype pendingFrames() const { return m_frames.size(); }

private:
    bool waitUntil(const std::function<bool()>& done, int timeoutMs);

    CertificatePin m_pin;
    std::unique_ptr<QWebSocket> m_socket;
    QQueue<QByteArray> m_frames;
    QByteArray m_lastText;
    QString m_errorString;
    bool m_disconnected = true;
};

}  // namespace testsupport
