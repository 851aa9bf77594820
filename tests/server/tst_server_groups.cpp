// Groups against the real server: creating and listing, adding, leaving, kicking, roles, owner
// transfer, succession with its tie-breaks, deletion, bans, settings, the events each member
// receives over WebSocket, a mute that has expired shown as none, and every bad input of these
// routes answered 4xx with the error body.
#include <QDateTime>
#include <QJsonArray>
#include <QTest>

#include "tests/server/group_server_fixture.h"

using namespace testsupport;

namespace {

#define EXPECT_ERROR(result, status_, code_)                                             \
    do {                                                                                 \
        const HttpResult& r_ = (result);                                                 \
        QVERIFY2(r_.status == (status_) && r_.hasErrorBody() && r_.errorCode() == code_, \
                 r_.describe().constData());                                             \
    } while (false)

#define EXPECT_STATUS(result, status_)                               \
    do {                                                             \
        const HttpResult& r_ = (result);                             \
        QVERIFY2(r_.status == (status_), r_.describe().constData()); \
    } while (false)

QByteArray json(const QJsonObject& object) {
    return ChatApi::body(object);
}

}  // namespace

class TestServerGroups : public QObject, public test::GroupServerFixture {
    Q_OBJECT

private slots:
    void initTestCase() {
        QVERIFY2(startServer(), "server did not start");
        m_owner = user("owner");
        QVERIFY(m_owner.ok());
        const auto probe = m_api->members(m_owner, 1);
        if (GroupApi::isMissingRoute(probe))
            QSKIP("the group routes are not wired into server_app yet (addGroupRoutes)");
    }
    void cleanupTestCase() { stopServer(); }

    void createListAndGet() {
        const auto pals = friendsOf(m_owner, 2);
        auto socket = live(pals[0]);
        const auto created = m_api->createGroup(m_owner, "  Book club ",
                                                {pals[0].userId, pals[1].userId}, "Monthly");
        EXPECT_STATUS(created, 201);
        const auto chat = created.json.toObject();
        QCOMPARE(chat["kind"].toString(), QString("group"));
        QCOMPARE(chat["name"].toString(), QString("Book club"));
        QCOMPARE(chat["description"].toString(), QString("Monthly"));
        QCOMPARE(chat["my_role"].toString(), QString("owner"));
        QCOMPARE(chat["member_count"].toInteger(), 3);
        QVERIFY(chat["peer"].isNull());
        QVERIFY(chat["peer_read_seq"].isNull());
        QCOMPARE(chat["settings"].toObject()["slow_mode_s"].toInt(), 0);
        const qint64 id = chat["id"].toInteger();

        const auto added = socket->waitForOp("chat.added");
        QCOMPARE(added["chat"].toObject()["id"].toInteger(), id);
        QCOMPARE(added["chat"].toObject()["my_role"].toString(), QString("member"));

        const auto listed = m_api->chats().chatInList(pals[1], id);
        QCOMPARE(listed["my_role"].toString(), QString("member"));
        QCOMPARE(listed["member_count"].toInteger(), 3);
        EXPECT_STATUS(m_api->chats().chat(pals[1], id), 200);
        const auto stranger = user("stranger");
        EXPECT_ERROR(m_api->chats().chat(stranger, id), 404, "not_found");
        EXPECT_ERROR(m_api->members(stranger, id), 404, "not_found");

        const auto members = m_api->members(pals[0], id).json.toArray();
        QCOMPARE(members.size(), 3);
        QCOMPARE(roleOf(pals[0], id, m_owner.userId), QString("owner"));
        QCOMPARE(roleOf(pals[0], id, pals[1].userId), QString("member"));
    }

    void createRefusesBadInput() {
        const auto pals = friendsOf(m_owner, 1);
        const auto stranger = user("stranger");
        const auto post = [&](const QByteArray& body, const QString& token) {
            return m_http->post("/api/v1/groups", body, token);
        };
        const QJsonArray one{pals[0].userId};
        EXPECT_ERROR(post(json({{"members", one}}), m_owner.token), 400, "bad_request");
        EXPECT_ERROR(post(json({{"name", "   "}, {"members", one}}), m_owner.token), 400,
                     "bad_request");
        const auto tooLong =
            post(json({{"name", QString(65, 'n')}, {"members", one}}), m_owner.token);
        EXPECT_ERROR(tooLong, 400, "bad_request");
        QVERIFY(tooLong.errorMessage().startsWith("name: "));
        const auto description =
            post(json({{"name", "n"}, {"description", QString(501, 'd')}, {"members", one}}),
                 m_owner.token);
        EXPECT_ERROR(description, 400, "bad_request");
        QVERIFY(description.errorMessage().startsWith("description: "));
        EXPECT_ERROR(post(json({{"name", 5}, {"members", one}}), m_owner.token), 400,
                     "bad_request");
        EXPECT_ERROR(post(json({{"name", "n"}, {"members", "x"}}), m_owner.token), 400,
                     "bad_request");
        EXPECT_ERROR(post(json({{"name", "n"}, {"members", QJsonArray{"x"}}}), m_owner.token), 400,
                     "bad_request");
        EXPECT_ERROR(post(json({{"name", "n"}, {"members", QJsonArray{-3}}}), m_owner.token), 400,
                     "bad_request");
        EXPECT_ERROR(post("{not json", m_owner.token), 400, "bad_request");
        EXPECT_ERROR(post(json({{"name", "n"}, {"members", one}}), QString()), 401, "unauthorized");
        const auto notFriend =
            post(json({{"name", "n"}, {"members", QJsonArray{stranger.userId}}}), m_owner.token);
        EXPECT_ERROR(notFriend, 403, "forbidden");
        QVERIFY(notFriend.errorMessage().startsWith("members[0]: "));
        EXPECT_ERROR(post(json({{"name", "n"}, {"members", QJsonArray{qint64{9'000'000'000}}}}),
                          m_owner.token),
                     404, "not_found");
        EXPECT_STATUS(
            post(json({{"name", QString(64, 'n')}, {"members", QJsonArray{}}}), m_owner.token),
            201);
    }

    void addMemberTellsTheNewcomerThenEveryone() {
        auto pals = friendsOf(m_owner, 3);
        const auto id = group(m_owner, {pals[0]});
        QVERIFY(id);
        auto existing = live(pals[0]);
        auto newcomer = live(pals[1]);
        const auto added = m_api->addMember(m_owner, id, pals[1].userId);
        EXPECT_STATUS(added, 201);
        QCOMPARE(added.json.toObject()["role"].toString(), QString("member"));
        QCOMPARE(added.json.toObject()["user"].toObject()["id"].toInteger(), pals[1].userId);

        const auto first = newcomer->waitForMatch(
            [](const QJsonObject& frame) { return frame["op"].toString() != "presence"; });
        QCOMPARE(first["op"].toString(), QString("chat.added"));
        const auto seen = nextEvent(*newcomer, id, "member.added");
        QCOMPARE(seen["data"].toObject()["member"].toObject()["user"].toObject()["id"].toInteger(),
                 pals[1].userId);
        QCOMPARE(seen["seq"].toInteger(), first["chat"].toObject()["last_seq"].toInteger() + 1);
        QVERIFY(!nextEvent(*existing, id, "member.added").isEmpty());

        EXPECT_ERROR(m_api->addMember(m_owner, id, pals[1].userId), 409, "conflict");
        EXPECT_ERROR(m_api->addMember(pals[0], id, pals[2].userId), 403, "forbidden");
        const auto stranger = user("stranger");
        EXPECT_ERROR(m_api->addMember(m_owner, id, stranger.userId), 403, "forbidden");
        EXPECT_ERROR(m_api->addMember(m_owner, id, 9'000'000'000), 404, "not_found");
        EXPECT_ERROR(m_api->addMember(stranger, id, pals[2].userId), 404, "not_found");
        EXPECT_ERROR(m_http->post(QString("/api/v1/chats/%1/members").arg(id), "{}", m_owner.token),
                     400, "bad_request");
        EXPECT_ERROR(
            m_http->post("/api/v1/chats/abc/members", json({{"user_id", 1}}), m_owner.token), 400,
            "bad_request");
    }

    void aKickedMemberHearsItsRemovalAndThenNothing() {
        auto pals = friendsOf(m_owner, 3);
        const auto id = group(m_owner, pals);
        QVERIFY(id);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "moderator"), 200);
        auto kicked = live(pals[1]);
        auto watcher = live(pals[2]);
        EXPECT_STATUS(m_api->chats().postMessage(pals[1], id, "before"), 201);
        QVERIFY(!nextEvent(*kicked, id, "message.created").isEmpty());

        EXPECT_STATUS(m_api->removeMember(pals[0], id, pals[1].userId), 204);
        const auto removed = nextEvent(*kicked, id, "member.removed");
        QCOMPARE(removed["data"].toObject()["reason"].toString(), QString("kicked"));
        QCOMPARE(removed["data"].toObject()["user_id"].toInteger(), pals[1].userId);
        const auto gone = kicked->waitForOp("chat.removed");
        QCOMPARE(gone["chat_id"].toInteger(), id);
        QCOMPARE(gone["reason"].toString(), QString("kicked"));
        QVERIFY(!nextEvent(*watcher, id, "member.removed").isEmpty());

        EXPECT_STATUS(m_api->chats().postMessage(pals[2], id, "after"), 201);
        QVERIFY(!nextEvent(*watcher, id, "message.created").isEmpty());
        const auto later = kicked->collect(300);
        for (const auto& frame : later)
            QVERIFY2(frame["op"].toString() != "event", "the kicked member got an event");
        EXPECT_ERROR(m_api->chats().chat(pals[1], id), 404, "not_found");
        EXPECT_ERROR(m_api->chats().events(pals[1], id, 0), 404, "not_found");
        EXPECT_ERROR(m_api->chats().history(pals[1], id), 404, "not_found");
        EXPECT_ERROR(m_api->chats().postMessage(pals[1], id, "still here?"), 404, "not_found");

        // A moderator may not kick a moderator, nor a member kick anyone.
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[2].userId, "moderator"), 200);
        EXPECT_ERROR(m_api->removeMember(pals[0], id, pals[2].userId), 403, "forbidden");
        EXPECT_ERROR(m_api->removeMember(pals[0], id, m_owner.userId), 403, "forbidden");
        EXPECT_ERROR(m_api->removeMember(pals[0], id, pals[1].userId), 404, "not_found");
        EXPECT_ERROR(m_http->del(QString("/api/v1/chats/%1/members/0").arg(id), m_owner.token), 400,
                     "bad_request");
    }

    void leavingIsAnEventAndAChatRemoved() {
        auto pals = friendsOf(m_owner, 2);
        const auto id = group(m_owner, pals);
        auto leaver = live(pals[0]);
        auto watcher = live(pals[1]);
        EXPECT_STATUS(m_api->leave(pals[0], id), 204);
        QCOMPARE(nextEvent(*leaver, id, "member.removed")["data"].toObject()["reason"].toString(),
                 QString("left"));
        QCOMPARE(leaver->waitForOp("chat.removed")["reason"].toString(), QString("left"));
        QCOMPARE(nextEvent(*watcher, id, "member.removed")["actor"].toInteger(), pals[0].userId);
        QVERIFY(m_api->chats().chatInList(pals[0], id).isEmpty());
    }

    void rolesFollowTheTable() {
        auto pals = friendsOf(m_owner, 3);
        const auto id = group(m_owner, pals);
        auto watcher = live(pals[2]);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "admin"), 200);
        const auto role = nextEvent(*watcher, id, "member.role");
        QCOMPARE(role["data"].toObject()["user_id"].toInteger(), pals[0].userId);
        QCOMPARE(role["data"].toObject()["role"].toString(), QString("admin"));

        const auto set = m_api->setRole(pals[0], id, pals[1].userId, "moderator");
        EXPECT_STATUS(set, 200);
        QCOMPARE(set.json.toObject()["role"].toString(), QString("moderator"));
        EXPECT_ERROR(m_api->setRole(pals[0], id, pals[2].userId, "admin"), 403, "forbidden");
        EXPECT_ERROR(m_api->setRole(pals[1], id, pals[2].userId, "moderator"), 403, "forbidden");
        EXPECT_ERROR(m_api->setRole(pals[0], id, pals[0].userId, "member"), 403, "forbidden");
        EXPECT_ERROR(m_api->setRole(m_owner, id, pals[2].userId, "owner"), 400, "bad_request");
        EXPECT_ERROR(m_api->setRole(m_owner, id, pals[2].userId, "boss"), 400, "bad_request");
        EXPECT_ERROR(
            m_http->put(QString("/api/v1/chats/%1/members/%2/role").arg(id).arg(pals[2].userId),
                        json({{"role", 3}}), m_owner.token),
            400, "bad_request");
        EXPECT_ERROR(m_api->setRole(m_owner, id, 9'000'000'000, "member"), 404, "not_found");

        // Demoted while connected: the next request already counts the new role.
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "member"), 200);
        EXPECT_ERROR(m_api->setRole(pals[0], id, pals[1].userId, "member"), 403, "forbidden");
        EXPECT_ERROR(m_api->removeMember(pals[0], id, pals[2].userId), 403, "forbidden");
    }

    void ownershipTransfers() {
        auto pals = friendsOf(m_owner, 2);
        const auto id = group(m_owner, pals);
        auto watcher = live(pals[1]);
        EXPECT_ERROR(m_api->transferOwnership(pals[0], id, pals[1].userId), 403, "forbidden");
        EXPECT_ERROR(m_api->transferOwnership(m_owner, id, 9'000'000'000), 404, "not_found");
        EXPECT_ERROR(m_api->transferOwnership(m_owner, id, m_owner.userId), 400, "bad_request");
        const auto moved = m_api->transferOwnership(m_owner, id, pals[0].userId);
        EXPECT_STATUS(moved, 200);
        QCOMPARE(moved.json.toObject()["my_role"].toString(), QString("admin"));
        QCOMPARE(nextEvent(*watcher, id, "member.role")["data"].toObject()["role"].toString(),
                 QString("owner"));
        QCOMPARE(nextEvent(*watcher, id, "member.role")["data"].toObject()["role"].toString(),
                 QString("admin"));
        QCOMPARE(roleOf(pals[1], id, pals[0].userId), QString("owner"));
        QCOMPARE(roleOf(pals[1], id, m_owner.userId), QString("admin"));
        QCOMPARE(m_api->chats().chat(pals[0], id).json.toObject()["my_role"].toString(),
                 QString("owner"));
    }

    void successionPrefersRankThenSeniorityThenLowestId() {
        // Everyone joins at creation, at one instant: a tie between members goes to the lowest id.
        auto pals = friendsOf(m_owner, 3);
        auto id = group(m_owner, {pals[2], pals[1], pals[0]});
        auto watcher = live(pals[2]);
        EXPECT_STATUS(m_api->leave(m_owner, id), 204);
        const auto promoted = nextEvent(*watcher, id, "member.role");
        QCOMPARE(promoted["data"].toObject()["role"].toString(), QString("owner"));
        QCOMPARE(promoted["data"].toObject()["user_id"].toInteger(), pals[0].userId);

        // The higher role wins over seniority.
        id = group(m_owner, {pals[0], pals[1]});
        EXPECT_STATUS(m_api->addMember(m_owner, id, pals[2].userId), 201);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[2].userId, "moderator"), 200);
        EXPECT_STATUS(m_api->leave(m_owner, id), 204);
        QCOMPARE(roleOf(pals[0], id, pals[2].userId), QString("owner"));

        // Within one role the earliest joiner wins, whatever its id. Join times are in
        // milliseconds: the later join must fall in a later one, or the lowest id decides.
        id = group(m_owner, {pals[2]});
        QTest::qWait(5);
        EXPECT_STATUS(m_api->addMember(m_owner, id, pals[0].userId), 201);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "admin"), 200);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[2].userId, "admin"), 200);
        EXPECT_STATUS(m_api->leave(m_owner, id), 204);
        QCOMPARE(roleOf(pals[0], id, pals[2].userId), QString("owner"));
        QCOMPARE(roleOf(pals[0], id, pals[0].userId), QString("admin"));

        // The last one out deletes the group.
        id = group(m_owner, {pals[0]});
        EXPECT_STATUS(m_api->leave(m_owner, id), 204);
        EXPECT_STATUS(m_api->leave(pals[0], id), 204);
        EXPECT_ERROR(m_api->chats().chat(pals[0], id), 404, "not_found");
        EXPECT_ERROR(m_api->chats().chat(m_owner, id), 404, "not_found");
    }

    void deletingTellsEveryone() {
        auto pals = friendsOf(m_owner, 2);
        const auto id = group(m_owner, pals);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "admin"), 200);
        auto socket = live(pals[1]);
        EXPECT_ERROR(m_api->deleteGroup(pals[0], id), 403, "forbidden");
        EXPECT_STATUS(m_api->deleteGroup(m_owner, id), 204);
        const auto removed = socket->waitForOp("chat.removed");
        QCOMPARE(removed["chat_id"].toInteger(), id);
        QCOMPARE(removed["reason"].toString(), QString("deleted"));
        EXPECT_ERROR(m_api->chats().chat(pals[1], id), 404, "not_found");
        EXPECT_ERROR(m_api->deleteGroup(m_owner, id), 404, "not_found");
        // Group actions on a direct chat: the member knows the chat, so 403.
        const auto direct = m_api->chats().makeFriends(pals[0], pals[1]);
        EXPECT_ERROR(m_api->deleteGroup(pals[0], direct), 403, "forbidden");
        EXPECT_ERROR(m_api->removeMember(pals[0], direct, pals[1].userId), 403, "forbidden");
        EXPECT_ERROR(m_api->rename(pals[0], direct, "x"), 403, "forbidden");
    }

    void bannedUsersStayOutUntilUnbanned() {
        auto pals = friendsOf(m_owner, 4);
        const auto id = group(m_owner, {pals[0], pals[1], pals[2]});
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "moderator"), 200);
        auto banned = live(pals[1]);
        auto watcher = live(pals[2]);
        EXPECT_ERROR(m_api->ban(pals[0], id, pals[1].userId), 403, "forbidden");
        EXPECT_STATUS(m_api->ban(m_owner, id, pals[1].userId, "spam"), 204);
        QCOMPARE(nextEvent(*banned, id, "member.removed")["data"].toObject()["reason"].toString(),
                 QString("banned"));
        QCOMPARE(banned->waitForOp("chat.removed")["reason"].toString(), QString("banned"));
        QVERIFY(!nextEvent(*watcher, id, "member.removed").isEmpty());
        EXPECT_ERROR(m_api->chats().chat(pals[1], id), 404, "not_found");
        EXPECT_ERROR(m_api->addMember(m_owner, id, pals[1].userId), 403, "forbidden");
        EXPECT_ERROR(m_api->ban(m_owner, id, pals[1].userId), 409, "conflict");
        EXPECT_STATUS(m_api->ban(m_owner, id, pals[3].userId), 204);  // not a member
        EXPECT_ERROR(m_api->addMember(m_owner, id, pals[3].userId), 403, "forbidden");

        const auto list = m_api->bans(m_owner, id);
        EXPECT_STATUS(list, 200);
        QCOMPARE(list.json.toArray().size(), 2);
        bool found = false;
        for (const auto& entry : list.json.toArray()) {
            const auto ban = entry.toObject();
            if (ban["user"].toObject()["id"].toInteger() != pals[1].userId)
                continue;
            found = true;
            QCOMPARE(ban["reason"].toString(), QString("spam"));
            QCOMPARE(ban["actor"].toInteger(), m_owner.userId);
        }
        QVERIFY(found);
        EXPECT_ERROR(m_api->bans(pals[0], id), 403, "forbidden");
        EXPECT_ERROR(m_api->bans(pals[1], id), 404, "not_found");

        EXPECT_ERROR(m_api->unban(pals[0], id, pals[1].userId), 403, "forbidden");
        EXPECT_STATUS(m_api->unban(m_owner, id, pals[1].userId), 204);
        QCOMPARE(
            nextEvent(*watcher, id, "member.unbanned")["data"].toObject()["user_id"].toInteger(),
            pals[1].userId);
        EXPECT_ERROR(m_api->unban(m_owner, id, pals[1].userId), 404, "not_found");
        EXPECT_STATUS(m_api->addMember(m_owner, id, pals[1].userId), 201);
        EXPECT_ERROR(m_api->ban(m_owner, id, pals[2].userId, QString(501, 'r')), 400,
                     "bad_request");
        EXPECT_ERROR(m_api->ban(m_owner, id, m_owner.userId), 403, "forbidden");
    }

    void settingsChangeIsAnEvent() {
        auto pals = friendsOf(m_owner, 2);
        const auto id = group(m_owner, pals);
        EXPECT_STATUS(m_api->setRole(m_owner, id, pals[0].userId, "admin"), 200);
        auto watcher = live(pals[1]);
        const auto patched = m_api->updateChat(
            pals[0], id,
            {{"name", "Renamed"},
             {"description", "About"},
             {"settings", QJsonObject{{"slow_mode_s", 30}, {"only_admins_post", true}}}});
        EXPECT_STATUS(patched, 200);
        QCOMPARE(patched.json.toObject()["name"].toString(), QString("Renamed"));
        QCOMPARE(patched.json.toObject()["settings"].toObject()["slow_mode_s"].toInt(), 30);
        const auto updated = nextEvent(*watcher, id, "chat.updated");
        const auto chat = updated["data"].toObject()["chat"].toObject();
        QCOMPARE(chat["name"].toString(), QString("Renamed"));
        QCOMPARE(chat["description"].toString(), QString("About"));
        QCOMPARE(chat["settings"].toObject()["only_admins_post"].toBool(), true);
        QCOMPARE(chat["last_seq"].toInteger(), updated["seq"].toInteger());

        EXPECT_ERROR(m_api->rename(pals[1], id, "Mine"), 403, "forbidden");
        EXPECT_ERROR(m_api->updateChat(pals[0], id, {{"avatar", QString(64, 'a')}}), 404,
                     "not_found");
        EXPECT_STATUS(m_api->updateChat(pals[0], id, {{"avatar", QJsonValue::Null}}), 200);
        EXPECT_ERROR(m_api->updateChat(pals[0], id, {{"name", ""}}), 400, "bad_request");
        EXPECT_ERROR(m_api->updateChat(pals[0], id, {{"description", QString(501, 'd')}}), 400,
                     "bad_request");
        EXPECT_ERROR(
            m_api->updateChat(pals[0], id, {{"settings", QJsonObject{{"slow_mode_s", 21601}}}}),
            400, "bad_request");
        EXPECT_ERROR(
            m_api->updateChat(pals[0], id, {{"settings", QJsonObject{{"slow_mode_s", -1}}}}), 400,
            "bad_request");
        EXPECT_ERROR(m_api->updateChat(pals[0], id, {{"settings", 5}}), 400, "bad_request");
        EXPECT_ERROR(m_api->updateChat(pals[0], id,
                                       {{"settings", QJsonObject{{"only_admins_post", "yes"}}}}),
                     400, "bad_request");
        EXPECT_ERROR(m_http->patch(QString("/api/v1/chats/%1").arg(id), "[]", pals[0].token), 400,
                     "bad_request");
        // null for a field that cannot be null is ignored.
        EXPECT_STATUS(m_api->updateChat(pals[0], id, {{"name", QJsonValue::Null}}), 200);
        QCOMPARE(m_api->chats().chat(pals[1], id).json.toObject()["name"].toString(),
                 QString("Renamed"));
    }

    void anExpiredMuteShowsAsNone() {
        auto pals = friendsOf(m_owner, 2);
        const auto id = group(m_owner, pals);
        QVERIFY(id);
        const auto& muted = pals[0];
        EXPECT_STATUS(m_api->mute(m_owner, id, muted.userId, 1), 204);
        const auto during = m_api->member(pals[1], id, muted.userId);
        QVERIFY2(!during["muted_until"].isNull(), "a mute in force shows its end");
        const qint64 until = during["muted_until"].toInteger();
        EXPECT_ERROR(m_api->chats().postMessage(muted, id, "while muted"), 403, "forbidden");

        // The server shares this machine's clock: wait until its mute end has passed.
        QTRY_VERIFY_WITH_TIMEOUT(QDateTime::currentMSecsSinceEpoch() > until + 20, 3000);
        for (const auto& viewer : {m_owner, pals[1], muted})
            QVERIFY2(m_api->member(viewer, id, muted.userId)["muted_until"].isNull(),
                     "an expired mute shows as null in GET members");
        const auto promoted = m_api->setRole(m_owner, id, muted.userId, "moderator");
        EXPECT_STATUS(promoted, 200);
        QVERIFY(promoted.json.toObject()["muted_until"].isNull());
        EXPECT_STATUS(m_api->setRole(m_owner, id, muted.userId, "member"), 200);
        EXPECT_STATUS(m_api->chats().postMessage(muted, id, "free again"), 201);
        // Unmuting an expired mute is no change: 204 and no event.
        auto watcher = live(pals[1]);
        EXPECT_STATUS(m_api->unmute(m_owner, id, muted.userId), 204);
        EXPECT_STATUS(m_api->chats().postMessage(m_owner, id, "marker"), 201);
        const auto next = watcher->waitForMatch([id](const QJsonObject& frame) {
            return frame["op"].toString() == "event" &&
                   frame["event"].toObject()["chat_id"].toInteger() == id;
        });
        QCOMPARE(next["event"].toObject()["type"].toString(), QString("message.created"));
    }

private:
    TestUser m_owner;
};

QTEST_GUILESS_MAIN(TestServerGroups)
#include "tst_server_groups.moc"
