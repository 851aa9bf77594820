// Notifications against the real server: friend requests and acceptances, being added to a group,
// a role changed, a kick and a ban notify the user concerned live, with a sentence naming who did
// it and the group; @mentions and replies in groups notify too. All are listed newest first,
// marking read counts down GET /me's unread_notifications, a chat's notification mute silences
// mentions and replies, and bad input is 4xx.
#include <QJsonArray>
#include <QTest>
#include <memory>

#include "tests/support/chat_api.h"
#include "tests/support/group_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

class TestServerNotifications : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        m_server = std::make_unique<ServerProcess>();
        QVERIFY(m_server->start());
        m_http = std::make_unique<HttpClient>(*m_server);
        m_groups = std::make_unique<GroupApi>(*m_http);
        const auto probe = m_http->get("/api/v1/notifications", user("probe").token);
        if (GroupApi::isMissingRoute(probe))
            QSKIP(
                "GET /api/v1/notifications is not routed yet (server_app wiring of "
                "notification routes)");
    }
    void cleanupTestCase() {
        m_groups.reset();
        m_http.reset();
        m_server.reset();
    }

    void mentionNotifiesLiveAndIsListed() {
        const auto ana = user("ana");
        const auto bo = user("bo");
        const auto chat = groupOf(ana, {&bo});
        WsClient socket(*m_server);
        QVERIFY(socket.connectAs(m_server->wsUrl(), bo.token));
        const auto posted = post(ana, chat, "hey @" + bo.username + " look");
        QCOMPARE(posted.status, 201);
        const auto live = socket.waitForOp("notification")["notification"].toObject();
        QCOMPARE(live["type"].toString(), QString("mention"));
        QCOMPARE(live["chat_id"].toInteger(), chat);
        QCOMPARE(live["message_id"].toInteger(), posted.json["id"].toInteger());
        QCOMPARE(live["actor"].toInteger(), ana.userId);
        QCOMPARE(live["read"].toBool(), false);
        QVERIFY(live["text"].toString().contains("look"));

        const auto listed = m_http->get("/api/v1/notifications", bo.token);
        QCOMPARE(listed.status, 200);
        QCOMPARE(ofType(listed.json.toArray(), "mention").size(), 1);
        QCOMPARE(listed.json.toArray()[0].toObject(), live);
        QCOMPARE(unread(bo), 1);
        // The sender naming itself, or a stranger, notifies nobody.
        const auto stranger = user("stranger");
        QCOMPARE(post(ana, chat, "@" + ana.username + " @" + stranger.username).status, 201);
        QCOMPARE(unread(ana), 0);
        QCOMPARE(unread(stranger), 0);
    }

    void replyNotifiesTheRepliedToSender() {
        const auto ana = user("ana");
        const auto bo = user("bo");
        const auto cy = user("cy");
        const auto chat = groupOf(ana, {&bo, &cy});
        const auto original = post(bo, chat, "question").json["id"].toInteger();
        const auto answer = post(cy, chat, "an answer", original);
        QCOMPARE(answer.status, 201);
        const auto listed = m_http->get("/api/v1/notifications", bo.token).json.toArray();
        QCOMPARE(ofType(listed, "reply").size(), 1);
        QCOMPARE(listed[0].toObject()["type"].toString(), QString("reply"));
        QCOMPARE(listed[0].toObject()["actor"].toInteger(), cy.userId);
        // Replying to oneself notifies nobody.
        QCOMPARE(post(bo, chat, "me again", original).status, 201);
        QCOMPARE(unread(bo), 1);
    }

    void readAndPaging() {
        const auto ana = user("ana");
        const auto bo = user("bo");
        const auto chat = groupOf(ana, {&bo});
        for (int i = 0; i < 5; ++i)
            QCOMPARE(post(ana, chat, QString("@%1 %2").arg(bo.username).arg(i)).status, 201);
        QCOMPARE(unread(bo), 5);
        const auto page = m_http->get("/api/v1/notifications?limit=2", bo.token).json.toArray();
        QCOMPARE(page.size(), 2);
        const auto before = page[1].toObject()["id"].toInteger();
        QVERIFY(page[0].toObject()["id"].toInteger() > before);
        const auto next =
            m_http->get(QString("/api/v1/notifications?limit=3&before=%1").arg(before), bo.token)
                .json.toArray();
        QCOMPARE(next.size(), 3);
        const auto readTo = next[0].toObject()["id"].toInteger();
        QCOMPARE(markRead(bo, QString::number(readTo)).status, 204);
        QCOMPARE(unread(bo), 2);
        const auto all = m_http->get("/api/v1/notifications", bo.token).json.toArray();
        QCOMPARE(all[0].toObject()["read"].toBool(), false);
        QCOMPARE(all[2].toObject()["read"].toBool(), true);
        // Another user's ids mark nothing of theirs.
        QCOMPARE(markRead(ana, QString::number(all[0].toObject()["id"].toInteger())).status, 204);
        QCOMPARE(unread(bo), 2);
    }

    void chatMuteSilencesMentions() {
        const auto ana = user("ana");
        const auto bo = user("bo");
        const auto chat = groupOf(ana, {&bo});
        const auto path = QString("/api/v1/chats/%1/notifications").arg(chat);
        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 3'600'000;
        QCOMPARE(m_http->put(path, "{\"muted_until\":" + QByteArray::number(until) + "}", bo.token)
                     .status,
                 204);
        QCOMPARE(m_groups->chats().chat(bo, chat).json["notifications_muted_until"].toInteger(),
                 until);
        QCOMPARE(post(ana, chat, "@" + bo.username).status, 201);
        QCOMPARE(unread(bo), 0);
        QCOMPARE(m_http->put(path, "{\"muted_until\":null}", bo.token).status, 204);
        QVERIFY(m_groups->chats().chat(bo, chat).json["notifications_muted_until"].isNull());
        QCOMPARE(post(ana, chat, "@" + bo.username).status, 201);
        QCOMPARE(unread(bo), 1);
    }

    void friendRequestAndAcceptanceNotifyTheOtherSide() {
        const auto ana = named("ana", "Ana");
        const auto bo = named("bo", "Bo");
        WsClient anaSocket(*m_server);
        WsClient boSocket(*m_server);
        QVERIFY(anaSocket.connectAs(m_server->wsUrl(), ana.token));
        QVERIFY(boSocket.connectAs(m_server->wsUrl(), bo.token));
        const auto request = m_groups->chats().requestFriend(ana, bo.userId);
        QCOMPARE(request.status, 201);
        const auto asked = liveNotification(boSocket);
        QCOMPARE(asked["type"].toString(), QString("friend_request"));
        QCOMPARE(asked["actor"].toInteger(), ana.userId);
        QVERIFY(asked["chat_id"].isNull());
        QVERIFY(asked["message_id"].isNull());
        QCOMPARE(asked["read"].toBool(), false);
        QCOMPARE(asked["text"].toString(), QString("Ana sent you a friend request"));
        QCOMPARE(newest(bo), asked);
        QCOMPARE(unread(bo), 1);
        QCOMPARE(unread(ana), 0);

        const auto requestId = request.json.toObject()["id"].toInteger();
        QCOMPARE(m_groups->chats().acceptRequest(bo, requestId).status, 200);
        const auto accepted = liveNotification(anaSocket);
        QCOMPARE(accepted["type"].toString(), QString("friend_accepted"));
        QCOMPARE(accepted["actor"].toInteger(), bo.userId);
        QVERIFY(accepted["chat_id"].isNull());
        QCOMPARE(accepted["text"].toString(), QString("Bo accepted your friend request"));
        QCOMPARE(newest(ana), accepted);
        QCOMPARE(unread(ana), 1);
        QCOMPARE(unread(bo), 1);

        // Asking someone who had asked first accepts their request: they hear it accepted.
        const auto cy = named("cy", "Cy");
        QCOMPARE(m_groups->chats().requestFriend(cy, ana.userId).status, 201);
        QCOMPARE(newest(ana)["type"].toString(), QString("friend_request"));
        QCOMPARE(m_groups->chats().requestFriend(ana, cy.userId).status, 200);
        const auto crossed = newest(cy);
        QCOMPARE(crossed["type"].toString(), QString("friend_accepted"));
        QCOMPARE(crossed["actor"].toInteger(), ana.userId);
        QCOMPARE(crossed["text"].toString(), QString("Ana accepted your friend request"));
        QCOMPARE(unread(cy), 1);
        QCOMPARE(unread(ana), 2);
    }

    void groupAddedReachesEveryMemberButTheCreator() {
        const auto ana = named("ana", "Ana");
        const auto bo = user("bo");
        const auto cy = user("cy");
        const auto dee = user("dee");
        for (const auto* pal : {&bo, &cy, &dee})
            m_groups->chats().makeFriends(ana, *pal);
        for (const auto* someone : {&ana, &bo, &cy, &dee})
            readAll(*someone);
        WsClient boSocket(*m_server);
        QVERIFY(boSocket.connectAs(m_server->wsUrl(), bo.token));
        const auto chat = m_groups->createGroupId(ana, "Hikers", {bo.userId, cy.userId});
        QVERIFY(chat);
        const auto added = liveNotification(boSocket);
        QCOMPARE(added["type"].toString(), QString("group_added"));
        QCOMPARE(added["actor"].toInteger(), ana.userId);
        QCOMPARE(added["chat_id"].toInteger(), chat);
        QVERIFY(added["message_id"].isNull());
        QCOMPARE(added["text"].toString(), QString("Ana added you to Hikers"));
        QCOMPARE(newest(bo), added);
        QCOMPARE(newest(cy)["text"].toString(), QString("Ana added you to Hikers"));
        QCOMPARE(unread(cy), 1);
        QCOMPARE(unread(ana), 0);

        WsClient deeSocket(*m_server);
        QVERIFY(deeSocket.connectAs(m_server->wsUrl(), dee.token));
        QCOMPARE(m_groups->addMember(ana, chat, dee.userId).status, 201);
        const auto later = liveNotification(deeSocket);
        QCOMPARE(later["type"].toString(), QString("group_added"));
        QCOMPARE(later["chat_id"].toInteger(), chat);
        QCOMPARE(later["text"].toString(), QString("Ana added you to Hikers"));
        QCOMPARE(unread(dee), 1);
        QCOMPARE(unread(bo), 1);
        QCOMPARE(unread(ana), 0);
    }

    void roleChangesNotifyTheMemberConcerned() {
        const auto ana = named("ana", "Ana");
        const auto bo = named("bo", "Bo");
        const auto cy = user("cy");
        const auto chat = groupOf(ana, {&bo, &cy}, "Hikers");
        WsClient boSocket(*m_server);
        QVERIFY(boSocket.connectAs(m_server->wsUrl(), bo.token));
        QCOMPARE(m_groups->setRole(ana, chat, bo.userId, "moderator").status, 200);
        const auto promoted = liveNotification(boSocket);
        QCOMPARE(promoted["type"].toString(), QString("role_changed"));
        QCOMPARE(promoted["actor"].toInteger(), ana.userId);
        QCOMPARE(promoted["chat_id"].toInteger(), chat);
        QCOMPARE(promoted["text"].toString(), QString("Ana made you a moderator of Hikers"));
        QCOMPARE(m_groups->setRole(ana, chat, bo.userId, "admin").status, 200);
        QCOMPARE(liveNotification(boSocket)["text"].toString(),
                 QString("Ana made you an admin of Hikers"));
        QCOMPARE(m_groups->setRole(ana, chat, bo.userId, "member").status, 200);
        QCOMPARE(liveNotification(boSocket)["text"].toString(),
                 QString("Ana made you a member of Hikers"));
        // The role already held changes nothing and notifies nobody.
        QCOMPARE(m_groups->setRole(ana, chat, bo.userId, "member").status, 200);
        QCOMPARE(unread(bo), 3);

        QCOMPARE(m_groups->transferOwnership(ana, chat, bo.userId).status, 200);
        const auto owner = liveNotification(boSocket);
        QCOMPARE(owner["type"].toString(), QString("role_changed"));
        QCOMPARE(owner["text"].toString(), QString("Ana made you the owner of Hikers"));
        QCOMPARE(unread(ana), 0);  // stepping down to admin was Ana's own doing

        // The owner leaving: the successor (Ana, the admin) hears it from Bo.
        QCOMPARE(m_groups->leave(bo, chat).status, 204);
        const auto succeeded = newest(ana);
        QCOMPARE(succeeded["type"].toString(), QString("role_changed"));
        QCOMPARE(succeeded["actor"].toInteger(), bo.userId);
        QCOMPARE(succeeded["chat_id"].toInteger(), chat);
        QCOMPARE(succeeded["text"].toString(), QString("Bo left Hikers: you are its owner now"));
        QCOMPARE(unread(ana), 1);
        QCOMPARE(unread(cy), 0);
    }

    void kickAndBanTellTheRemovedUserWhichGroup() {
        const auto ana = named("ana", "Ana");
        const auto bo = user("bo");
        const auto cy = user("cy");
        const auto dee = user("dee");
        const auto eve = user("eve");
        const auto outsider = user("out");
        const auto chat = groupOf(ana, {&bo, &cy, &dee, &eve}, "Hikers");
        m_groups->chats().makeFriends(ana, outsider);
        readAll(outsider);
        readAll(ana);

        WsClient boSocket(*m_server);
        QVERIFY(boSocket.connectAs(m_server->wsUrl(), bo.token));
        QCOMPARE(m_groups->removeMember(ana, chat, bo.userId).status, 204);
        const auto kicked = liveNotification(boSocket);
        QCOMPARE(kicked["type"].toString(), QString("kicked"));
        QCOMPARE(kicked["actor"].toInteger(), ana.userId);
        QCOMPARE(kicked["chat_id"].toInteger(), chat);
        QCOMPARE(kicked["text"].toString(), QString("Ana removed you from Hikers"));
        QCOMPARE(newest(bo), kicked);
        QCOMPARE(unread(bo), 1);
        // The chat is gone for them, its notification keeps saying which it was.
        QCOMPARE(m_groups->chats().chat(bo, chat).status, 404);

        WsClient cySocket(*m_server);
        QVERIFY(cySocket.connectAs(m_server->wsUrl(), cy.token));
        QCOMPARE(m_groups->ban(ana, chat, cy.userId, "spam links").status, 204);
        const auto banned = liveNotification(cySocket);
        QCOMPARE(banned["type"].toString(), QString("banned"));
        QCOMPARE(banned["actor"].toInteger(), ana.userId);
        QCOMPARE(banned["chat_id"].toInteger(), chat);
        QCOMPARE(banned["text"].toString(), QString("Ana banned you from Hikers: spam links"));
        QCOMPARE(newest(cy), banned);
        QCOMPARE(m_groups->chats().chat(cy, chat).status, 404);

        QCOMPARE(m_groups->ban(ana, chat, dee.userId).status, 204);
        QCOMPARE(newest(dee)["text"].toString(), QString("Ana banned you from Hikers"));
        // Banning someone who is not a member removes nobody: no notification.
        QCOMPARE(m_groups->ban(ana, chat, outsider.userId).status, 204);
        QCOMPARE(unread(outsider), 0);
        // Leaving is one's own doing; the ones who stay hear nothing of these.
        QCOMPARE(m_groups->leave(eve, chat).status, 204);
        QCOMPARE(unread(eve), 0);
        QCOMPARE(unread(ana), 0);
    }

    void badInputIs4xx() {
        const auto ana = user("ana");
        const auto bo = user("bo");
        const auto chat = groupOf(ana, {&bo});
        for (const auto* query : {"limit=0", "limit=101", "limit=abc", "before=0", "before=x"}) {
            const auto answer = m_http->get(QString("/api/v1/notifications?") + query, bo.token);
            QVERIFY2(answer.status == 400 && answer.hasErrorBody(), answer.describe());
        }
        for (const auto* body : {"{}", "{\"up_to\":0}", "{\"up_to\":\"1\"}", "nope"}) {
            const auto answer = m_http->post("/api/v1/notifications/read", body, bo.token);
            QVERIFY2(answer.status == 400 && answer.hasErrorBody(), answer.describe());
        }
        const auto path = QString("/api/v1/chats/%1/notifications").arg(chat);
        for (const auto* body : {"{\"muted_until\":-5}", "{\"muted_until\":\"soon\"}", "[1]"}) {
            const auto answer = m_http->put(path, body, bo.token);
            QVERIFY2(answer.status == 400 && answer.hasErrorBody(), answer.describe());
        }
        const auto outsider = user("out");
        QCOMPARE(m_http->put(path, "{\"muted_until\":null}", outsider.token).status, 404);
        QCOMPARE(m_http->get("/api/v1/notifications").status, 401);
    }

private:
    TestUser user(const QString& prefix) {
        auto made = registerUser(*m_http, uniqueUsername(prefix));
        if (!made.ok())
            qWarning("register %s: %s", qPrintable(prefix), made.result.describe().constData());
        return made;
    }

    TestUser named(const QString& prefix, const QString& displayName) {
        auto made = registerUser(*m_http, uniqueUsername(prefix), "password123", displayName);
        if (!made.ok())
            qWarning("register %s: %s", qPrintable(prefix), made.result.describe().constData());
        return made;
    }

    qint64 groupOf(const TestUser& owner, const QList<const TestUser*>& members,
                   const QString& name = "group") {
        QList<qint64> ids;
        for (const auto* member : members) {
            m_groups->chats().makeFriends(owner, *member);
            ids.push_back(member->userId);
        }
        const auto chat = m_groups->createGroupId(owner, name, ids);
        // Start from no unread: making friends and the group notified some of them already.
        readAll(owner);
        for (const auto* member : members)
            readAll(*member);
        return chat;
    }

    void readAll(const TestUser& user) {
        const auto newest = m_http->get("/api/v1/notifications?limit=1", user.token).json.toArray();
        if (!newest.isEmpty())
            markRead(user, QString::number(newest[0].toObject()["id"].toInteger()));
    }

    QJsonObject newest(const TestUser& user) {
        const auto list = m_http->get("/api/v1/notifications?limit=1", user.token).json.toArray();
        return list.isEmpty() ? QJsonObject() : list[0].toObject();
    }

    static QJsonObject liveNotification(WsClient& socket) {
        return socket.waitForOp("notification")["notification"].toObject();
    }

    static QList<QJsonObject> ofType(const QJsonArray& list, const QString& type) {
        QList<QJsonObject> found;
        for (const auto& value : list)
            if (value.toObject()["type"].toString() == type)
                found.push_back(value.toObject());
        return found;
    }

    HttpResult post(const TestUser& from, qint64 chat, const QString& text, qint64 replyTo = 0) {
        QJsonObject body{{"client_id", ChatApi::newClientId()}, {"text", text}};
        if (replyTo)
            body["reply_to"] = replyTo;
        return m_http->post(QString("/api/v1/chats/%1/messages").arg(chat), ChatApi::body(body),
                            from.token);
    }

    HttpResult markRead(const TestUser& user, const QString& upTo) {
        return m_http->post("/api/v1/notifications/read", "{\"up_to\":" + upTo.toUtf8() + "}",
                            user.token);
    }

    int unread(const TestUser& user) {
        return m_http->get("/api/v1/me", user.token).json["unread_notifications"].toInt(-1);
    }

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GroupApi> m_groups;
};

QTEST_GUILESS_MAIN(TestServerNotifications)
#include "tst_server_notifications.moc"
