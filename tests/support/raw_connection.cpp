#include "tests/support/raw_connection.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QNetworkProxy>
#include <QRandomGenerator>

#include "tests/support/server_process.h"

namespace testsupport {

int RawWsFrame::closeCode() const {
    if (opcode != 8 || payload.size() < 2)
        return 1005;
    return (static_cast<quint8>(payload[0]) << 8) | static_cast<quint8>(payload[1]);
}

RawConnection::RawConnection(const ServerProcess& server)
    : RawConnection(QStringLiteral("127.0.0.1"), server.port(), server.tls(),
                    server.tls() ? server.certificate() : QSslCertificate()) {}

RawConnection::RawConnection(const QString& host, quint16 port, bool tls,
                             const QSslCertificate& pinned)
    : m_host(host), m_port(port), m_tls(tls), m_pin(pinned) {
    m_socket.setProxy(QNetworkProxy::NoProxy);
    QObject::connect(
        &m_socket, &QSslSocket::sslErrors, &m_socket, [this](const QList<QSslError>& errors) {
            const QList<QSslError> ignorable = m_pin.ignorable(m_socket.peerCertificate(), errors);
            if (!ignorable.isEmpty())
                m_socket.ignoreSslErrors(ignorable);
        });
}

bool RawConnection::connect(bool handshake, int timeoutMs) {
    if (m_tls && handshake) {
        m_socket.connectToHostEncrypted(m_host, m_port);
        return m_socket.waitForEncrypted(timeoutMs);
    }
    m_socket.connectToHost(m_host, m_port);
    return m_socket.waitForConnected(timeoutMs);
}

bool RawConnection::write(const QByteArray& bytes) {
    if (m_socket.state() != QAbstractSocket::ConnectedState)
        return false;
    if (m_socket.write(bytes) != bytes.size())
        return false;
    const QDeadlineTimer deadline(defaultTimeoutMs);
    while (m_socket.bytesToWrite() > 0 && !deadline.hasExpired()) {
        if (!m_socket.waitForBytesWritten(100) &&
            m_socket.state() != QAbstractSocket::ConnectedState)
            return false;
    }
    return m_socket.bytesToWrite() == 0;
}

bool RawConnection::fill(int timeoutMs) {
    // The blocking waits below run no event loop; let the server's QProcess drain its pipes so a
    // chatty server never blocks on a full stdout while a test waits on it.
    QCoreApplication::processEvents();
    if (m_socket.bytesAvailable() == 0 && m_socket.state() == QAbstractSocket::ConnectedState)
        m_socket.waitForReadyRead(timeoutMs);
    const QByteArray fresh = m_socket.readAll();
    m_buffer += fresh;
    return !fresh.isEmpty();
}

bool RawConnection::isConnected() const {
    return m_socket.state() == QAbstractSocket::ConnectedState;
}

bool RawConnection::waitForClosed(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (m_socket.state() == QAbstractSocket::UnconnectedState ||
            m_socket.error() == QAbstractSocket::RemoteHostClosedError) {
            m_buffer += m_socket.readAll();
            return true;
        }
        fill(50);
    }
    return m_socket.state() == QAbstractSocket::UnconnectedState;
}

RawHttpResponse RawConnection::readHttpResponse(int timeoutMs) {
    RawHttpResponse response;
    const QDeadlineTimer deadline(timeoutMs);
    qsizetype headerEnd = -1;
    while ((headerEnd = m_buffer.indexOf("\r\n\r\n")) < 0) {
        if (deadline.hasExpired() ||
            (!fill(50) && !isConnected() && m_socket.bytesAvailable() == 0))
            return response;
    }
    const QList<QByteArray> lines = m_buffer.left(headerEnd).split('\n');
    const QList<QByteArray> statusLine = lines.value(0).trimmed().split(' ');
    response.status = statusLine.value(1).toInt();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const qsizetype colon = lines[i].indexOf(':');
        if (colon > 0)
            response.headers.insert(lines[i].left(colon).trimmed().toLower(),
                                    lines[i].mid(colon + 1).trimmed());
    }
    m_buffer.remove(0, headerEnd + 4);
    if (response.status == 101)
        return response;
    bool hasLength = false;
    const qsizetype length = response.headers.value("content-length").toLongLong(&hasLength);
    while ((hasLength ? m_buffer.size() < length : isConnected()) && !deadline.hasExpired()) {
        if (!fill(50) && !isConnected())
            break;
    }
    const qsizetype take = hasLength ? qMin(length, m_buffer.size()) : m_buffer.size();
    response.body = m_buffer.left(take);
    m_buffer.remove(0, take);
    return response;
}

int RawConnection::upgradeWebSocket(const QByteArray& path, const QByteArray& extraHeaders,
                                    int timeoutMs) {
    QByteArray key(16, '\0');
    for (char& c : key)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    const QByteArray request = "GET " + path + " HTTP/1.1\r\nHost: " + m_host.toUtf8() + ':' +
                               QByteArray::number(m_port) +
                               "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                               "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: " +
                               key.toBase64() + "\r\n" + extraHeaders + "\r\n";
    if (!write(request))
        return 0;
    return readHttpResponse(timeoutMs).status;
}

bool RawConnection::sendFrame(int opcode, const QByteArray& payload, bool fin) {
    QByteArray frame;
    frame.append(static_cast<char>((fin ? 0x80 : 0x00) | (opcode & 0x0f)));
    const qsizetype size = payload.size();
    if (size < 126) {
        frame.append(static_cast<char>(0x80 | size));
    } else if (size < 65536) {
        frame.append(static_cast<char>(0x80 | 126));
        frame.append(static_cast<char>((size >> 8) & 0xff));
        frame.append(static_cast<char>(size & 0xff));
    } else {
        frame.append(static_cast<char>(0x80 | 127));
        for (int shift = 56; shift >= 0; shift -= 8)
            frame.append(static_cast<char>((static_cast<quint64>(size) >> shift) & 0xff));
    }
    char mask[4];
    for (char& c : mask)
        c = static_cast<char>(QRandomGenerator::global()->bounded(256));
    frame.append(mask, 4);
    for (qsizetype i = 0; i < size; ++i)
        frame.append(static_cast<char>(payload[i] ^ mask[i % 4]));
    return write(frame);
}

RawWsFrame RawConnection::readFrame(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (true) {
        if (m_buffer.size() >= 2) {
            const auto byte0 = static_cast<quint8>(m_buffer[0]);
            const auto byte1 = static_cast<quint8>(m_buffer[1]);
            const bool masked = byte1 & 0x80;
            quint64 length = byte1 & 0x7f;
            qsizetype offset = 2;
            bool haveHeader = true;
            if (length == 126) {
                haveHeader = m_buffer.size() >= 4;
                if (haveHeader)
                    length =
                        (static_cast<quint8>(m_buffer[2]) << 8) | static_cast<quint8>(m_buffer[3]);
                offset = 4;
            } else if (length == 127) {
                haveHeader = m_buffer.size() >= 10;
                length = 0;
                for (int i = 0; haveHeader && i < 8; ++i)
                    length = (length << 8) | static_cast<quint8>(m_buffer[2 + i]);
                offset = 10;
            }
            const qsizetype maskOffset = offset;
            if (masked)
                offset += 4;
            if (haveHeader && m_buffer.size() >= offset + static_cast<qsizetype>(length)) {
                RawWsFrame frame;
                frame.valid = true;
                frame.fin = byte0 & 0x80;
                frame.opcode = byte0 & 0x0f;
                frame.payload = m_buffer.mid(offset, static_cast<qsizetype>(length));
                if (masked) {
                    for (qsizetype i = 0; i < frame.payload.size(); ++i)
                        frame.payload[i] =
                            static_cast<char>(frame.payload[i] ^ m_buffer[maskOffset + i % 4]);
                }
                m_buffer.remove(0, offset + static_cast<qsizetype>(length));
                return frame;
            }
        }
        if (deadline.hasExpired())
            return {};
        if (!fill(50) && !isConnected() && m_socket.bytesAvailable() == 0)
            return {};
    }
}

int RawConnection::waitForCloseFrame(int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const RawWsFrame frame =
            readFrame(static_cast<int>(qMax<qint64>(1, deadline.remainingTime())));
        if (!frame.valid)
            return -1;
        if (frame.opcode == 8)
            return frame.closeCode();
    }
    return -1;
}

}  // namespace testsupport
