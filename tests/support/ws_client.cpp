#include "tests/support/ws_client.h"

#include <QDeadlineTimer>
#include <QEventLoop>
#include <QJsonDocument>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QTimer>

#include "tests/support/server_process.h"

namespace testsupport {

WsClient::WsClient(const ServerProcess& server)
    : WsClient(server.tls() ? server.certificate() : QSslCertificate()) {}

WsClient::WsClient(const QSslCertificate& pinned) : m_pin(pinned) {}

WsClient::~WsClient() {
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
    }
}

bool WsClient::waitUntil(const std::function<bool()>& done, int timeoutMs) {
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    const QDeadlineTimer deadline(timeoutMs);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done() || deadline.hasExpired())
            loop.quit();
    });
    poll.start(5);
    loop.exec();
    return done();
}

bool WsClient::open(const QUrl& url, const QString& origin, const HeaderList& headers,
                    int timeoutMs) {
    if (m_socket) {
        m_socket->disconnect();
        m_socket->abort();
        m_socket.reset();
    }
    m_frames.clear();
    m_errorString.clear();
    m_disconnected = false;
    m_socket = std::make_unique<QWebSocket>(origin);
    QWebSocket* socket = m_socket.get();
    socket->setProxy(QNetworkProxy::NoProxy);
    QObject::connect(socket, &QWebSocket::textMessageReceived, socket,
                     [this](const QString& text) { m_frames.enqueue(text.toUtf8()); });
    QObject::connect(socket, &QWebSocket::disconnected, socket, [this] { m_disconnected = true; });
    QObject::connect(socket, qOverload<QAbstractSocket::SocketError>(&QWebSocket::error), socket,
                     [this](QAbstractSocket::SocketError) {
                         if (m_errorString.isEmpty())
                             m_errorString = m_socket->errorString();
                     });
    QObject::connect(
        socket, &QWebSocket::sslErrors, socket, [this](const QList<QSslError>& errors) {
            const QList<QSslError> ignorable =
                m_pin.ignorable(m_socket->sslConfiguration().peerCertificate(), errors);
            if (!ignorable.isEmpty())
                m_socket->ignoreSslErrors(ignorable);
        });

    QNetworkRequest request(url);
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);
    socket->open(request);
    waitUntil([&] { return socket->state() == QAbstractSocket::ConnectedState || m_disconnected; },
              timeoutMs);
    if (socket->state() != QAbstractSocket::ConnectedState) {
        if (m_errorString.isEmpty())
            m_errorString = QStringLiteral("no upgrade within %1 ms").arg(timeoutMs);
        return false;
    }
    return true;
}

void WsClient::close(QWebSocketProtocol::CloseCode code) {
    if (!m_socket || m_disconnected)
        return;
    m_socket->close(code);
    waitUntil([this] { return m_disconnected; }, 3000);
}

bool WsClient::sendText(const QByteArray& text) {
    if (!isOpen())
        return false;
    const qint64 sent = m_socket->sendTextMessage(QString::fromUtf8(text));
    m_socket->flush();
    return sent >= 0;
}

bool WsClient::sendJson(const QJsonObject& frame) {
    return sendText(QJsonDocument(frame).toJson(QJsonDocument::Compact));
}

bool WsClient::sendBinary(const QByteArray& data) {
    if (!isOpen())
        return false;
    const qint64 sent = m_socket->sendBinaryMessage(data);
    m_socket->flush();
    return sent >= 0;
}

QJsonObject WsClient::waitForFrame(int timeoutMs) {
    if (!waitUntil([this] { return !m_frames.isEmpty() || m_disconnected; }, timeoutMs) ||
        m_frames.isEmpty())
        return {};
    m_lastText = m_frames.dequeue();
    return QJsonDocument::fromJson(m_lastText).object();
}

QJsonObject WsClient::waitForOp(const QString& op, int timeoutMs) {
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        const int left = static_cast<int>(qMax<qint64>(1, deadline.remainingTime()));
        const QJsonObject frame = waitForFrame(left);
        if (frame.value(QLatin1String("op")).toString() == op)
            return frame;
        if (frame.isEmpty() && m_frames.isEmpty() && m_disconnected)
            return {};
    }
    return {};
}

QJsonObject WsClient::hello(const QString& token, int timeoutMs) {
    sendJson({{QStringLiteral("op"), QStringLiteral("hello")}, {QStringLiteral("token"), token}});
    return waitForFrame(timeoutMs);
}

bool WsClient::connectAs(const QUrl& url, const QString& token, int timeoutMs) {
    if (!open(url, {}, {}, timeoutMs))
        return false;
    const QJsonObject answer = hello(token, timeoutMs);
    if (answer.value(QLatin1String("op")).toString() == QLatin1String("ready"))
        return true;
    m_errorString = QStringLiteral("hello answered: ") + QString::fromUtf8(m_lastText);
    return false;
}

QJsonObject WsClient::waitForMatch(const std::function<bool(const QJsonObject&)>& match,
                                   int timeoutMs) {
    qsizetype scanned = 0;
    QJsonObject found;
    bool matched = false;
    const auto scan = [&] {
        if (matched)
            return true;
        for (; scanned < m_frames.size(); ++scanned) {
            const QJsonObject frame = QJsonDocument::fromJson(m_frames.at(scanned)).object();
            if (match(frame)) {
                m_lastText = m_frames.takeAt(scanned);
                found = frame;
                matched = true;
                return true;
            }
        }
        return m_disconnected;
    };
    waitUntil(scan, timeoutMs);
    return found;
}

QJsonObject WsClient::waitForEvent(qint64 chatId, const QString& type, int timeoutMs) {
    return waitForMatch(
        [&](const QJsonObject& frame) {
            const QJsonObject event = frame.value(QLatin1String("event")).toObject();
            return frame.value(QLatin1String("op")).toString() == QLatin1String("event") &&
                   event.value(QLatin1String("chat_id")).toInteger() == chatId &&
                   event.value(QLatin1String("type")).toString() == type;
        },
        timeoutMs);
}

QList<QJsonObject> WsClient::collect(int ms) {
    waitUntil([this] { return m_disconnected; }, ms);
    QList<QJsonObject> frames;
    while (!m_frames.isEmpty())
        frames.append(QJsonDocument::fromJson(m_frames.dequeue()).object());
    return frames;
}

int WsClient::waitForClose(int timeoutMs) {
    if (!m_socket)
        return -1;
    if (!waitUntil([this] { return m_disconnected; }, timeoutMs))
        return -1;
    return closeCode();
}

bool WsClient::staysQuiet(int ms) {
    waitUntil([this] { return !m_frames.isEmpty() || m_disconnected; }, ms);
    return m_frames.isEmpty() && !m_disconnected;
}

int WsClient::closeCode() const {
    return m_socket ? static_cast<int>(m_socket->closeCode()) : -1;
}

QString WsClient::closeReason() const {
    return m_socket ? m_socket->closeReason() : QString();
}

bool WsClient::isOpen() const {
    return m_socket && !m_disconnected && m_socket->state() == QAbstractSocket::ConnectedState;
}

}  // namespace testsupport
