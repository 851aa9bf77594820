// Bad input to every route and op of friends, chats and messages: garbage ids, wrong types,
// missing fields, oversized text, others' chats. Nothing answers 5xx, every 4xx carries the error
// body, and the server is still serving afterwards.
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

// Expected status 0: the contract leaves the answer open, so anything but a 5xx (a 4xx with the
// error body) is accepted.
constexpr int anyClientError = 0;

const QByteArray unknownId = "987654321";

QByteArray mediaIds(int count) {
    QByteArray list = "[";
    for (int i = 0; i < count; ++i) {
        if (i > 0)
            list += ',';
        list += '"' + QByteArray::number(i).rightJustified(64, 'a') + '"';
    }
    return list + "]";
}

// A unique client_id each, so an accepted row cannot turn later ones into idempotent replays.
QByteArray messageBody(const QByteArray& fields) {
    static int counter = 0;
    return "{\"client_id\":\"sweep-" + QByteArray::number(++counter) + "\"," + fields + "}";
}

}  // namespace

class TestServerSweep3 : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void badRequestsGetClientErrors_data();
    void badRequestsGetClientErrors();
    void everyRouteNeedsToken_data();
    void everyRouteNeedsToken();
    void badSocketFramesGetErrors_data();
    void badSocketFramesGetErrors();
    void serverStillServes();

private:
    QString expand(QString path) const;
    QByteArray expand(QByteArray body) const;

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ChatApi> m_api;
    TestUser m_alice;
    TestUser m_bob;
    TestUser m_carol;
    qint64 m_chatId = 0;
    qint64 m_messageId = 0;
    qint64 m_otherChatId = 0;
    qint64 m_otherMessageId = 0;
};

void TestServerSweep3::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<ChatApi>(*m_http);
    m_alice = registerUser(*m_http, "sweep_alice");
    m_bob = registerUser(*m_http, "sweep_bob");
    m_carol = registerUser(*m_http, "sweep_carol");
    const TestUser dave = registerUser(*m_http, "sweep_dave");
    QVERIFY(m_alice.ok() && m_bob.ok() && m_carol.ok() && dave.ok());
    m_chatId = m_api->makeFriends(m_alice, m_bob);
    m_otherChatId = m_api->makeFriends(m_carol, dave);
    QVERIFY(m_chatId > 0 && m_otherChatId > 0);
    const HttpResult mine = m_api->postMessage(m_alice, m_chatId, "alice's message");
    const HttpResult theirs = m_api->postMessage(m_carol, m_otherChatId, "carol's message");
    QVERIFY2(mine.status == 201, mine.describe().constData());
    QVERIFY2(theirs.status == 201, theirs.describe().constData());
    m_messageId = mine.json["id"].toInteger();
    m_otherMessageId = theirs.json["id"].toInteger();
}

void TestServerSweep3::cleanupTestCase() {
    m_api.reset();
    m_http.reset();
    m_server.reset();
}

QString TestServerSweep3::expand(QString path) const {
    return path.replace("{chat}", QString::number(m_chatId))
        .replace("{msg}", QString::number(m_messageId))
        .replace("{other_chat}", QString::number(m_otherChatId))
        .replace("{other_msg}", QString::number(m_otherMessageId))
        .replace("{bob}", QString::number(m_bob.userId))
        .replace("{carol}", QString::number(m_carol.userId))
        .replace("{me}", QString::number(m_alice.userId));
}

QByteArray TestServerSweep3::expand(QByteArray body) const {
    return expand(QString::fromUtf8(body)).toUtf8();
}

void TestServerSweep3::badRequestsGetClientErrors_data() {
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("expected");
    const auto row = [](const char* name, const QByteArray& verb, const QString& path,
                        const QByteArray& body,
                        int expected) { QTest::newRow(name) << verb << path << body << expected; };
    const QString requests = "/api/v1/friends/requests";
    row("request malformed", "POST", requests, "{", 400);
    row("request array", "POST", requests, "[]", 400);
    row("request no user_id", "POST", requests, "{}", 400);
    row("request user_id string", "POST", requests, R"({"user_id":"12"})", 400);
    row("request user_id float", "POST", requests, R"({"user_id":1.5})", 400);
    row("request user_id zero", "POST", requests, R"({"user_id":0})", 400);
    row("request user_id negative", "POST", requests, R"({"user_id":-3})", 400);
    row("request user_id 2^53", "POST", requests, R"({"user_id":9007199254740992})", 400);
    row("request user_id null", "POST", requests, R"({"user_id":null})", 400);
    row("request user_id huge", "POST", requests, R"({"user_id":1e300})", 400);
    row("request unknown user", "POST", requests, R"({"user_id":987654321})", 404);
    row("request to oneself", "POST", requests, R"({"user_id":{me}})", 400);
    row("request to a friend", "POST", requests, R"({"user_id":{bob}})", 409);
    for (const char* action : {"accept", "decline"}) {
        for (const char* id : {"abc", "0", "-1", "1.5", "9007199254740992"})
            row(qPrintable(QString("%1 id %2").arg(action, id)), "POST",
                QString("%1/%2/%3").arg(requests, id, action), {}, 400);
        row(qPrintable(QString("%1 unknown").arg(action)), "POST",
            QString("%1/%2/%3").arg(requests, unknownId, action), {}, 404);
    }
    row("withdraw id abc", "DELETE", requests + "/abc", {}, 400);
    row("withdraw unknown", "DELETE", requests + "/" + unknownId, {}, 404);
    row("unfriend id abc", "DELETE", "/api/v1/friends/abc", {}, 400);
    row("unfriend unknown", "DELETE", "/api/v1/friends/" + unknownId, {}, 404);
    row("unfriend a stranger", "DELETE", "/api/v1/friends/{carol}", {}, anyClientError);
    row("block malformed", "POST", "/api/v1/blocks", "{", 400);
    row("block no user_id", "POST", "/api/v1/blocks", "{}", 400);
    row("block user_id string", "POST", "/api/v1/blocks", R"({"user_id":"x"})", 400);
    row("block unknown", "POST", "/api/v1/blocks", R"({"user_id":987654321})", 404);
    row("block oneself", "POST", "/api/v1/blocks", R"({"user_id":{me}})", anyClientError);
    row("unblock id abc", "DELETE", "/api/v1/blocks/abc", {}, 400);
    row("unblock not blocked", "DELETE", "/api/v1/blocks/{carol}", {}, anyClientError);

    row("chat id abc", "GET", "/api/v1/chats/abc", {}, 400);
    row("chat id zero", "GET", "/api/v1/chats/0", {}, 400);
    row("chat unknown", "GET", "/api/v1/chats/" + unknownId, {}, 404);
    row("chat of others", "GET", "/api/v1/chats/{other_chat}", {}, 404);

    const QString post = "/api/v1/chats/{chat}/messages";
    row("post malformed", "POST", post, "{\"client_id\":", 400);
    row("post array", "POST", post, "[1]", 400);
    row("post no client_id", "POST", post, R"({"text":"hi"})", 400);
    row("post client_id number", "POST", post, R"({"client_id":5,"text":"hi"})", 400);
    row("post client_id empty", "POST", post, R"({"client_id":"","text":"hi"})", 400);
    row("post client_id 65", "POST", post,
        R"({"client_id":")" + QByteArray(65, 'c') + R"(","text":"hi"})", 400);
    row("post no text no media", "POST", post, messageBody(R"("reply_to":null)"), 400);
    row("post empty text", "POST", post, messageBody(R"("text":"")"), 400);
    row("post text number", "POST", post, messageBody(R"("text":5)"), 400);
    row("post text object", "POST", post, messageBody(R"("text":{})"), 400);
    row("post lone surrogate", "POST", post, messageBody(R"("text":"\ud800")"), 400);
    row("post 4001 code points", "POST", post,
        messageBody("\"text\":\"" + QByteArray(4001, 'x') + "\""), 413);
    row("post 4001 astral code points", "POST", post,
        messageBody("\"text\":\"" + QString("😀").repeated(4001).toUtf8() + "\""), 413);
    row("post 11 media", "POST", post, messageBody("\"text\":\"a\",\"media\":" + mediaIds(11)),
        400);
    row("post media not array", "POST", post, messageBody(R"("text":"a","media":"abc")"), 400);
    row("post media of numbers", "POST", post, messageBody(R"("text":"a","media":[5])"), 400);
    row("post media bad id", "POST", post, messageBody(R"("text":"a","media":["nothex"])"), 400);
    row("post unknown media", "POST", post, messageBody("\"media\":" + mediaIds(1)), 404);
    row("post reply_to string", "POST", post, messageBody(R"("text":"a","reply_to":"x")"), 400);
    row("post reply_to other chat", "POST", post,
        messageBody(R"("text":"a","reply_to":{other_msg})"), anyClientError);
    row("post chat abc", "POST", "/api/v1/chats/abc/messages", messageBody(R"("text":"a")"), 400);
    row("post chat unknown", "POST", "/api/v1/chats/" + unknownId + "/messages",
        messageBody(R"("text":"a")"), 404);
    row("post chat of others", "POST", "/api/v1/chats/{other_chat}/messages",
        messageBody(R"("text":"a")"), 404);

    const QString history = "/api/v1/chats/{chat}/messages";
    row("history before abc", "GET", history + "?before=abc", {}, 400);
    row("history limit abc", "GET", history + "?limit=abc", {}, 400);
    row("history limit 0", "GET", history + "?limit=0", {}, anyClientError);
    row("history limit 101", "GET", history + "?limit=101", {}, anyClientError);
    row("history limit negative", "GET", history + "?limit=-5", {}, anyClientError);
    row("history limit huge", "GET", history + "?limit=99999999999999999999", {}, anyClientError);
    row("history chat of others", "GET", "/api/v1/chats/{other_chat}/messages", {}, 404);
    row("history chat unknown", "GET", "/api/v1/chats/" + unknownId + "/messages", {}, 404);
    row("events after abc", "GET", "/api/v1/chats/{chat}/events?after=abc", {}, 400);
    row("events limit abc", "GET", "/api/v1/chats/{chat}/events?after=0&limit=abc", {}, 400);
    row("events limit 501", "GET", "/api/v1/chats/{chat}/events?after=0&limit=501", {},
        anyClientError);
    row("events no after", "GET", "/api/v1/chats/{chat}/events", {}, anyClientError);
    row("events chat of others", "GET", "/api/v1/chats/{other_chat}/events?after=0", {}, 404);

    row("edit id abc", "PATCH", "/api/v1/messages/abc", R"({"text":"x"})", 400);
    row("edit unknown", "PATCH", "/api/v1/messages/" + unknownId, R"({"text":"x"})", 404);
    row("edit others' chat", "PATCH", "/api/v1/messages/{other_msg}", R"({"text":"x"})", 404);
    row("edit malformed", "PATCH", "/api/v1/messages/{msg}", "{", 400);
    row("edit no text", "PATCH", "/api/v1/messages/{msg}", "{}", 400);
    row("edit text number", "PATCH", "/api/v1/messages/{msg}", R"({"text":7})", 400);
    row("edit 4001", "PATCH", "/api/v1/messages/{msg}",
        "{\"text\":\"" + QByteArray(4001, 'y') + "\"}", 413);
    row("delete id abc", "DELETE", "/api/v1/messages/abc", {}, 400);
    row("delete unknown", "DELETE", "/api/v1/messages/" + unknownId, {}, 404);
    row("delete others' chat", "DELETE", "/api/v1/messages/{other_msg}", {}, 404);
    row("react id abc", "PUT", "/api/v1/messages/abc/reactions/%F0%9F%91%8D", {}, 400);
    row("react unknown", "PUT", "/api/v1/messages/" + unknownId + "/reactions/%F0%9F%91%8D", {},
        404);
    row("react others' chat", "PUT", "/api/v1/messages/{other_msg}/reactions/%F0%9F%91%8D", {},
        404);
    row("react long emoji", "PUT", "/api/v1/messages/{msg}/reactions/" + QString(200, 'z'), {},
        anyClientError);
    row("react bad utf-8", "PUT", "/api/v1/messages/{msg}/reactions/%FF%FE", {}, anyClientError);
    row("unreact unknown", "DELETE", "/api/v1/messages/" + unknownId + "/reactions/%F0%9F%91%8D",
        {}, 404);

    row("pin id abc", "PUT", "/api/v1/chats/{chat}/pins/abc", {}, 400);
    row("pin unknown message", "PUT", "/api/v1/chats/{chat}/pins/" + unknownId, {}, 404);
    row("pin message of another chat", "PUT", "/api/v1/chats/{chat}/pins/{other_msg}", {}, 404);
    row("pin in others' chat", "PUT", "/api/v1/chats/{other_chat}/pins/{other_msg}", {}, 404);
    row("unpin in others' chat", "DELETE", "/api/v1/chats/{other_chat}/pins/{other_msg}", {}, 404);
    row("pins chat abc", "GET", "/api/v1/chats/abc/pins", {}, 400);
    row("pins of others' chat", "GET", "/api/v1/chats/{other_chat}/pins", {}, 404);

    const QString read = "/api/v1/chats/{chat}/read";
    row("read malformed", "POST", read, "{", 400);
    row("read no seq", "POST", read, "{}", 400);
    row("read seq string", "POST", read, R"({"seq":"3"})", 400);
    row("read seq negative", "POST", read, R"({"seq":-1})", 400);
    row("read seq float", "POST", read, R"({"seq":1.5})", 400);
    row("read seq past the end", "POST", read, R"({"seq":987654321})", anyClientError);
    row("read others' chat", "POST", "/api/v1/chats/{other_chat}/read", R"({"seq":1})", 404);

    const QString search = "/api/v1/chats/{chat}/search";
    row("search no q", "GET", search, {}, anyClientError);
    row("search empty q", "GET", search + "?q=", {}, anyClientError);
    row("search quote", "GET", search + "?q=%22", {}, anyClientError);
    row("search star", "GET", search + "?q=*", {}, anyClientError);
    row("search fts syntax", "GET", search + "?q=a%20OR%20NEAR(b%2C%20c)%20-d%20e:f", {},
        anyClientError);
    row("search caret and parens", "GET", search + "?q=%5Ea)%20(", {}, anyClientError);
    row("search long q", "GET", search + "?q=" + QString(3000, 'q'), {}, anyClientError);
    row("search others' chat", "GET", "/api/v1/chats/{other_chat}/search?q=carol", {}, 404);
}

void TestServerSweep3::badRequestsGetClientErrors() {
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(int, expected);
    const HttpResult result = m_http->request(verb, expand(path), expand(body), m_alice.token);
    QVERIFY2(result.status != 0, result.describe().constData());
    QVERIFY2(result.status < 500, result.describe().constData());
    if (expected != anyClientError)
        QVERIFY2(result.status == expected, result.describe().constData());
    if (result.status >= 400)
        QVERIFY2(result.hasErrorBody(), result.describe().constData());
}

void TestServerSweep3::everyRouteNeedsToken_data() {
    QTest::addColumn<QByteArray>("verb");
    QTest::addColumn<QString>("path");
    const QList<QPair<QByteArray, QString>> routes = {
        {"POST", "/api/v1/friends/requests"},
        {"GET", "/api/v1/friends/requests"},
        {"POST", "/api/v1/friends/requests/1/accept"},
        {"POST", "/api/v1/friends/requests/1/decline"},
        {"DELETE", "/api/v1/friends/requests/1"},
        {"GET", "/api/v1/friends"},
        {"DELETE", "/api/v1/friends/{bob}"},
        {"POST", "/api/v1/blocks"},
        {"DELETE", "/api/v1/blocks/{bob}"},
        {"GET", "/api/v1/blocks"},
        {"GET", "/api/v1/chats"},
        {"GET", "/api/v1/chats/{chat}"},
        {"POST", "/api/v1/chats/{chat}/messages"},
        {"GET", "/api/v1/chats/{chat}/messages"},
        {"GET", "/api/v1/chats/{chat}/events?after=0"},
        {"PATCH", "/api/v1/messages/{msg}"},
        {"DELETE", "/api/v1/messages/{msg}"},
        {"PUT", "/api/v1/messages/{msg}/reactions/x"},
        {"DELETE", "/api/v1/messages/{msg}/reactions/x"},
        {"PUT", "/api/v1/chats/{chat}/pins/{msg}"},
        {"DELETE", "/api/v1/chats/{chat}/pins/{msg}"},
        {"GET", "/api/v1/chats/{chat}/pins"},
        {"POST", "/api/v1/chats/{chat}/read"},
        {"GET", "/api/v1/chats/{chat}/search?q=a"},
    };
    for (const auto& [verb, path] : routes)
        QTest::newRow(qPrintable(verb + " " + path)) << verb << path;
}

void TestServerSweep3::everyRouteNeedsToken() {
    QFETCH(QByteArray, verb);
    QFETCH(QString, path);
    const QByteArray body = (verb == "POST" || verb == "PATCH") ? "{}" : "";
    const HttpResult result = m_http->request(verb, expand(path), body);
    QVERIFY2(result.status == 401, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
}

void TestServerSweep3::badSocketFramesGetErrors_data() {
    QTest::addColumn<QByteArray>("frame");
    QTest::addColumn<QString>("code");
    const auto send = [](const QByteArray& fields) { return "{\"op\":\"send\"," + fields + "}"; };
    QTest::newRow("send no chat_id") << send(R"("client_id":"s1","text":"a")") << "bad_request";
    QTest::newRow("send chat_id string")
        << send(R"("chat_id":"x","client_id":"s2","text":"a")") << "bad_request";
    QTest::newRow("send chat_id zero")
        << send(R"("chat_id":0,"client_id":"s3","text":"a")") << "bad_request";
    QTest::newRow("send no client_id") << send(R"("chat_id":{chat},"text":"a")") << "bad_request";
    QTest::newRow("send nothing to say")
        << send(R"("chat_id":{chat},"client_id":"s4")") << "bad_request";
    QTest::newRow("send text number")
        << send(R"("chat_id":{chat},"client_id":"s5","text":1)") << "bad_request";
    QTest::newRow("send 4001 code points")
        << send(R"("chat_id":{chat},"client_id":"s6","text":")" + QByteArray(4001, 'w') + "\"")
        << "payload_too_large";
    QTest::newRow("send 11 media")
        << send(R"("chat_id":{chat},"client_id":"s7","media":)" + mediaIds(11)) << "bad_request";
    QTest::newRow("send unknown chat")
        << send(R"("chat_id":987654321,"client_id":"s8","text":"a")") << "not_found";
    QTest::newRow("send others' chat")
        << send(R"("chat_id":{other_chat},"client_id":"s9","text":"a")") << "not_found";
    QTest::newRow("typing chat_id string")
        << QByteArray(R"({"op":"typing","chat_id":"x"})") << "bad_request";
    QTest::newRow("typing no chat_id") << QByteArray(R"({"op":"typing"})") << "bad_request";
    QTest::newRow("read seq string")
        << QByteArray(R"({"op":"read","chat_id":{chat},"seq":"x"})") << "bad_request";
    QTest::newRow("read no seq") << QByteArray(R"({"op":"read","chat_id":{chat}})")
                                 << "bad_request";
    QTest::newRow("typing others' chat")
        << QByteArray(R"({"op":"typing","chat_id":{other_chat}})") << QString();
    QTest::newRow("read others' chat")
        << QByteArray(R"({"op":"read","chat_id":{other_chat},"seq":1})") << QString();
}

void TestServerSweep3::badSocketFramesGetErrors() {
    QFETCH(QByteArray, frame);
    QFETCH(QString, code);
    WsClient ws(*m_server);
    QVERIFY2(ws.connectAs(m_server->wsUrl(), m_alice.token), qPrintable(ws.errorString()));
    QVERIFY(ws.sendText(expand(frame)));
    ws.sendJson({{"op", "ping"}, {"nonce", "after"}});
    QList<QJsonObject> answers;
    for (QJsonObject answer = ws.waitForFrame(); !answer.isEmpty(); answer = ws.waitForFrame()) {
        if (answer["op"].toString() == "pong")
            break;
        answers.append(answer);
    }
    QVERIFY2(ws.isOpen(), qPrintable(QString("closed with %1").arg(ws.closeCode())));
    QJsonObject error;
    for (const QJsonObject& answer : answers) {
        if (answer["op"].toString() == "error")
            error = answer;
        QVERIFY2(answer["op"].toString() != "ack", "a bad send was acknowledged");
    }
    if (!code.isEmpty()) {
        QVERIFY2(!error.isEmpty(), "no error frame");
        QCOMPARE(error["code"].toString(), code);
    }
    const QJsonObject sent = QJsonDocument::fromJson(expand(frame)).object();
    if (!error.isEmpty() && sent.contains("client_id"))
        QCOMPARE(error["client_id"].toString(), sent["client_id"].toString());
}

void TestServerSweep3::serverStillServes() {
    QVERIFY(m_server->isRunning());
    const HttpResult health = m_http->get("/healthz");
    QVERIFY2(health.status == 200, health.describe().constData());
    const HttpResult history = m_api->history(m_bob, m_chatId, 0, 100);
    QVERIFY2(history.status == 200, history.describe().constData());
    QCOMPARE(history.json["messages"][0]["id"].toInteger(), m_messageId);
    for (const QJsonValue& message : history.json["messages"].toArray())
        QVERIFY2(message["text"].toString().toUcs4().size() <= 4000 &&
                     !message["media"].toArray().size(),
                 "a refused message was stored");
    QCOMPARE(m_api->postMessage(m_bob, m_chatId, "all is well").status, 201);
}

QTEST_GUILESS_MAIN(TestServerSweep3)
#include "tst_server_sweep3.moc"
