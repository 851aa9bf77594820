// The WebSocket at /api/v1/ws: hello and ready, ping, malformed frames, limits and close codes.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <QJsonDocument>
#include <QRandomGenerator>
#include <QtTest>

#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/raw_connection.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

class TestServerWebSocket : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void helloAnswersReady();
    void openSocketShowsUserOnline();
    void helloWithBadTokenIsUnauthorized_data();
    void helloWithBadTokenIsUnauthorized();
    void noHelloInTimeClosesWith4001();
    void pingEchoesNonce();
    void pipelinedFramesAreAnsweredInFrameOrder();
    void badFramesAnswerBadRequestAndKeepSocket_data();
    void badFramesAnswerBadRequestAndKeepSocket();
    void binaryFrameAnswersBadRequestAndKeepsSocket();
    void frameOverLimitClosesWith1009();
    void invalidUtf8ClosesWith1007();
    void idleSocketClosesWith4000();
    void floodingClosesWith4029();
    void slowReaderIsCutOffWith4008OthersGetEverything();
    void originNotAllowedIsRefused();
    void configuredOriginIsAccepted();
    void logoutClosesSocketWith4001();
    void plainGetOnSocketPathIsClientError();

private:
    // An open socket past hello for a fresh user of `server`.
    bool openReady(WsClient& ws, ServerProcess& server, TestUser* user = nullptr);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
};

void TestServerWebSocket::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
}

void TestServerWebSocket::cleanupTestCase() {
    m_http.reset();
    m_server.reset();
}

bool TestServerWebSocket::openReady(WsClient& ws, ServerProcess& server, TestUser* user) {
    HttpClient http(server);
    const TestUser made = registerUser(http, uniqueUsername("ws"));
    if (!made.ok()) {
        qWarning("register: %s", made.result.describe().constData());
        return false;
    }
    if (user)
        *user = made;
    if (!ws.open(server.wsUrl())) {
        qWarning("open: %s", qPrintable(ws.errorString()));
        return false;
    }
    const QJsonObject ready = ws.hello(made.token);
    if (ready.value("op").toString() != "ready") {
        qWarning("hello answered: %s", ws.lastText().constData());
        return false;
    }
    return true;
}

void TestServerWebSocket::helloAnswersReady() {
    const TestUser user = registerUser(*m_http, "ready_user", "password123", "Ready User");
    QVERIFY(user.ok());
    WsClient ws(*m_server);
    QVERIFY2(ws.open(m_server->wsUrl()), qPrintable(ws.errorString()));
    const QJsonObject ready = ws.hello(user.token);
    QCOMPARE(ready.value("op").toString(), QStringLiteral("ready"));
    QCOMPARE(ready.value("heartbeat_ms").toInteger(), 25000);
    const QJsonObject me = ready.value("user").toObject();
    QCOMPARE(me.value("id").toInteger(), user.userId);
    QCOMPARE(me.value("username").toString(), QStringLiteral("ready_user"));
    QCOMPARE(me.value("display_name").toString(), QStringLiteral("Ready User"));
    QVERIFY(me.contains("avatar"));
    QVERIFY(me.contains("status"));
    QVERIFY(ws.isOpen());
}

void TestServerWebSocket::openSocketShowsUserOnline() {
    WsClient ws(*m_server);
    TestUser user;
    QVERIFY(openReady(ws, *m_server, &user));
    const TestUser viewer = registerUser(*m_http, uniqueUsername("viewer"));
    QVERIFY(viewer.ok());
    // Presence is shown to friends only.
    ChatApi api(*m_http);
    QVERIFY(api.makeFriends(viewer, user) > 0);
    const HttpResult seen = m_http->get(QString("/api/v1/users/%1").arg(user.userId), viewer.token);
    QVERIFY2(seen.status == 200, seen.describe().constData());
    QCOMPARE(seen.json["status"].toString(), QStringLiteral("online"));
    const HttpResult offline =
        m_http->get(QString("/api/v1/users/%1").arg(viewer.userId), user.token);
    QCOMPARE(offline.json["status"].toString(), QStringLiteral("offline"));
}

void TestServerWebSocket::helloWithBadTokenIsUnauthorized_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("unknown token")
        << QByteArray(R"({"op":"hello","token":"AAAAAAAAAAAAAAAAAAAAAA"})");
    QTest::newRow("empty token") << QByteArray(R"({"op":"hello","token":""})");
}

void TestServerWebSocket::helloWithBadTokenIsUnauthorized() {
    QFETCH(QByteArray, frame);
    WsClient ws(*m_server);
    QVERIFY2(ws.open(m_server->wsUrl()), qPrintable(ws.errorString()));
    QVERIFY(ws.sendText(frame));
    const QJsonObject answer = ws.waitForFrame();
    QCOMPARE(answer.value("op").toString(), QStringLiteral("error"));
    QCOMPARE(answer.value("code").toString(), QStringLiteral("unauthorized"));
    QCOMPARE(ws.waitForClose(5000), 4001);
}

void TestServerWebSocket::noHelloInTimeClosesWith4001() {
    ServerOptions options;
    options.configToml += "limits.hello_timeout_s = 1\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());

    WsClient late(server);
    QVERIFY2(late.open(server.wsUrl()), qPrintable(late.errorString()));
    WsClient greeted(server);
    QVERIFY(openReady(greeted, server));
    QCOMPARE(late.waitForClose(8000), 4001);
    QVERIFY2(greeted.staysQuiet(1500), "a socket that said hello was closed by the hello rule");
}

void TestServerWebSocket::pingEchoesNonce() {
    WsClient ws(*m_server);
    QVERIFY(openReady(ws, *m_server));
    ws.sendJson({{"op", "ping"}, {"nonce", "n-42"}});
    const QJsonObject pong = ws.waitForOp("pong");
    QCOMPARE(pong.value("op").toString(), QStringLiteral("pong"));
    QCOMPARE(pong.value("nonce").toString(), QStringLiteral("n-42"));
    ws.sendJson({{"op", "ping"}});
    const QJsonObject bare = ws.waitForOp("pong");
    QCOMPARE(bare.value("op").toString(), QStringLiteral("pong"));
    QVERIFY(!bare.value("nonce").isString());
}

// A socket may have several ops in flight (a sender's next sends join the commit its earlier ones
// wait for), but its answers keep the order of its frames, and messages their order in the chat.
void TestServerWebSocket::pipelinedFramesAreAnsweredInFrameOrder() {
    WsClient ws(*m_server);
    TestUser user;
    QVERIFY(openReady(ws, *m_server, &user));
    const TestUser peer = registerUser(*m_http, uniqueUsername("pipe"));
    QVERIFY(peer.ok());
    ChatApi api(*m_http);
    const qint64 chatId = api.makeFriends(user, peer);
    QVERIFY(chatId > 0);
    constexpr int kSends = 20;
    QStringList sent;
    for (int i = 0; i < kSends; ++i) {
        sent << QStringLiteral("pipe-%1").arg(i);
        QVERIFY(ws.sendJson({{"op", "send"},
                             {"chat_id", chatId},
                             {"client_id", sent.last()},
                             {"text", QStringLiteral("message %1").arg(i)}}));
    }
    QVERIFY(ws.sendJson({{"op", "ping"}, {"nonce", "after-sends"}}));
    QStringList answered;
    qint64 lastSeq = 0;
    for (;;) {
        const QJsonObject frame = ws.waitForMatch([](const QJsonObject& f) {
            const QString op = f.value("op").toString();
            return op == "ack" || op == "error" || op == "pong";
        });
        QVERIFY2(!frame.isEmpty(), "an answer never came");
        const QString op = frame.value("op").toString();
        if (op == "pong") {
            QCOMPARE(frame.value("nonce").toString(), QStringLiteral("after-sends"));
            break;
        }
        QVERIFY2(op == "ack", ws.lastText().constData());
        answered << frame.value("client_id").toString();
        const qint64 seq = frame.value("message").toObject().value("seq").toInteger();
        QVERIFY2(seq > lastSeq, "messages out of frame order");
        lastSeq = seq;
    }
    QCOMPARE(answered, sent);
}

void TestServerWebSocket::badFramesAnswerBadRequestAndKeepSocket_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::newRow("not json") << QByteArray("hello there");
    QTest::newRow("truncated json") << QByteArray(R"({"op":"ping")");
    QTest::newRow("unknown op") << QByteArray(R"({"op":"teleport"})");
    QTest::newRow("missing op") << QByteArray(R"({"nonce":"x"})");
    QTest::newRow("op not a string") << QByteArray(R"({"op":7})");
    QTest::newRow("array") << QByteArray(R"(["ping"])");
    QTest::newRow("null") << QByteArray("null");
    QTest::newRow("empty") << QByteArray("");
    QTest::newRow("nested garbage") << QByteArray(R"({"op":{"op":"ping"}})");
}

void TestServerWebSocket::badFramesAnswerBadRequestAndKeepSocket() {
    QFETCH(QByteArray, frame);
    WsClient ws(*m_server);
    QVERIFY(openReady(ws, *m_server));
    QVERIFY(ws.sendText(frame));
    const QJsonObject error = ws.waitForOp("error");
    QCOMPARE(error.value("code").toString(), QStringLiteral("bad_request"));
    QVERIFY(ws.isOpen());
    ws.sendJson({{"op", "ping"}, {"nonce", "after"}});
    QCOMPARE(ws.waitForOp("pong").value("nonce").toString(), QStringLiteral("after"));
}

void TestServerWebSocket::binaryFrameAnswersBadRequestAndKeepsSocket() {
    WsClient ws(*m_server);
    QVERIFY(openReady(ws, *m_server));
    QVERIFY(ws.sendBinary(QByteArray::fromHex("00ff10")));
    const QJsonObject error = ws.waitForOp("error");
    QCOMPARE(error.value("code").toString(), QStringLiteral("bad_request"));
    ws.sendJson({{"op", "ping"}, {"nonce", "after-binary"}});
    QCOMPARE(ws.waitForOp("pong").value("nonce").toString(), QStringLiteral("after-binary"));
}

void TestServerWebSocket::frameOverLimitClosesWith1009() {
    WsClient ws(*m_server);
    QVERIFY(openReady(ws, *m_server));
    const QJsonObject underLimit{
        {"op", "ping"}, {"nonce", "big"}, {"padding", QString(60 * 1024, 'p')}};
    ws.sendJson(underLimit);
    QCOMPARE(ws.waitForOp("pong").value("nonce").toString(), QStringLiteral("big"));

    const QJsonObject overLimit{{"op", "ping"}, {"padding", QString(65 * 1024, 'p')}};
    ws.sendJson(overLimit);
    QCOMPARE(ws.waitForClose(5000), 1009);
}

void TestServerWebSocket::invalidUtf8ClosesWith1007() {
    RawConnection raw(*m_server);
    QVERIFY(raw.connect());
    QCOMPARE(raw.upgradeWebSocket(), 101);
    QVERIFY(raw.sendFrame(1, QByteArray("{\"op\":\"ping\",\"nonce\":\"\xff\xfe\"}")));
    QCOMPARE(raw.waitForCloseFrame(5000), 1007);

    RawConnection lone(*m_server);
    QVERIFY(lone.connect());
    QCOMPARE(lone.upgradeWebSocket(), 101);
    QVERIFY(lone.sendFrame(1, QByteArray("\xed\xa0\x80")));
    QCOMPARE(lone.waitForCloseFrame(5000), 1007);
}

void TestServerWebSocket::idleSocketClosesWith4000() {
    ServerOptions options;
    options.configToml += "limits.idle_timeout_s = 2\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    WsClient idle(server);
    QVERIFY(openReady(idle, server));
    WsClient busy(server);
    QVERIFY(openReady(busy, server));

    QElapsedTimer elapsed;
    elapsed.start();
    int idleCode = -1;
    while (elapsed.elapsed() < 8000 && idleCode == -1) {
        busy.sendJson({{"op", "ping"}});
        QVERIFY(!busy.waitForOp("pong", 2000).isEmpty());
        idleCode = idle.waitForClose(400);
    }
    QCOMPARE(idleCode, 4000);
    QVERIFY2(busy.isOpen(), "a socket that kept pinging was closed as idle");
}

void TestServerWebSocket::floodingClosesWith4029() {
    WsClient ws(*m_server);
    QVERIFY(openReady(ws, *m_server));
    for (int i = 0; i < 600 && ws.isOpen(); ++i)
        ws.sendJson({{"op", "ping"}, {"nonce", QString::number(i)}});
    QCOMPARE(ws.waitForClose(10000), 4029);
}

namespace {

// A plain WebSocket client on a bare POSIX socket with a tiny receive buffer, so that a test can
// stop reading and the server's writes to it back up (a Qt socket would keep draining the kernel
// buffer whenever the event loop runs).
class StalledReader {
public:
    ~StalledReader() {
        if (m_fd >= 0)
            ::close(m_fd);
    }

    // Upgrades, sends hello and reads until ready has arrived; then reads nothing until told.
    bool connectAs(quint16 port, const QString& token) {
        m_fd = ::socket(AF_INET, SOCK_STREAM, 0);
        const int small = 4096;
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVBUF, &small, sizeof small);
        const timeval timeout{20, 0};
        ::setsockopt(m_fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (::connect(m_fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) != 0)
            return false;
        if (!writeAll("GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                      "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                      "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n") ||
            !readUntil("\r\n\r\n") || !m_received.startsWith("HTTP/1.1 101"))
            return false;
        m_received.remove(0, m_received.indexOf("\r\n\r\n") + 4);
        const QByteArray hello = R"({"op":"hello","token":")" + token.toUtf8() + R"("})";
        return writeAll(maskedTextFrame(hello)) && readUntil(R"("op":"ready")");
    }

    // Reads until the server closes the connection (or 20 s pass without a byte).
    bool readToEnd() {
        char chunk[65536];
        for (;;) {
            const auto n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n == 0)
                return true;
            if (n < 0)
                return false;
            m_received.append(chunk, n);
        }
    }

    // The server's frames received (unmasked): text payloads counted, the close code if any.
    void parse(int& texts, int& closeCode) const {
        texts = 0;
        closeCode = -1;
        qsizetype at = 0;
        while (m_received.size() - at >= 2) {
            const int opcode = m_received[at] & 0x0f;
            quint64 size = static_cast<unsigned char>(m_received[at + 1]) & 0x7f;
            qsizetype header = 2;
            const int extra = size == 126 ? 2 : size == 127 ? 8 : 0;
            if (extra) {
                if (m_received.size() - at < 2 + extra)
                    return;
                size = 0;
                for (int i = 0; i < extra; ++i)
                    size = (size << 8) | static_cast<unsigned char>(m_received[at + 2 + i]);
                header += extra;
            }
            if (static_cast<quint64>(m_received.size() - at - header) < size)
                return;
            if (opcode == 1)
                ++texts;
            if (opcode == 8 && size >= 2)
                closeCode = (static_cast<unsigned char>(m_received[at + header]) << 8) |
                            static_cast<unsigned char>(m_received[at + header + 1]);
            at += header + static_cast<qsizetype>(size);
        }
    }

private:
    static QByteArray maskedTextFrame(const QByteArray& payload) {
        QByteArray frame;
        frame.append(char(0x81));
        frame.append(static_cast<char>(0x80 | payload.size()));  // hello is under 126 bytes
        const quint32 mask = QRandomGenerator::global()->generate();
        frame.append(reinterpret_cast<const char*>(&mask), 4);
        for (qsizetype i = 0; i < payload.size(); ++i)
            frame.append(static_cast<char>(payload[i] ^ frame[2 + i % 4]));
        return frame;
    }

    bool writeAll(const QByteArray& bytes) {
        return ::send(m_fd, bytes.constData(), static_cast<size_t>(bytes.size()), MSG_NOSIGNAL) ==
               bytes.size();
    }

    bool readUntil(const QByteArray& marker) {
        char chunk[512];
        while (!m_received.contains(marker)) {
            const auto n = ::recv(m_fd, chunk, sizeof chunk, 0);
            if (n <= 0)
                return false;
            m_received.append(chunk, n);
        }
        return true;
    }

    int m_fd = -1;
    QByteArray m_received;
};

}  // namespace

// A socket whose peer stops reading is closed (4008) once its queue is full, what was queued for
// it dropped; the same user's other socket and the sender get every frame meanwhile. Plain
// TCP: the server writes a frame at once when the socket takes it, and a stalled socket takes
// the async path.
void TestServerWebSocket::slowReaderIsCutOffWith4008OthersGetEverything() {
    ServerOptions options;
    options.tls = false;
    options.configToml +=
        "limits.socket_queue_kib = 256\nlimits.flood_frames_per_second = 100000\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    const TestUser sender = registerUser(http, uniqueUsername("fast"));
    const TestUser reader = registerUser(http, uniqueUsername("stalled"));
    QVERIFY(sender.ok() && reader.ok());
    const qint64 chatId = ChatApi(http).makeFriends(sender, reader);
    QVERIFY(chatId > 0);
    WsClient senderWs(server);
    QVERIFY2(senderWs.connectAs(server.wsUrl(), sender.token), qPrintable(senderWs.errorString()));
    WsClient readerWs(server);
    QVERIFY2(readerWs.connectAs(server.wsUrl(), reader.token), qPrintable(readerWs.errorString()));
    StalledReader stalled;
    QVERIFY(stalled.connectAs(server.port(), reader.token));

    // About 6.4 MB for the stalled socket: more than its queue and the kernel's buffers (a socket's
    // send buffer grows to 4 MiB at most by default). The sender reads its acks (and its own
    // copies) every few sends, keeping its own queue short.
    constexpr int kBatch = 16;
    constexpr int kSends = 100 * kBatch;
    const QString text(4000, QLatin1Char('x'));
    for (int first = 0; first < kSends; first += kBatch) {
        for (int i = first; i < first + kBatch; ++i)
            QVERIFY(senderWs.sendJson({{"op", "send"},
                                       {"chat_id", chatId},
                                       {"client_id", QStringLiteral("slow-%1").arg(i)},
                                       {"text", text}}));
        for (int i = first; i < first + kBatch; ++i) {
            const QJsonObject ack = senderWs.waitForOp("ack");
            QVERIFY2(!ack.isEmpty(), senderWs.lastText().constData());
            QCOMPARE(ack.value("client_id").toString(), QStringLiteral("slow-%1").arg(i));
        }
    }
    for (int i = 0; i < kSends; ++i)
        QVERIFY2(!readerWs.waitForEvent(chatId, "message.created").isEmpty(),
                 qPrintable(QStringLiteral("the reader's live socket missed message %1").arg(i)));

    const bool ended = stalled.readToEnd();
    int texts = 0;
    int closeCode = 0;
    stalled.parse(texts, closeCode);
    QVERIFY2(ended, "the stalled socket was never closed");
    QVERIFY2(texts < kSends, "the stalled socket got everything: nothing was dropped");
    // The close frame waits for the write the peer stopped reading; past the close deadline the
    // socket is dropped without one.
    if (closeCode != -1)
        QCOMPARE(closeCode, 4008);
    QVERIFY(readerWs.isOpen());
    QVERIFY(senderWs.isOpen());
}

void TestServerWebSocket::originNotAllowedIsRefused() {
    RawConnection raw(*m_server);
    QVERIFY(raw.connect());
    QCOMPARE(raw.upgradeWebSocket("/api/v1/ws", "Origin: https://evil.example\r\n"), 403);

    WsClient ws(*m_server);
    QVERIFY2(!ws.open(m_server->wsUrl(), "https://evil.example"),
             "an upgrade from a foreign Origin was accepted");
    WsClient desktop(*m_server);
    QVERIFY(openReady(desktop, *m_server));
}

void TestServerWebSocket::configuredOriginIsAccepted() {
    ServerOptions options;
    options.configToml += "server.allowed_origins = [\"https://app.example\"]\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    const TestUser user = registerUser(http, "origin_user");
    QVERIFY(user.ok());

    WsClient allowed(server);
    QVERIFY2(allowed.open(server.wsUrl(), "https://app.example"),
             qPrintable(allowed.errorString()));
    QCOMPARE(allowed.hello(user.token).value("op").toString(), QStringLiteral("ready"));

    WsClient absent(server);
    QVERIFY2(absent.open(server.wsUrl()), qPrintable(absent.errorString()));
    QCOMPARE(absent.hello(user.token).value("op").toString(), QStringLiteral("ready"));

    RawConnection raw(server);
    QVERIFY(raw.connect());
    raw.write(
        "GET /api/v1/ws HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
        "Connection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://other.example\r\n\r\n");
    const RawHttpResponse refused = raw.readHttpResponse();
    QCOMPARE(refused.status, 403);
    const QJsonObject body = QJsonDocument::fromJson(refused.body).object();
    QCOMPARE(body.value("error").toObject().value("code").toString(), QStringLiteral("forbidden"));
}

void TestServerWebSocket::logoutClosesSocketWith4001() {
    WsClient ws(*m_server);
    TestUser user;
    QVERIFY(openReady(ws, *m_server, &user));
    QCOMPARE(m_http->post("/api/v1/auth/logout", {}, user.token).status, 204);
    QCOMPARE(ws.waitForClose(5000), 4001);
}

void TestServerWebSocket::plainGetOnSocketPathIsClientError() {
    const HttpResult result = m_http->get("/api/v1/ws");
    QVERIFY2(result.status >= 400 && result.status < 500, result.describe().constData());
    QVERIFY2(result.hasErrorBody(), result.describe().constData());
}

QTEST_GUILESS_MAIN(TestServerWebSocket)
#include "tst_server_websocket.moc"
