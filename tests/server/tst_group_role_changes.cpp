// What the permission table implies over time, against the real server: a role lowered while
// connected takes effect at once (REST and WebSocket), ownership passes by rank, then joined time,
// then id when the owner leaves, the last member out deletes the group, and a ban outlives
// membership until it is lifted.
#include <QJsonArray>
#include <QtTest>
#include <memory>

#include "tests/support/group_api.h"
#include "tests/support/server_process.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

QString roleOf(const QJsonObject& member) {
    return member.value("role").toString();
}

}  // namespace

// Skips the test while the endpoint is not built at all (a 404 "path: ..." or a 405), the one
// reason to skip; otherwise the answer must have the status.
#define EXPECT_STATUS(call, expected)                                           \
    do {                                                                        \
        const HttpResult answer_ = (call);                                      \
        if (GroupApi::isMissingRoute(answer_))                                  \
            QSKIP("endpoint missing: " #call);                                  \
        QVERIFY2(answer_.status == (expected), answer_.describe().constData()); \
    } while (false)

// A scenario's group: skipped while groups cannot be made at all.
#define REQUIRE_GROUP(chatId)                           \
    do {                                                \
        if ((chatId) == 0 && !m_missingRoute.isEmpty()) \
            QSKIP(qPrintable(m_missingRoute));          \
        QVERIFY((chatId) > 0);                          \
    } while (false)

class TstGroupRoleChanges : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();

    void demotedAdminIsRefusedTheNextKickAtOnce();
    void demotedAdminIsRefusedAWebSocketSendUnderOnlyAdminsPost();
    void ownerLeavingPassesOwnershipByRank();
    void successionPrefersEarliestJoinedThenLowestId();
    void lastMemberLeavingDeletesTheGroup();
    void bannedUserCannotBeReaddedUntilUnbanned();

private:
    // A group of the owner and `members`, with the roles given; 0 when a step failed.
    qint64 groupWith(const QList<QPair<const TestUser*, QString>>& members);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GroupApi> m_api;
    RoleCast m_cast;
    QString m_missingRoute;  // the endpoint groupWith() found missing
};

void TstGroupRoleChanges::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<GroupApi>(*m_http);
    QString error;
    m_cast = makeRoleCast(*m_http, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

qint64 TstGroupRoleChanges::groupWith(const QList<QPair<const TestUser*, QString>>& members) {
    QList<qint64> ids;
    for (const auto& [user, role] : members)
        ids.append(user->userId);
    const HttpResult created = m_api->createGroup(m_cast.owner, QStringLiteral("scenario"), ids);
    if (GroupApi::isMissingRoute(created))
        m_missingRoute = QStringLiteral("endpoint missing: POST /api/v1/groups");
    if (created.status != 201) {
        qWarning("create group: %s", created.describe().constData());
        return 0;
    }
    const qint64 chatId = created.json["id"].toInteger();
    for (const auto& [user, role] : members) {
        if (role == QLatin1String("member"))
            continue;
        const HttpResult set = m_api->setRole(m_cast.owner, chatId, user->userId, role);
        if (GroupApi::isMissingRoute(set))
            m_missingRoute = QStringLiteral("endpoint missing: PUT members/{id}/role");
        if (set.status != 200) {
            qWarning("set role: %s", set.describe().constData());
            return 0;
        }
    }
    return chatId;
}

void TstGroupRoleChanges::demotedAdminIsRefusedTheNextKickAtOnce() {
    const qint64 chatId = groupWith(
        {{&m_cast.admin, "admin"}, {&m_cast.member, "member"}, {&m_cast.member2, "member"}});
    REQUIRE_GROUP(chatId);
    WsClient adminSocket(*m_server);
    QVERIFY2(adminSocket.connectAs(m_server->wsUrl(), m_cast.admin.token),
             qPrintable(adminSocket.errorString()));

    EXPECT_STATUS(m_api->removeMember(m_cast.admin, chatId, m_cast.member.userId), 204);
    const HttpResult demoted = m_api->setRole(m_cast.owner, chatId, m_cast.admin.userId, "member");
    EXPECT_STATUS(demoted, 200);
    QCOMPARE(roleOf(demoted.json.toObject()), QStringLiteral("member"));

    const HttpResult kick = m_api->removeMember(m_cast.admin, chatId, m_cast.member2.userId);
    EXPECT_STATUS(kick, 403);
    QCOMPARE(roleOf(m_api->member(m_cast.owner, chatId, m_cast.member2.userId)),
             QStringLiteral("member"));
    const QJsonObject roleEvent = adminSocket.waitForEvent(chatId, "member.role");
    QCOMPARE(roleEvent["event"]["data"]["role"].toString(), QStringLiteral("member"));
    QCOMPARE(m_api->chats().chat(m_cast.admin, chatId).json["my_role"].toString(),
             QStringLiteral("member"));
}

void TstGroupRoleChanges::demotedAdminIsRefusedAWebSocketSendUnderOnlyAdminsPost() {
    const qint64 chatId = groupWith({{&m_cast.admin, "admin"}, {&m_cast.member, "member"}});
    REQUIRE_GROUP(chatId);
    EXPECT_STATUS(m_api->setSettings(m_cast.owner, chatId, 0, true), 200);
    WsClient socket(*m_server);
    QVERIFY2(socket.connectAs(m_server->wsUrl(), m_cast.admin.token),
             qPrintable(socket.errorString()));
    const auto send = [&](const QString& clientId) {
        socket.sendJson({{"op", "send"},
                         {"chat_id", chatId},
                         {"client_id", clientId},
                         {"text", "only admins here"}});
        return socket.waitForMatch([&](const QJsonObject& frame) {
            const QString op = frame["op"].toString();
            return (op == "ack" || op == "error") && frame["client_id"].toString() == clientId;
        });
    };

    QCOMPARE(send("as-admin")["op"].toString(), QStringLiteral("ack"));
    QCOMPARE(m_api->chats().postMessage(m_cast.member, chatId, "me too?").status, 403);
    EXPECT_STATUS(m_api->setRole(m_cast.owner, chatId, m_cast.admin.userId, "member"), 200);
    const QJsonObject refused = send("as-member");
    QCOMPARE(refused["op"].toString(), QStringLiteral("error"));
    QCOMPARE(refused["code"].toString(), QStringLiteral("forbidden"));
    QCOMPARE(m_api->chats().postMessage(m_cast.admin, chatId, "over REST").status, 403);
}

void TstGroupRoleChanges::ownerLeavingPassesOwnershipByRank() {
    const qint64 chatId = groupWith(
        {{&m_cast.member, "member"}, {&m_cast.moderator, "moderator"}, {&m_cast.admin, "admin"}});
    REQUIRE_GROUP(chatId);
    ChatApi& chats = m_api->chats();
    const QList<QPair<const TestUser*, const TestUser*>> hand{{&m_cast.owner, &m_cast.admin},
                                                              {&m_cast.admin, &m_cast.moderator},
                                                              {&m_cast.moderator, &m_cast.member}};
    for (const auto& [leaving, heir] : hand) {
        const HttpResult left = m_api->leave(*leaving, chatId);
        EXPECT_STATUS(left, 204);
        QCOMPARE(chats.chat(*heir, chatId).json["my_role"].toString(), QStringLiteral("owner"));
        QCOMPARE(roleOf(m_api->member(*heir, chatId, heir->userId)), QStringLiteral("owner"));
        QCOMPARE(chats.chat(*leaving, chatId).status, 404);
    }
    // The new owner holds every power of the old one.
    EXPECT_STATUS(m_api->rename(m_cast.member, chatId, "mine now"), 200);
}

void TstGroupRoleChanges::successionPrefersEarliestJoinedThenLowestId() {
    // admin2 registered after admin, so its id is higher; it joins first.
    QVERIFY(m_cast.admin2.userId > m_cast.admin.userId);
    const qint64 chatId = groupWith({{&m_cast.admin2, "admin"}});
    REQUIRE_GROUP(chatId);
    QTest::qWait(5);
    EXPECT_STATUS(m_api->addMember(m_cast.owner, chatId, m_cast.admin.userId), 201);
    EXPECT_STATUS(m_api->setRole(m_cast.owner, chatId, m_cast.admin.userId, "admin"), 200);
    const qint64 earlier =
        m_api->member(m_cast.owner, chatId, m_cast.admin2.userId)["joined_ts"].toInteger();
    const qint64 later =
        m_api->member(m_cast.owner, chatId, m_cast.admin.userId)["joined_ts"].toInteger();
    QVERIFY2(earlier < later, "admin2 must have joined first");
    EXPECT_STATUS(m_api->leave(m_cast.owner, chatId), 204);
    QCOMPARE(roleOf(m_api->member(m_cast.admin, chatId, m_cast.admin2.userId)),
             QStringLiteral("owner"));
    QCOMPARE(roleOf(m_api->member(m_cast.admin, chatId, m_cast.admin.userId)),
             QStringLiteral("admin"));

    // Members who joined together: the lowest id among the earliest.
    const qint64 tied = groupWith({{&m_cast.member2, "member"}, {&m_cast.member, "member"}});
    REQUIRE_GROUP(tied);
    const QJsonArray members = m_api->members(m_cast.owner, tied).json.toArray();
    QCOMPARE(members.size(), 3);
    qint64 heir = 0;
    qint64 heirJoined = 0;
    for (const QJsonValue& entry : members) {
        const qint64 id = entry["user"]["id"].toInteger();
        const qint64 joined = entry["joined_ts"].toInteger();
        if (id == m_cast.owner.userId)
            continue;
        if (heir == 0 || joined < heirJoined || (joined == heirJoined && id < heir)) {
            heir = id;
            heirJoined = joined;
        }
    }
    EXPECT_STATUS(m_api->leave(m_cast.owner, tied), 204);
    QCOMPARE(roleOf(m_api->member(m_cast.member, tied, heir)), QStringLiteral("owner"));
}

void TstGroupRoleChanges::lastMemberLeavingDeletesTheGroup() {
    const qint64 chatId = groupWith({{&m_cast.member, "member"}});
    REQUIRE_GROUP(chatId);
    EXPECT_STATUS(m_api->leave(m_cast.member, chatId), 204);
    WsClient socket(*m_server);
    QVERIFY(socket.connectAs(m_server->wsUrl(), m_cast.owner.token));
    EXPECT_STATUS(m_api->leave(m_cast.owner, chatId), 204);
    const QJsonObject removed = socket.waitForOp("chat.removed");
    QCOMPARE(removed["chat_id"].toInteger(), chatId);
    QCOMPARE(m_api->chats().chat(m_cast.owner, chatId).status, 404);
    QVERIFY(m_api->chats().chatInList(m_cast.owner, chatId).isEmpty());
    // Nobody can bring it back: adding to it finds no group.
    EXPECT_STATUS(m_api->addMember(m_cast.owner, chatId, m_cast.member.userId), 404);
}

void TstGroupRoleChanges::bannedUserCannotBeReaddedUntilUnbanned() {
    const qint64 chatId = groupWith({{&m_cast.admin, "admin"}, {&m_cast.member2, "member"}});
    REQUIRE_GROUP(chatId);
    EXPECT_STATUS(m_api->ban(m_cast.owner, chatId, m_cast.member2.userId, "spam"), 204);
    QCOMPARE(m_api->chats().chat(m_cast.member2, chatId).status, 404);
    const QJsonArray bans = m_api->bans(m_cast.owner, chatId).json.toArray();
    QCOMPARE(bans.size(), 1);
    QCOMPARE(bans.first()["user"]["id"].toInteger(), m_cast.member2.userId);
    QCOMPARE(bans.first()["reason"].toString(), QStringLiteral("spam"));

    // The owner is member2's friend: the ban alone refuses it.
    const HttpResult refused = m_api->addMember(m_cast.owner, chatId, m_cast.member2.userId);
    EXPECT_STATUS(refused, 403);
    QCOMPARE(m_api->chats().chat(m_cast.member2, chatId).status, 404);
    EXPECT_STATUS(m_api->unban(m_cast.admin, chatId, m_cast.member2.userId), 204);
    QVERIFY(m_api->bans(m_cast.owner, chatId).json.toArray().isEmpty());
    const HttpResult readd = m_api->addMember(m_cast.owner, chatId, m_cast.member2.userId);
    EXPECT_STATUS(readd, 201);
    QCOMPARE(m_api->chats().chat(m_cast.member2, chatId).status, 200);
}

QTEST_GUILESS_MAIN(TstGroupRoleChanges)
#include "tst_group_role_changes.moc"
