// A bare TCP (or TLS) connection to the server, for bytes no well-behaved client would send.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QSslSocket>
#include <QString>

#include "tests/support/certificate_pin.h"
#include "tests/support/http_client.h"

namespace testsupport {

class ServerProcess;

struct RawHttpResponse {
    int status = 0;  // 0: the connection closed or timed out before a status line
    QHash<QByteArray, QByteArray> headers;  // names lower-cased
    QByteArray body;
};

struct RawWsFrame {
    bool valid = false;  // false: nothing complete arrived in time
    bool fin = true;
    int opcode = 0;  // 1 text, 2 binary, 8 close, 9 ping, 10 pong
    QByteArray payload;
    // For a close frame: the code in its first two bytes, 1005 when it has none.
    int closeCode() const;
};

class RawConnection {
public:
    static constexpr int defaultTimeoutMs = 10000;

    explicit RawConnection(const ServerProcess& server);
    RawConnection(const QString& host, quint16 port, bool tls, const QSslCertificate& pinned);

    // Opens TCP; with TLS and `handshake` also completes the TLS handshake (pinned).
    bool connect(bool handshake = true, int timeoutMs = defaultTimeoutMs);
    bool write(const QByteArray& bytes);
    // True when the server closes the connection within `timeoutMs` (bytes it sends are kept).
    bool waitForClosed(int timeoutMs);
    bool isConnected() const;
    // Everything received and not yet consumed.
    QByteArray received() const { return m_buffer; }

    // Reads one HTTP/1.1 response (body by Content-Length, else until the connection closes).
    RawHttpResponse readHttpResponse(int timeoutMs = defaultTimeoutMs);
    // Sends a WebSocket upgrade for `path` with `extraHeaders` ("Name: value\r\n" lines) and
    // returns the answer's status: 101 on success.
    int upgradeWebSocket(const QByteArray& path = "/api/v1/ws", const QByteArray& extraHeaders = {},
                         int timeoutMs = defaultTimeoutMs);
    // Sends one masked client frame exactly as given, valid or not.
    bool sendFrame(int opcode, const QByteArray& payload, bool fin = true);
    RawWsFrame readFrame(int timeoutMs = defaultTimeoutMs);
    // Reads frames until a close frame arrives: its code, or -1 if none came in time.
    int waitForCloseFrame(int timeoutMs = defaultTimeoutMs);

private:
    bool fill(int timeoutMs);

    QString m_host;
    quint16 m_port = 0;
    bool m_tls = false;
    CertificatePin m_pin;
    QSslSocket m_socket;
    QByteArray m_buffer;
};

}  // namespace testsupport
