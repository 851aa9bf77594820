// "Messages and the chat event log" in a direct chat end to end: sends over REST and WebSocket
// delivered live to every socket of both friends, idempotent client ids, gapless seq, history
// paging, events?after, edits, tombstones, reactions, pins and search.
#include <QJsonArray>
#include <QtTest>

#include "tests/server/chat_server_fixture.h"
#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/protocol_shapes.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

QList<qint64> seqsOf(const QJsonArray& items) {
    QList<qint64> seqs;
    for (const QJsonValue& item : items)
        seqs.append(item["seq"].toInteger());
    return seqs;
}

QList<qint64> range(qint64 from, qint64 to) {
    QList<qint64> values;
    for (qint64 value = from; value <= to; ++value)
        values.append(value);
    return values;
}

int countEvents(const QList<QJsonObject>& frames, qint64 chatId, const QString& type) {
    int count = 0;
    for (const QJsonObject& frame : frames) {
        if (frame["op"].toString() == "event" && frame["event"]["chat_id"].toInteger() == chatId &&
            frame["event"]["type"].toString() == type)
            ++count;
    }
    return count;
}

}  // namespace

class TestServerMessages : public QObject, protected test::ChatServerFixture {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void restSendReachesEverySocketOfBoth();
    void websocketSendIsAckedAndRelayed();
    void sameClientIdStoresOnce();
    void seqIsGaplessFromOne();
    void historyPagesBackwards();
    void eventsAfterReturnsTheRestAscending();
    void editIsOwnOnly();
    void deleteLeavesTombstone();
    void reactionsAreIdempotent();
    void pinsListPinnedMessages();
    void replyCarriesQuotedId();
    void searchMatchesEveryWordPrefix();

private:
    // The message of a 201 POST, or an empty object (with a warning).
    QJsonObject post(const TestUser& user, qint64 chatId, const QString& text);
};

void TestServerMessages::initTestCase() {
    QVERIFY2(startServer(), m_server->errors().constData());
}

void TestServerMessages::cleanupTestCase() {
    stopServer();
}

QJsonObject TestServerMessages::post(const TestUser& user, qint64 chatId, const QString& text) {
    const HttpResult result = m_api->postMessage(user, chatId, text);
    if (result.status != 201) {
        qWarning("post \"%s\": %s", qPrintable(text), result.describe().constData());
        return {};
    }
    return result.json.toObject();
}

void TestServerMessages::restSendReachesEverySocketOfBoth() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    const TestUser aliceLaptop = loginUser(*m_http, pair.alice.username);
    QVERIFY(aliceLaptop.ok());
    auto alicePhone = live(pair.alice);
    auto aliceDesk = live(aliceLaptop);
    auto bobWs = live(pair.bob);

    const HttpResult sent = m_api->postMessage(pair.alice, pair.chatId, "Hello Bob 👋", "rest-1");
    QVERIFY2(sent.status == 201, sent.describe().constData());
    const QJsonObject message = sent.json.toObject();
    QVERIFY2(messageShapeProblem(message).isEmpty(), qPrintable(messageShapeProblem(message)));
    QCOMPARE(message["chat_id"].toInteger(), pair.chatId);
    QCOMPARE(message["sender"].toInteger(), pair.alice.userId);
    QCOMPARE(message["client_id"].toString(), QStringLiteral("rest-1"));
    QCOMPARE(message["text"].toString(), QStringLiteral("Hello Bob 👋"));
    QCOMPARE(message["seq"].toInteger(), 1);
    QVERIFY(!message["deleted"].toBool());
    QVERIFY(message["edited_ts"].isNull());
    QVERIFY(message["reply_to"].isNull());

    for (WsClient* socket : {alicePhone.get(), aliceDesk.get(), bobWs.get()}) {
        const QJsonObject frame = socket->waitForEvent(pair.chatId, "message.created");
        QVERIFY2(!frame.isEmpty(), "a socket of the chat got no message.created");
        const QJsonObject event = frame["event"].toObject();
        QVERIFY2(eventShapeProblem(event).isEmpty(), qPrintable(eventShapeProblem(event)));
        QCOMPARE(event["seq"].toInteger(), 1);
        QCOMPARE(event["actor"].toInteger(), pair.alice.userId);
        QCOMPARE(event["data"]["message"].toObject(), message);
    }

    const QJsonObject bobChat = m_api->chatInList(pair.bob, pair.chatId);
    QCOMPARE(bobChat["last_seq"].toInteger(), 1);
    QCOMPARE(bobChat["unread"].toInt(), 1);
    QCOMPARE(bobChat["last_message"]["id"].toInteger(), message["id"].toInteger());
    const QJsonObject aliceChat = m_api->chatInList(pair.alice, pair.chatId);
    QCOMPARE(aliceChat["read_seq"].toInteger(), 1);
    QCOMPARE(aliceChat["unread"].toInt(), 0);
}

void TestServerMessages::websocketSendIsAckedAndRelayed() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto aliceWs = live(pair.alice);
    auto bobWs = live(pair.bob);
    bobWs->sendJson({{"op", "send"},
                     {"chat_id", pair.chatId},
                     {"client_id", "ws-1"},
                     {"text", "hi from the socket"}});
    const QJsonObject ack = bobWs->waitForMatch(
        [](const QJsonObject& frame) { return frame["op"].toString() == "ack"; });
    QVERIFY2(!ack.isEmpty(), bobWs->lastText().constData());
    QCOMPARE(ack["client_id"].toString(), QStringLiteral("ws-1"));
    const QJsonObject message = ack["message"].toObject();
    QVERIFY2(messageShapeProblem(message).isEmpty(), qPrintable(messageShapeProblem(message)));
    QCOMPARE(message["sender"].toInteger(), pair.bob.userId);
    QCOMPARE(message["text"].toString(), QStringLiteral("hi from the socket"));

    for (WsClient* socket : {bobWs.get(), aliceWs.get()}) {
        const QJsonObject frame = socket->waitForEvent(pair.chatId, "message.created");
        QCOMPARE(frame["event"]["data"]["message"].toObject(), message);
    }
    const HttpResult history = m_api->history(pair.alice, pair.chatId);
    QCOMPARE(history.json["messages"].toArray().size(), 1);
    QCOMPARE(history.json["messages"][0].toObject(), message);
}

void TestServerMessages::sameClientIdStoresOnce() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto bobWs = live(pair.bob);
    auto aliceWs = live(pair.alice);
    const HttpResult first = m_api->postMessage(pair.alice, pair.chatId, "only once", "dup-id");
    QVERIFY2(first.status == 201, first.describe().constData());
    const HttpResult second = m_api->postMessage(pair.alice, pair.chatId, "only once", "dup-id");
    QVERIFY2(second.status == 200, second.describe().constData());
    QCOMPARE(second.json.toObject(), first.json.toObject());

    aliceWs->sendJson(
        {{"op", "send"}, {"chat_id", pair.chatId}, {"client_id", "dup-id"}, {"text", "only once"}});
    const QJsonObject ack = aliceWs->waitForMatch(
        [](const QJsonObject& frame) { return frame["op"].toString() == "ack"; });
    QCOMPARE(ack["message"].toObject(), first.json.toObject());

    QCOMPARE(countEvents(bobWs->collect(1000), pair.chatId, "message.created"), 1);
    QCOMPARE(m_api->history(pair.bob, pair.chatId).json["messages"].toArray().size(), 1);

    const HttpResult bobsOwn = m_api->postMessage(pair.bob, pair.chatId, "mine", "dup-id");
    QVERIFY2(bobsOwn.status == 201, "a client_id is unique per user, not per chat");
    QVERIFY(bobsOwn.json["id"].toInteger() != first.json["id"].toInteger());
}

void TestServerMessages::seqIsGaplessFromOne() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto aliceWs = live(pair.alice);
    for (int i = 0; i < 10; ++i) {
        QVERIFY(!post(i % 2 ? pair.alice : pair.bob, pair.chatId, QString("m%1").arg(i)).isEmpty());
        aliceWs->sendJson({{"op", "send"},
                           {"chat_id", pair.chatId},
                           {"client_id", QString("ws-%1").arg(i)},
                           {"text", QString("w%1").arg(i)}});
    }
    QList<qint64> liveSeqs;
    for (int i = 0; i < 20; ++i) {
        const QJsonObject frame = aliceWs->waitForEvent(pair.chatId, "message.created");
        QVERIFY2(!frame.isEmpty(), qPrintable(QString("only %1 events of 20").arg(i)));
        liveSeqs.append(frame["event"]["seq"].toInteger());
    }
    QCOMPARE(liveSeqs, range(1, 20));
    const HttpResult history = m_api->history(pair.bob, pair.chatId, 0, 100);
    QCOMPARE(seqsOf(history.json["messages"].toArray()), range(1, 20));
}

void TestServerMessages::historyPagesBackwards() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    for (int i = 1; i <= 60; ++i)
        QVERIFY(!post(pair.alice, pair.chatId, QString("page %1").arg(i)).isEmpty());

    const HttpResult latest = m_api->history(pair.bob, pair.chatId);
    QVERIFY2(latest.status == 200, latest.describe().constData());
    QCOMPARE(seqsOf(latest.json["messages"].toArray()), range(11, 60));
    QCOMPARE(latest.json["has_more"].toBool(), true);

    const HttpResult page = m_api->history(pair.bob, pair.chatId, 0, 25);
    QCOMPARE(seqsOf(page.json["messages"].toArray()), range(36, 60));
    QVERIFY(page.json["has_more"].toBool());
    const HttpResult older = m_api->history(pair.bob, pair.chatId, 36, 25);
    QCOMPARE(seqsOf(older.json["messages"].toArray()), range(11, 35));
    QVERIFY(older.json["has_more"].toBool());
    const HttpResult oldest = m_api->history(pair.bob, pair.chatId, 11, 25);
    QCOMPARE(seqsOf(oldest.json["messages"].toArray()), range(1, 10));
    QCOMPARE(oldest.json["has_more"].toBool(), false);
    const HttpResult exact = m_api->history(pair.bob, pair.chatId, 11, 10);
    QCOMPARE(seqsOf(exact.json["messages"].toArray()), range(1, 10));
    QCOMPARE(exact.json["has_more"].toBool(), false);
    const HttpResult none = m_api->history(pair.bob, pair.chatId, 1, 10);
    QVERIFY(none.json["messages"].toArray().isEmpty());
    QCOMPARE(none.json["has_more"].toBool(), false);
    const HttpResult all = m_api->history(pair.bob, pair.chatId, 0, 100);
    QCOMPARE(seqsOf(all.json["messages"].toArray()), range(1, 60));
    QCOMPARE(all.json["messages"][0]["text"].toString(), QStringLiteral("page 1"));
}

void TestServerMessages::eventsAfterReturnsTheRestAscending() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    QJsonObject last;
    for (int i = 1; i <= 6; ++i)
        last = post(i % 2 ? pair.alice : pair.bob, pair.chatId, QString("event %1").arg(i));
    QVERIFY(!last.isEmpty());
    QCOMPARE(m_api->editMessage(pair.bob, last["id"].toInteger(), "event 6, edited").status, 200);

    const HttpResult all = m_api->events(pair.alice, pair.chatId, 0);
    QVERIFY2(all.status == 200, all.describe().constData());
    const QJsonArray events = all.json["events"].toArray();
    QCOMPARE(seqsOf(events), range(1, 7));
    QCOMPARE(all.json["last_seq"].toInteger(), 7);
    for (const QJsonValue& event : events)
        QVERIFY2(eventShapeProblem(event.toObject()).isEmpty(),
                 qPrintable(eventShapeProblem(event.toObject())));
    QCOMPARE(events[0]["type"].toString(), QStringLiteral("message.created"));
    QCOMPARE(events[0]["data"]["message"]["text"].toString(), QStringLiteral("event 1"));
    QCOMPARE(events[6]["type"].toString(), QStringLiteral("message.edited"));
    QCOMPARE(events[6]["actor"].toInteger(), pair.bob.userId);

    const HttpResult tail = m_api->events(pair.bob, pair.chatId, 4);
    QCOMPARE(seqsOf(tail.json["events"].toArray()), range(5, 7));
    QCOMPARE(tail.json["last_seq"].toInteger(), 7);
    const HttpResult limited = m_api->events(pair.bob, pair.chatId, 2, 3);
    QCOMPARE(seqsOf(limited.json["events"].toArray()), range(3, 5));
    QCOMPARE(limited.json["last_seq"].toInteger(), 7);
    const HttpResult nothing = m_api->events(pair.bob, pair.chatId, 7);
    QVERIFY(nothing.json["events"].toArray().isEmpty());
    QCOMPARE(nothing.json["last_seq"].toInteger(), 7);
}

void TestServerMessages::editIsOwnOnly() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto bobWs = live(pair.bob);
    const QJsonObject message = post(pair.alice, pair.chatId, "tpyo");
    QVERIFY(!message.isEmpty());
    const qint64 id = message["id"].toInteger();

    const HttpResult notMine = m_api->editMessage(pair.bob, id, "hijacked");
    QVERIFY2(notMine.status == 403, notMine.describe().constData());
    QCOMPARE(notMine.errorCode(), QStringLiteral("forbidden"));

    const HttpResult edited = m_api->editMessage(pair.alice, id, "typo");
    QVERIFY2(edited.status == 200, edited.describe().constData());
    QVERIFY(messageShapeProblem(edited.json.toObject()).isEmpty());
    QCOMPARE(edited.json["text"].toString(), QStringLiteral("typo"));
    QCOMPARE(edited.json["id"].toInteger(), id);
    QCOMPARE(edited.json["seq"].toInteger(), message["seq"].toInteger());
    QVERIFY(edited.json["edited_ts"].toInteger() >= message["ts"].toInteger());

    const QJsonObject frame = bobWs->waitForEvent(pair.chatId, "message.edited");
    QVERIFY2(!frame.isEmpty(), "no live message.edited");
    QCOMPARE(frame["event"]["seq"].toInteger(), 2);
    QCOMPARE(frame["event"]["data"]["message"]["text"].toString(), QStringLiteral("typo"));

    const HttpResult tooLong = m_api->editMessage(pair.alice, id, QString("x").repeated(4001));
    QVERIFY2(tooLong.status == 413, tooLong.describe().constData());
    QCOMPARE(tooLong.errorCode(), QStringLiteral("payload_too_large"));
    const HttpResult longest = m_api->editMessage(pair.alice, id, QString("😀").repeated(4000));
    QVERIFY2(longest.status == 200, longest.describe().constData());
    const HttpResult history = m_api->history(pair.bob, pair.chatId);
    QCOMPARE(history.json["messages"].toArray().size(), 1);
    QCOMPARE(history.json["messages"][0]["text"].toString(), QString("😀").repeated(4000));
}

void TestServerMessages::deleteLeavesTombstone() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto bobWs = live(pair.bob);
    const QJsonObject message = post(pair.alice, pair.chatId, "regrettable");
    QVERIFY(!message.isEmpty());
    const qint64 id = message["id"].toInteger();
    QCOMPARE(m_api->chatInList(pair.bob, pair.chatId)["unread"].toInt(), 1);

    const HttpResult notMine = m_api->deleteMessage(pair.bob, id);
    QVERIFY2(notMine.status == 403, notMine.describe().constData());
    const HttpResult deleted = m_api->deleteMessage(pair.alice, id);
    QVERIFY2(deleted.status == 204, deleted.describe().constData());

    const QJsonObject frame = bobWs->waitForEvent(pair.chatId, "message.deleted");
    QVERIFY2(!frame.isEmpty(), "no live message.deleted");
    QCOMPARE(frame["event"]["data"]["message_id"].toInteger(), id);

    const QJsonObject tombstone =
        m_api->history(pair.bob, pair.chatId).json["messages"][0].toObject();
    QVERIFY2(messageShapeProblem(tombstone).isEmpty(), qPrintable(messageShapeProblem(tombstone)));
    QCOMPARE(tombstone["id"].toInteger(), id);
    QCOMPARE(tombstone["deleted"].toBool(), true);
    QCOMPARE(tombstone["text"].toString(), QString());
    QVERIFY(tombstone["media"].toArray().isEmpty());
    QCOMPARE(m_api->chatInList(pair.bob, pair.chatId)["unread"].toInt(), 0);
    const HttpResult edit = m_api->editMessage(pair.alice, id, "back from the dead");
    QVERIFY2(edit.status >= 400 && edit.status < 500, edit.describe().constData());
    QVERIFY(m_api->search(pair.bob, pair.chatId, "regrettable").json.toArray().isEmpty());
}

void TestServerMessages::reactionsAreIdempotent() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto aliceWs = live(pair.alice);
    const QJsonObject message = post(pair.alice, pair.chatId, "react to me");
    QVERIFY(!message.isEmpty());
    const qint64 id = message["id"].toInteger();
    aliceWs->waitForEvent(pair.chatId, "message.created");

    for (int i = 0; i < 2; ++i) {
        const HttpResult put = m_api->react(pair.bob, id, "👍");
        QVERIFY2(put.status == 204, put.describe().constData());
    }
    QCOMPARE(m_api->react(pair.alice, id, "👍").status, 204);
    QCOMPARE(m_api->react(pair.alice, id, "❤️").status, 204);
    const QList<QJsonObject> frames = aliceWs->collect(800);
    QCOMPARE(countEvents(frames, pair.chatId, "reaction.changed"), 3);
    const QJsonObject first = frames.first()["event"].toObject();
    QCOMPARE(first["type"].toString(), QStringLiteral("reaction.changed"));
    QCOMPARE(first["data"]["message_id"].toInteger(), id);
    QCOMPARE(first["data"]["emoji"].toString(), QStringLiteral("👍"));
    QCOMPARE(first["data"]["user_id"].toInteger(), pair.bob.userId);
    QCOMPARE(first["data"]["added"].toBool(), true);

    QJsonObject reactions =
        m_api->history(pair.alice, pair.chatId).json["messages"][0]["reactions"].toObject();
    QCOMPARE(reactions.size(), 2);
    QCOMPARE(reactions["👍"].toArray().size(), 2);
    QCOMPARE(reactions["❤️"].toArray(), QJsonArray{pair.alice.userId});

    QCOMPARE(m_api->unreact(pair.bob, id, "👍").status, 204);
    const QJsonObject removed = aliceWs->waitForEvent(pair.chatId, "reaction.changed");
    QCOMPARE(removed["event"]["data"]["added"].toBool(), false);
    QCOMPARE(removed["event"]["data"]["user_id"].toInteger(), pair.bob.userId);
    reactions = m_api->history(pair.bob, pair.chatId).json["messages"][0]["reactions"].toObject();
    QCOMPARE(reactions["👍"].toArray(), QJsonArray{pair.alice.userId});
    QCOMPARE(m_api->unreact(pair.alice, id, "❤️").status, 204);
    reactions = m_api->history(pair.bob, pair.chatId).json["messages"][0]["reactions"].toObject();
    QVERIFY2(!reactions.contains("❤️"), "an emoji nobody reacts with is still listed");
}

void TestServerMessages::pinsListPinnedMessages() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    auto aliceWs = live(pair.alice);
    const QJsonObject first = post(pair.alice, pair.chatId, "pin me");
    const QJsonObject second = post(pair.bob, pair.chatId, "and me");
    QVERIFY(!first.isEmpty() && !second.isEmpty());

    QCOMPARE(m_api->pin(pair.bob, pair.chatId, first["id"].toInteger()).status, 204);
    const QJsonObject pinned = aliceWs->waitForEvent(pair.chatId, "pin.changed");
    QVERIFY2(!pinned.isEmpty(), "no live pin.changed");
    QCOMPARE(pinned["event"]["data"]["message_id"].toInteger(), first["id"].toInteger());
    QCOMPARE(pinned["event"]["data"]["pinned"].toBool(), true);
    QCOMPARE(m_api->pin(pair.alice, pair.chatId, second["id"].toInteger()).status, 204);

    const HttpResult pins = m_api->pins(pair.alice, pair.chatId);
    QVERIFY2(pins.status == 200, pins.describe().constData());
    QCOMPARE(pins.json.toArray().size(), 2);
    for (const QJsonValue& message : pins.json.toArray())
        QVERIFY(messageShapeProblem(message.toObject()).isEmpty());

    QCOMPARE(m_api->unpin(pair.alice, pair.chatId, first["id"].toInteger()).status, 204);
    const QJsonObject unpinned = aliceWs->waitForMatch([&](const QJsonObject& frame) {
        return frame["event"]["type"].toString() == "pin.changed" &&
               !frame["event"]["data"]["pinned"].toBool();
    });
    QCOMPARE(unpinned["event"]["data"]["message_id"].toInteger(), first["id"].toInteger());
    const QJsonArray left = m_api->pins(pair.bob, pair.chatId).json.toArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left[0]["id"].toInteger(), second["id"].toInteger());
    QCOMPARE(m_api->pin(pair.alice, pair.chatId, 987654321).status, 404);
}

void TestServerMessages::replyCarriesQuotedId() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    const QJsonObject original = post(pair.alice, pair.chatId, "question?");
    QVERIFY(!original.isEmpty());
    const HttpResult reply = m_http->post(QString("/api/v1/chats/%1/messages").arg(pair.chatId),
                                          ChatApi::body({{"client_id", "reply-1"},
                                                         {"text", "answer!"},
                                                         {"reply_to", original["id"].toInteger()}}),
                                          pair.bob.token);
    QVERIFY2(reply.status == 201, reply.describe().constData());
    QCOMPARE(reply.json["reply_to"].toInteger(), original["id"].toInteger());
    const HttpResult dangling = m_http->post(
        QString("/api/v1/chats/%1/messages").arg(pair.chatId),
        ChatApi::body({{"client_id", "reply-2"}, {"text", "to nothing"}, {"reply_to", 987654321}}),
        pair.bob.token);
    QVERIFY2(dangling.status == 400 || dangling.status == 404, dangling.describe().constData());
    QVERIFY(dangling.hasErrorBody());
}

void TestServerMessages::searchMatchesEveryWordPrefix() {
    const Pair pair = friends();
    QVERIFY(pair.chatId > 0);
    const QStringList texts = {"Hello World", "hello there", "world peace",
                               "Helsinki trip next week", "nothing relevant"};
    QList<qint64> ids;
    for (const QString& text : texts)
        ids.append(post(pair.alice, pair.chatId, text)["id"].toInteger());
    const auto found = [&](const QString& words) {
        const HttpResult result = m_api->search(pair.bob, pair.chatId, words);
        if (result.status != 200)
            qWarning("search %s: %s", qPrintable(words), result.describe().constData());
        QList<qint64> found;
        for (const QJsonValue& message : result.json.toArray())
            found.append(message["id"].toInteger());
        return found;
    };
    QCOMPARE(found("hel"), (QList<qint64>{ids[3], ids[1], ids[0]}));
    QCOMPARE(found("HELLO"), (QList<qint64>{ids[1], ids[0]}));
    QCOMPARE(found("wor hel"), (QList<qint64>{ids[0]}));
    QCOMPARE(found("World"), (QList<qint64>{ids[2], ids[0]}));
    QCOMPARE(found("orld"), QList<qint64>{});
    QCOMPARE(found("hello peace"), QList<qint64>{});
    QCOMPARE(found("zebra"), QList<qint64>{});

    const TestUser stranger = registerUser(*m_http, uniqueUsername("snoop"));
    const HttpResult snoop = m_api->search(stranger, pair.chatId, "hello");
    QVERIFY2(snoop.status == 404, snoop.describe().constData());
}

QTEST_GUILESS_MAIN(TestServerMessages)
#include "tst_server_messages.moc"
