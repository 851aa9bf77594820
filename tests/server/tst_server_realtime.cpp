// "Real time" end to end: read markers and the read op, typing, presence to friends only with the
// 10 s offline delay, catching up with events?after (also across a server restart), and the send
// rate limit with the real defaults.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "tests/server/chat_server_fixture.h"
#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

std::function<bool(const QJsonObject&)> opIs(const QString& op) {
    return [op](const QJsonObject& frame) { return frame.value("op").toString() == op; };
}

std::function<bool(const QJsonObject&)> presenceOf(qint64 userId, const QString& status) {
    return [userId, status](const QJsonObject& frame) {
        return frame["op"].toString() == "presence" && frame["user_id"].toInteger() == userId &&
               frame["status"].toString() == status;
    };
}

int countOps(const QList<QJsonObject>& frames, const QString& op) {
    return static_cast<int>(std::count_if(frames.begin(), frames.end(), [&](const QJsonObject& f) {
        return f["op"].toString() == op;
    }));
}

QJsonObject sendFrame(qint64 chatId, const QString& clientId, const QString& text) {
    return {{"op", "send"}, {"chat_id", chatId}, {"client_id", clientId}, {"text", text}};
}

}  // namespace

class TestServerRealtime : public QObject, protected test::ChatServerFixture {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void readOpReachesOtherSocketsAndPeer();
    void readMarkerMovesForwardOnly();
    void typingReachesPeerNotSender();
    void presenceGoesToFriendsWithOfflineDelay();
    void missedEventsAreFetchedOnce();
    void sendRateLimitWithRealDefaults();
    void catchUpAfterServerRestart();

private:
};

void TestServerRealtime::initTestCase() {
    QVERIFY2(startServer(), m_server->errors().constData());
}

void TestServerRealtime::cleanupTestCase() {
    stopServer();
}

void TestServerRealtime::readOpReachesOtherSocketsAndPeer() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, QString("unread %1").arg(i)).status,
                 201);
    const TestUser bobTablet = loginUser(*m_http, pair.bob.username);
    auto bobPhone = live(pair.bob);
    auto bobDesk = live(bobTablet);
    auto aliceWs = live(pair.alice);
    QVERIFY(bobPhone->isOpen() && bobDesk->isOpen() && aliceWs->isOpen());

    bobPhone->sendJson({{"op", "read"}, {"chat_id", pair.chatId}, {"seq", 2}});
    for (WsClient* socket : {bobDesk.get(), aliceWs.get()}) {
        const QJsonObject read = socket->waitForMatch(opIs("read"));
        QVERIFY2(!read.isEmpty(), "the read op did not arrive");
        QCOMPARE(read["chat_id"].toInteger(), pair.chatId);
        QCOMPARE(read["user_id"].toInteger(), pair.bob.userId);
        QCOMPARE(read["seq"].toInteger(), 2);
    }
    QCOMPARE(countOps(bobPhone->collect(800), "read"), 0);

    const QJsonObject bobChat = m_api->chatInList(pair.bob, pair.chatId);
    QCOMPARE(bobChat["read_seq"].toInteger(), 2);
    QCOMPARE(bobChat["unread"].toInt(), 1);
    QCOMPARE(m_api->chatInList(pair.alice, pair.chatId)["peer_read_seq"].toInteger(), 2);

    const HttpResult rest = m_api->markRead(pair.bob, pair.chatId, 3);
    QVERIFY2(rest.status == 204, rest.describe().constData());
    const QJsonObject toAlice = aliceWs->waitForMatch(opIs("read"));
    QCOMPARE(toAlice["seq"].toInteger(), 3);
    QCOMPARE(m_api->chatInList(pair.bob, pair.chatId)["unread"].toInt(), 0);
    QCOMPARE(m_api->chatInList(pair.alice, pair.chatId)["peer_read_seq"].toInteger(), 3);
}

void TestServerRealtime::readMarkerMovesForwardOnly() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    for (int i = 1; i <= 4; ++i)
        QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, QString("m%1").arg(i)).status, 201);
    QCOMPARE(m_api->chatInList(pair.bob, pair.chatId)["unread"].toInt(), 4);
    QCOMPARE(m_api->chatInList(pair.bob, pair.chatId)["read_seq"].toInteger(), 0);
    QCOMPARE(m_api->chatInList(pair.alice, pair.chatId)["peer_read_seq"].toInteger(), 0);

    QCOMPARE(m_api->markRead(pair.bob, pair.chatId, 3).status, 204);
    const HttpResult back = m_api->markRead(pair.bob, pair.chatId, 1);
    QVERIFY2(back.status == 204, back.describe().constData());
    const QJsonObject bobChat = m_api->chatInList(pair.bob, pair.chatId);
    QCOMPARE(bobChat["read_seq"].toInteger(), 3);
    QCOMPARE(bobChat["unread"].toInt(), 1);
    QCOMPARE(m_api->chatInList(pair.alice, pair.chatId)["peer_read_seq"].toInteger(), 3);

    QCOMPARE(m_api->postMessage(pair.bob, pair.chatId, "my reply").status, 201);
    const QJsonObject afterPost = m_api->chatInList(pair.bob, pair.chatId);
    QCOMPARE(afterPost["read_seq"].toInteger(), 5);
    QCOMPARE(afterPost["unread"].toInt(), 0);
    QCOMPARE(m_api->chatInList(pair.alice, pair.chatId)["unread"].toInt(), 1);
}

void TestServerRealtime::typingReachesPeerNotSender() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto aliceWs = live(pair.alice);
    auto bobWs = live(pair.bob);
    aliceWs->sendJson({{"op", "typing"}, {"chat_id", pair.chatId}});
    const QJsonObject typing = bobWs->waitForMatch(opIs("typing"));
    QVERIFY2(!typing.isEmpty(), "bob saw no typing");
    QCOMPARE(typing["chat_id"].toInteger(), pair.chatId);
    QCOMPARE(typing["user_id"].toInteger(), pair.alice.userId);
    QCOMPARE(countOps(aliceWs->collect(800), "typing"), 0);

    const TestUser stranger = registerUser(*m_http, uniqueUsername("eve"));
    auto strangerWs = live(stranger);
    strangerWs->sendJson({{"op", "typing"}, {"chat_id", pair.chatId}});
    QCOMPARE(countOps(bobWs->collect(800), "typing"), 0);
    QVERIFY(strangerWs->isOpen());
}

void TestServerRealtime::presenceGoesToFriendsWithOfflineDelay() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    const TestUser stranger = registerUser(*m_http, uniqueUsername("stranger"));
    auto bobWs = live(pair.bob);
    auto strangerWs = live(stranger);

    auto aliceWs = live(pair.alice);
    const QJsonObject online = bobWs->waitForMatch(presenceOf(pair.alice.userId, "online"));
    QVERIFY2(!online.isEmpty(), "bob did not see alice come online");
    const HttpResult seenOnline =
        m_http->get(QString("/api/v1/users/%1").arg(pair.alice.userId), pair.bob.token);
    QCOMPARE(seenOnline.json["status"].toString(), QStringLiteral("online"));
    const QJsonObject bobChat = m_api->chatInList(pair.bob, pair.chatId);
    QCOMPARE(bobChat["peer"]["status"].toString(), QStringLiteral("online"));

    aliceWs->close();
    aliceWs = live(pair.alice);
    QVERIFY(aliceWs->isOpen());
    const QList<QJsonObject> flap = bobWs->collect(12000);
    for (const QJsonObject& frame : flap)
        QVERIFY2(!presenceOf(pair.alice.userId, "offline")(frame),
                 "a reconnect within 10 s was announced as offline");

    const qint64 closedAt = QDateTime::currentMSecsSinceEpoch();
    aliceWs->close();
    const QJsonObject offline =
        bobWs->waitForMatch(presenceOf(pair.alice.userId, "offline"), 15000);
    QVERIFY2(!offline.isEmpty(), "bob never saw alice go offline");
    const qint64 lastSeen = offline["last_seen"].toInteger();
    QVERIFY2(lastSeen >= closedAt - 5000 && lastSeen <= QDateTime::currentMSecsSinceEpoch() + 1000,
             qPrintable(QString("last_seen %1, closed at %2").arg(lastSeen).arg(closedAt)));
    const QString alicePath = QString("/api/v1/users/%1").arg(pair.alice.userId);
    HttpResult seenOffline = m_http->get(alicePath, pair.bob.token);
    QCOMPARE(seenOffline.json["status"].toString(), QStringLiteral("offline"));
    if (seenOffline.json["last_seen"].isNull()) {
        // Known race, reported: the offline op goes out before last_seen is committed.
        qWarning("GET /users/{id} right after the offline op has no last_seen yet");
        QTRY_VERIFY_WITH_TIMEOUT(
            !(seenOffline = m_http->get(alicePath, pair.bob.token)).json["last_seen"].isNull(),
            2000);
    }
    QVERIFY2(seenOffline.json["last_seen"].toInteger() >= closedAt - 5000,
             seenOffline.describe().constData());

    for (const QJsonObject& frame : strangerWs->collect(100))
        QVERIFY2(frame["op"].toString() != "presence",
                 qPrintable("a stranger got presence: " + QJsonDocument(frame).toJson()));
}

void TestServerRealtime::missedEventsAreFetchedOnce() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto bobWs = live(pair.bob);
    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "seen live 1").status, 201);
    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "seen live 2").status, 201);
    qint64 applied = 0;
    for (int i = 0; i < 2; ++i) {
        const QJsonObject frame = bobWs->waitForEvent(pair.chatId, "message.created");
        applied = frame["event"]["seq"].toInteger();
    }
    QCOMPARE(applied, 2);
    bobWs->close();

    const HttpResult missed = m_api->postMessage(pair.alice, pair.chatId, "while you were away");
    QCOMPARE(missed.status, 201);
    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "still away?").status, 201);
    QCOMPARE(
        m_api->editMessage(pair.alice, missed.json["id"].toInteger(), "while you slept").status,
        200);
    QCOMPARE(m_api->react(pair.alice, missed.json["id"].toInteger(), "🌙").status, 204);

    bobWs = live(pair.bob);
    QVERIFY(bobWs->isOpen());
    const HttpResult catchUp = m_api->events(pair.bob, pair.chatId, applied);
    QVERIFY2(catchUp.status == 200, catchUp.describe().constData());
    const QJsonArray events = catchUp.json["events"].toArray();
    QStringList types;
    QList<qint64> seqs;
    for (const QJsonValue& event : events) {
        types << event["type"].toString();
        seqs << event["seq"].toInteger();
    }
    QCOMPARE(seqs, (QList<qint64>{3, 4, 5, 6}));
    QCOMPARE(types, (QStringList{"message.created", "message.created", "message.edited",
                                 "reaction.changed"}));
    QCOMPARE(catchUp.json["last_seq"].toInteger(), 6);
    QCOMPARE(events[2]["data"]["message"]["text"].toString(), QStringLiteral("while you slept"));
    const HttpResult again = m_api->events(pair.bob, pair.chatId, 6);
    QVERIFY(again.json["events"].toArray().isEmpty());

    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "back live").status, 201);
    const QJsonObject next = bobWs->waitForEvent(pair.chatId, "message.created");
    QCOMPARE(next["event"]["seq"].toInteger(), 7);
}

void TestServerRealtime::sendRateLimitWithRealDefaults() {
    ServerOptions options;
    options.configToml.clear();
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    ChatApi api(http);
    const TestUser alice = registerUser(http, "limit_alice");
    const TestUser bob = registerUser(http, "limit_bob");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = api.makeFriends(alice, bob);
    QVERIFY(chatId > 0);

    int stored = 0;
    for (int i = 1; i <= 30; ++i) {
        const HttpResult result = api.postMessage(alice, chatId, QString("burst %1").arg(i));
        QVERIFY2(result.status == 201,
                 (QByteArray::number(i) + ": " + result.describe()).constData());
        ++stored;
    }
    HttpResult limited;
    for (int i = 0; i < 40 && limited.status != 429; ++i) {
        limited = api.postMessage(alice, chatId, "one more");
        if (limited.status == 201)
            ++stored;
    }
    QVERIFY2(limited.status == 429, limited.describe().constData());
    QCOMPARE(limited.errorCode(), QStringLiteral("rate_limited"));
    QVERIFY(limited.hasErrorBody());
    bool isNumber = false;
    QVERIFY2(limited.header("retry-after").toInt(&isNumber) >= 1 && isNumber,
             "Retry-After: " + limited.header("retry-after"));

    WsClient ws(server);
    QVERIFY2(ws.connectAs(server.wsUrl(), alice.token), qPrintable(ws.errorString()));
    for (int i = 0; i < 10; ++i)
        ws.sendJson(sendFrame(chatId, QString("ws-%1").arg(i), "over the socket"));
    int acks = 0;
    int refused = 0;
    while (acks + refused < 10) {
        const QJsonObject frame = ws.waitForMatch([](const QJsonObject& f) {
            return f["op"].toString() == "ack" || f["op"].toString() == "error";
        });
        QVERIFY2(!frame.isEmpty(), "a send got no answer");
        QVERIFY(frame["client_id"].toString().startsWith("ws-"));
        if (frame["op"].toString() == "ack") {
            ++acks;
            continue;
        }
        ++refused;
        QCOMPARE(frame["code"].toString(), QStringLiteral("rate_limited"));
        QVERIFY2(frame["retry_after_ms"].toInteger() > 0, ws.lastText().constData());
    }
    QVERIFY2(refused >= 1, "ten sends right after a 429 were all accepted");
    QVERIFY(ws.isOpen());

    QCOMPARE(api.postMessage(bob, chatId, "my own bucket").status, 201);
    const HttpResult history = api.history(bob, chatId, 0, 100);
    QCOMPARE(history.json["messages"].toArray().size(), stored + acks + 1);
}

void TestServerRealtime::catchUpAfterServerRestart() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto bobWs = live(pair.bob);
    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "before the restart").status, 201);
    const QJsonObject seen = bobWs->waitForEvent(pair.chatId, "message.created");
    const qint64 applied = seen["event"]["seq"].toInteger();
    QCOMPARE(applied, 1);
    for (int i = 1; i <= 3; ++i)
        QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, QString("unseen %1").arg(i)).status,
                 201);
    bobWs->close();

    m_server->stop();
    QVERIFY2(m_server->start(), m_server->errors().constData());

    bobWs = live(pair.bob);
    QVERIFY2(bobWs->isOpen(), "a session did not survive the restart");
    const HttpResult catchUp = m_api->events(pair.bob, pair.chatId, applied);
    QVERIFY2(catchUp.status == 200, catchUp.describe().constData());
    const QJsonArray events = catchUp.json["events"].toArray();
    QCOMPARE(events.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(events[i]["seq"].toInteger(), i + 2);
        QCOMPARE(events[i]["data"]["message"]["text"].toString(), QString("unseen %1").arg(i + 1));
    }
    QCOMPARE(catchUp.json["last_seq"].toInteger(), 4);

    QCOMPARE(m_api->postMessage(pair.alice, pair.chatId, "after the restart").status, 201);
    const QJsonObject next = bobWs->waitForEvent(pair.chatId, "message.created");
    QCOMPARE(next["event"]["seq"].toInteger(), 5);
}

QTEST_GUILESS_MAIN(TestServerRealtime)
#include "tst_server_realtime.moc"
