// "Friends, blocks and direct chats" end to end: requests and their rules, the live friend.request,
// chat.added and friend.removed ops, unfriending and blocking as both users see them.
#include <QJsonArray>
#include <QtTest>

#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/protocol_shapes.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

std::function<bool(const QJsonObject&)> opIs(const QString& op) {
    return [op](const QJsonObject& frame) { return frame.value("op").toString() == op; };
}

QSet<qint64> idsOf(const QJsonArray& users) {
    QSet<qint64> ids;
    for (const QJsonValue& user : users)
        ids.insert(user["id"].toInteger());
    return ids;
}

QSet<qint64> requestIds(const HttpResult& lists, const char* which) {
    QSet<qint64> ids;
    for (const QJsonValue& request : lists.json[which].toArray())
        ids.insert(request["id"].toInteger());
    return ids;
}

}  // namespace

class TestServerFriends : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void requestAndAcceptReachBothLive();
    void friendsListNamesTheChat();
    void requestToOneselfIsBadRequest();
    void requestToUnknownUserIsNotFound();
    void duplicateRequestIsConflict();
    void reversePendingRequestIsAcceptedAtOnce();
    void onlyTheRecipientAcceptsOrDeclines();
    void senderWithdraws();
    void declineLetsTheSenderAskAgain();
    void unfriendKeepsHistoryAndRefusesSends();
    void refriendingReopensTheSameChat();
    void blockEndsFriendshipAndHidesBothWays();
    void blockEndsPendingRequest();
    void unblockRestoresNothing();

private:
    TestUser fresh(const QString& prefix);
    std::unique_ptr<WsClient> live(const TestUser& user);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<ChatApi> m_api;
};

void TestServerFriends::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<ChatApi>(*m_http);
}

void TestServerFriends::cleanupTestCase() {
    m_api.reset();
    m_http.reset();
    m_server.reset();
}

TestUser TestServerFriends::fresh(const QString& prefix) {
    TestUser user = registerUser(*m_http, uniqueUsername(prefix));
    if (!user.ok())
        qWarning("registration failed: %s", user.result.describe().constData());
    return user;
}

std::unique_ptr<WsClient> TestServerFriends::live(const TestUser& user) {
    auto socket = std::make_unique<WsClient>(*m_server);
    if (!socket->connectAs(m_server->wsUrl(), user.token))
        qWarning("socket for %s: %s", qPrintable(user.username), qPrintable(socket->errorString()));
    return socket;
}

void TestServerFriends::requestAndAcceptReachBothLive() {
    const TestUser alice = fresh("alice");
    const TestUser bob = fresh("bob");
    QVERIFY(alice.ok() && bob.ok());
    auto aliceWs = live(alice);
    auto bobWs = live(bob);
    QVERIFY(aliceWs->isOpen() && bobWs->isOpen());

    const HttpResult sent = m_api->requestFriend(alice, bob.userId);
    QVERIFY2(sent.status == 201, sent.describe().constData());
    const QJsonObject request = sent.json.toObject();
    QVERIFY2(friendRequestShapeProblem(request).isEmpty(),
             qPrintable(friendRequestShapeProblem(request)));
    QCOMPARE(request["from"]["id"].toInteger(), alice.userId);
    QCOMPARE(request["to"]["id"].toInteger(), bob.userId);
    const qint64 requestId = request["id"].toInteger();

    const QJsonObject pushed = bobWs->waitForMatch(opIs("friend.request"));
    QVERIFY2(!pushed.isEmpty(), "bob's socket got no friend.request");
    QCOMPARE(pushed["request"]["id"].toInteger(), requestId);
    QCOMPARE(pushed["request"]["from"]["id"].toInteger(), alice.userId);

    const HttpResult bobLists = m_api->friendRequests(bob);
    QVERIFY2(bobLists.status == 200, bobLists.describe().constData());
    QVERIFY(requestIds(bobLists, "incoming").contains(requestId));
    QVERIFY(!requestIds(bobLists, "outgoing").contains(requestId));
    const HttpResult aliceLists = m_api->friendRequests(alice);
    QVERIFY(requestIds(aliceLists, "outgoing").contains(requestId));
    QVERIFY(!requestIds(aliceLists, "incoming").contains(requestId));

    const HttpResult accepted = m_api->acceptRequest(bob, requestId);
    QVERIFY2(accepted.status == 200, accepted.describe().constData());
    const QJsonObject chat = accepted.json["chat"].toObject();
    QVERIFY2(chatShapeProblem(chat).isEmpty(), qPrintable(chatShapeProblem(chat)));
    QCOMPARE(chat["kind"].toString(), QStringLiteral("direct"));
    QCOMPARE(chat["peer"]["id"].toInteger(), alice.userId);
    QCOMPARE(chat["member_count"].toInt(), 2);
    const qint64 chatId = chat["id"].toInteger();

    for (const auto& [socket, peer] :
         {std::pair{aliceWs.get(), bob.userId}, std::pair{bobWs.get(), alice.userId}}) {
        const QJsonObject added = socket->waitForMatch(opIs("chat.added"));
        QVERIFY2(!added.isEmpty(), "a socket got no chat.added");
        const QJsonObject addedChat = added["chat"].toObject();
        QVERIFY2(chatShapeProblem(addedChat).isEmpty(), qPrintable(chatShapeProblem(addedChat)));
        QCOMPARE(addedChat["id"].toInteger(), chatId);
        QCOMPARE(addedChat["peer"]["id"].toInteger(), peer);
    }
    QVERIFY(requestIds(m_api->friendRequests(bob), "incoming").isEmpty());
    QVERIFY(requestIds(m_api->friendRequests(alice), "outgoing").isEmpty());
    QVERIFY2(!m_api->chatInList(alice, chatId).isEmpty(), "GET /chats of alice misses the chat");
    QVERIFY2(!m_api->chatInList(bob, chatId).isEmpty(), "GET /chats of bob misses the chat");
}

void TestServerFriends::friendsListNamesTheChat() {
    const TestUser alice = fresh("alice");
    const TestUser bob = fresh("bob");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = m_api->makeFriends(alice, bob);
    QVERIFY(chatId > 0);
    for (const auto& [user, peer] : {std::pair{alice, bob.userId}, std::pair{bob, alice.userId}}) {
        const HttpResult friends = m_api->friends(user);
        QVERIFY2(friends.status == 200, friends.describe().constData());
        const QJsonArray list = friends.json.toArray();
        QCOMPARE(list.size(), 1);
        const QJsonObject entry = list.first().toObject();
        QVERIFY2(userShapeProblem(entry["user"].toObject()).isEmpty(),
                 qPrintable(userShapeProblem(entry["user"].toObject())));
        QCOMPARE(entry["user"]["id"].toInteger(), peer);
        QCOMPARE(entry["chat_id"].toInteger(), chatId);
        const HttpResult chat = m_api->chat(user, chatId);
        QVERIFY2(chat.status == 200, chat.describe().constData());
        QCOMPARE(chat.json["peer"]["id"].toInteger(), peer);
    }
}

void TestServerFriends::requestToOneselfIsBadRequest() {
    const TestUser alice = fresh("self");
    QVERIFY(alice.ok());
    const HttpResult result = m_api->requestFriend(alice, alice.userId);
    QVERIFY2(result.status == 400, result.describe().constData());
    QVERIFY(result.hasErrorBody());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
    QVERIFY2(result.errorMessage().startsWith("user_id: "), qPrintable(result.errorMessage()));
}

void TestServerFriends::requestToUnknownUserIsNotFound() {
    const TestUser alice = fresh("lonely");
    QVERIFY(alice.ok());
    const HttpResult result = m_api->requestFriend(alice, 987654321);
    QVERIFY2(result.status == 404, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
}

void TestServerFriends::duplicateRequestIsConflict() {
    const TestUser alice = fresh("dup");
    const TestUser bob = fresh("dup");
    QVERIFY(alice.ok() && bob.ok());
    QCOMPARE(m_api->requestFriend(alice, bob.userId).status, 201);
    const HttpResult again = m_api->requestFriend(alice, bob.userId);
    QVERIFY2(again.status == 409, again.describe().constData());
    QVERIFY(again.hasErrorBody());
    QCOMPARE(again.errorCode(), QStringLiteral("conflict"));
    QCOMPARE(requestIds(m_api->friendRequests(bob), "incoming").size(), 1);
}

void TestServerFriends::reversePendingRequestIsAcceptedAtOnce() {
    const TestUser carol = fresh("carol");
    const TestUser dave = fresh("dave");
    QVERIFY(carol.ok() && dave.ok());
    auto carolWs = live(carol);
    QCOMPARE(m_api->requestFriend(carol, dave.userId).status, 201);
    const HttpResult reverse = m_api->requestFriend(dave, carol.userId);
    QVERIFY2(reverse.status == 200, reverse.describe().constData());
    const QJsonObject chat = reverse.json["chat"].toObject();
    QVERIFY2(chatShapeProblem(chat).isEmpty(), qPrintable(chatShapeProblem(chat)));
    QCOMPARE(chat["peer"]["id"].toInteger(), carol.userId);
    const QJsonObject added = carolWs->waitForMatch(opIs("chat.added"));
    QCOMPARE(added["chat"]["id"].toInteger(), chat["id"].toInteger());
    QCOMPARE(added["chat"]["peer"]["id"].toInteger(), dave.userId);
    QVERIFY(requestIds(m_api->friendRequests(carol), "outgoing").isEmpty());
    QVERIFY(requestIds(m_api->friendRequests(dave), "incoming").isEmpty());

    for (const auto& [from, to] : {std::pair{carol, dave}, std::pair{dave, carol}}) {
        const HttpResult already = m_api->requestFriend(from, to.userId);
        QVERIFY2(already.status == 409, already.describe().constData());
        QCOMPARE(already.errorCode(), QStringLiteral("conflict"));
    }
}

void TestServerFriends::onlyTheRecipientAcceptsOrDeclines() {
    const TestUser erin = fresh("erin");
    const TestUser frank = fresh("frank");
    const TestUser gina = fresh("gina");
    QVERIFY(erin.ok() && frank.ok() && gina.ok());
    const HttpResult sent = m_api->requestFriend(erin, frank.userId);
    QCOMPARE(sent.status, 201);
    const qint64 requestId = sent.json["id"].toInteger();
    for (const TestUser& other : {erin, gina}) {
        for (const HttpResult& result :
             {m_api->acceptRequest(other, requestId), m_api->declineRequest(other, requestId)}) {
            QVERIFY2(result.status == 404,
                     qPrintable(other.username + ": " + QString(result.describe())));
            QCOMPARE(result.errorCode(), QStringLiteral("not_found"));
        }
    }
    QVERIFY(requestIds(m_api->friendRequests(frank), "incoming").contains(requestId));
    QCOMPARE(m_api->acceptRequest(frank, 987654321).status, 404);
    QCOMPARE(m_api->acceptRequest(frank, requestId).status, 200);
    const HttpResult twice = m_api->acceptRequest(frank, requestId);
    QVERIFY2(twice.status == 404, twice.describe().constData());
}

void TestServerFriends::senderWithdraws() {
    const TestUser erin = fresh("erin");
    const TestUser frank = fresh("frank");
    QVERIFY(erin.ok() && frank.ok());
    const HttpResult sent = m_api->requestFriend(erin, frank.userId);
    QCOMPARE(sent.status, 201);
    const qint64 requestId = sent.json["id"].toInteger();
    const HttpResult withdrawn = m_api->withdrawRequest(erin, requestId);
    QVERIFY2(withdrawn.status == 204, withdrawn.describe().constData());
    QVERIFY(requestIds(m_api->friendRequests(erin), "outgoing").isEmpty());
    QVERIFY(requestIds(m_api->friendRequests(frank), "incoming").isEmpty());
    const HttpResult accept = m_api->acceptRequest(frank, requestId);
    QVERIFY2(accept.status == 404, accept.describe().constData());
    QCOMPARE(m_api->withdrawRequest(erin, requestId).status, 404);
    QCOMPARE(m_api->requestFriend(erin, frank.userId).status, 201);
}

void TestServerFriends::declineLetsTheSenderAskAgain() {
    const TestUser harry = fresh("harry");
    const TestUser ivy = fresh("ivy");
    QVERIFY(harry.ok() && ivy.ok());
    const HttpResult sent = m_api->requestFriend(harry, ivy.userId);
    QCOMPARE(sent.status, 201);
    const HttpResult declined = m_api->declineRequest(ivy, sent.json["id"].toInteger());
    QVERIFY2(declined.status == 204, declined.describe().constData());
    QVERIFY(requestIds(m_api->friendRequests(ivy), "incoming").isEmpty());
    QVERIFY(requestIds(m_api->friendRequests(harry), "outgoing").isEmpty());
    QVERIFY(m_api->friends(ivy).json.toArray().isEmpty());
    const HttpResult again = m_api->requestFriend(harry, ivy.userId);
    QVERIFY2(again.status == 201, again.describe().constData());
}

void TestServerFriends::unfriendKeepsHistoryAndRefusesSends() {
    const TestUser alice = fresh("alice");
    const TestUser bob = fresh("bob");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = m_api->makeFriends(alice, bob);
    QVERIFY(chatId > 0);
    QCOMPARE(m_api->postMessage(alice, chatId, "before we parted").status, 201);
    auto aliceWs = live(alice);
    auto bobWs = live(bob);

    const HttpResult removed = m_api->unfriend(alice, bob.userId);
    QVERIFY2(removed.status == 204, removed.describe().constData());
    for (const auto& [socket, other] :
         {std::pair{aliceWs.get(), bob.userId}, std::pair{bobWs.get(), alice.userId}}) {
        const QJsonObject frame = socket->waitForMatch(opIs("friend.removed"));
        QVERIFY2(!frame.isEmpty(), "a socket got no friend.removed");
        QCOMPARE(frame["user_id"].toInteger(), other);
    }
    QVERIFY(m_api->friends(alice).json.toArray().isEmpty());
    QVERIFY(m_api->friends(bob).json.toArray().isEmpty());

    for (const TestUser& user : {alice, bob}) {
        const HttpResult history = m_api->history(user, chatId);
        QVERIFY2(history.status == 200, history.describe().constData());
        const QJsonArray messages = history.json["messages"].toArray();
        QCOMPARE(messages.size(), 1);
        QCOMPARE(messages.first()["text"].toString(), QStringLiteral("before we parted"));
        const HttpResult send = m_api->postMessage(user, chatId, "anyone there?");
        QVERIFY2(send.status == 403, send.describe().constData());
        QCOMPARE(send.errorCode(), QStringLiteral("forbidden"));
    }
    bobWs->sendJson({{"op", "send"},
                     {"chat_id", chatId},
                     {"client_id", "ws-after-unfriend"},
                     {"text", "over the socket"}});
    const QJsonObject refused = bobWs->waitForMatch(opIs("error"));
    QCOMPARE(refused["code"].toString(), QStringLiteral("forbidden"));
    QCOMPARE(refused["client_id"].toString(), QStringLiteral("ws-after-unfriend"));
    QCOMPARE(m_api->history(alice, chatId).json["messages"].toArray().size(), 1);
}

void TestServerFriends::refriendingReopensTheSameChat() {
    const TestUser alice = fresh("alice");
    const TestUser bob = fresh("bob");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = m_api->makeFriends(alice, bob);
    QVERIFY(chatId > 0);
    QCOMPARE(m_api->postMessage(bob, chatId, "first time round").status, 201);
    QCOMPARE(m_api->unfriend(bob, alice.userId).status, 204);
    const qint64 reopened = m_api->makeFriends(bob, alice);
    QCOMPARE(reopened, chatId);
    const HttpResult send = m_api->postMessage(alice, chatId, "welcome back");
    QVERIFY2(send.status == 201, send.describe().constData());
    const QJsonArray messages = m_api->history(bob, chatId).json["messages"].toArray();
    QCOMPARE(messages.size(), 2);
    QCOMPARE(messages.first()["text"].toString(), QStringLiteral("first time round"));
}

void TestServerFriends::blockEndsFriendshipAndHidesBothWays() {
    const TestUser alice = fresh("blocker");
    const TestUser bob = fresh("blocked");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = m_api->makeFriends(alice, bob);
    QVERIFY(chatId > 0);
    QCOMPARE(m_api->postMessage(bob, chatId, "still readable").status, 201);
    auto aliceWs = live(alice);
    auto bobWs = live(bob);

    const HttpResult blocked = m_api->block(alice, bob.userId);
    QVERIFY2(blocked.status == 204, blocked.describe().constData());
    for (const auto& [socket, other] :
         {std::pair{aliceWs.get(), bob.userId}, std::pair{bobWs.get(), alice.userId}}) {
        const QJsonObject frame = socket->waitForMatch(opIs("friend.removed"));
        QVERIFY2(!frame.isEmpty(), "a socket got no friend.removed");
        QCOMPARE(frame["user_id"].toInteger(), other);
    }
    QVERIFY(m_api->friends(alice).json.toArray().isEmpty());
    QVERIFY(m_api->friends(bob).json.toArray().isEmpty());

    const HttpResult blocks = m_api->blocks(alice);
    QVERIFY2(blocks.status == 200, blocks.describe().constData());
    QCOMPARE(idsOf(blocks.json.toArray()), QSet<qint64>{bob.userId});
    QVERIFY(m_api->blocks(bob).json.toArray().isEmpty());

    for (const auto& [viewer, hidden] : {std::pair{alice, bob}, std::pair{bob, alice}}) {
        const HttpResult search =
            m_http->get("/api/v1/users/search?q=" + hidden.username, viewer.token);
        QVERIFY2(search.status == 200, search.describe().constData());
        QVERIFY2(!idsOf(search.json.toArray()).contains(hidden.userId),
                 qPrintable(viewer.username + " still finds " + hidden.username));
        const HttpResult request = m_api->requestFriend(viewer, hidden.userId);
        QVERIFY2(request.status == 403, request.describe().constData());
        QCOMPARE(request.errorCode(), QStringLiteral("forbidden"));
        const HttpResult seen =
            m_http->get(QString("/api/v1/users/%1").arg(hidden.userId), viewer.token);
        if (seen.status == 200) {
            QCOMPARE(seen.json["status"].toString(), QStringLiteral("offline"));
            QVERIFY2(seen.json["last_seen"].isNull(), seen.describe().constData());
        } else {
            QVERIFY2(seen.status == 404, seen.describe().constData());
        }
        const HttpResult chat = m_api->chat(viewer, chatId);
        QVERIFY2(chat.status == 200, chat.describe().constData());
        QCOMPARE(chat.json["peer"]["status"].toString(), QStringLiteral("offline"));
        QVERIFY(chat.json["peer"]["last_seen"].isNull());
        const HttpResult history = m_api->history(viewer, chatId);
        QVERIFY2(history.status == 200, history.describe().constData());
        QCOMPARE(history.json["messages"].toArray().size(), 1);
        const HttpResult send = m_api->postMessage(viewer, chatId, "read-only now");
        QVERIFY2(send.status == 403, send.describe().constData());
        QCOMPARE(send.errorCode(), QStringLiteral("forbidden"));
    }
    QCOMPARE(m_api->block(alice, bob.userId).status, 204);
}

void TestServerFriends::blockEndsPendingRequest() {
    const TestUser carol = fresh("carol");
    const TestUser dave = fresh("dave");
    QVERIFY(carol.ok() && dave.ok());
    const HttpResult sent = m_api->requestFriend(carol, dave.userId);
    QCOMPARE(sent.status, 201);
    QCOMPARE(m_api->block(dave, carol.userId).status, 204);
    QVERIFY(requestIds(m_api->friendRequests(carol), "outgoing").isEmpty());
    QVERIFY(requestIds(m_api->friendRequests(dave), "incoming").isEmpty());
    QCOMPARE(m_api->acceptRequest(dave, sent.json["id"].toInteger()).status, 404);
    QCOMPARE(m_api->requestFriend(carol, dave.userId).status, 403);

    const TestUser stranger = fresh("stranger");
    QVERIFY(stranger.ok());
    QCOMPARE(m_api->block(stranger, carol.userId).status, 204);
    QCOMPARE(m_api->requestFriend(carol, stranger.userId).status, 403);
}

void TestServerFriends::unblockRestoresNothing() {
    const TestUser alice = fresh("unblocker");
    const TestUser bob = fresh("unblocked");
    QVERIFY(alice.ok() && bob.ok());
    const qint64 chatId = m_api->makeFriends(alice, bob);
    QVERIFY(chatId > 0);
    QCOMPARE(m_api->block(alice, bob.userId).status, 204);
    const HttpResult unblocked = m_api->unblock(alice, bob.userId);
    QVERIFY2(unblocked.status == 204, unblocked.describe().constData());
    QVERIFY(m_api->blocks(alice).json.toArray().isEmpty());
    QVERIFY(m_api->friends(alice).json.toArray().isEmpty());
    QVERIFY(m_api->friends(bob).json.toArray().isEmpty());
    const HttpResult send = m_api->postMessage(bob, chatId, "are we good?");
    QVERIFY2(send.status == 403, send.describe().constData());
    const HttpResult search = m_http->get("/api/v1/users/search?q=" + bob.username, alice.token);
    QVERIFY(idsOf(search.json.toArray()).contains(bob.userId));
    QCOMPARE(m_api->makeFriends(bob, alice), chatId);
    QCOMPARE(m_api->postMessage(bob, chatId, "friends again").status, 201);
}

QTEST_GUILESS_MAIN(TestServerFriends)
#include "tst_server_friends.moc"
