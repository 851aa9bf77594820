// The group permission table of PROTOCOL.md against the real server, row by row, plus what follows
// from it over time: a role lowered while connected, succession, a ban that outlives membership.
#include <QFile>
#include <QJsonArray>
#include <QtTest>
#include <algorithm>
#include <memory>

#include "tests/server/permission_table.h"
#include "tests/support/group_api.h"
#include "tests/support/server_process.h"
#include "tests/support/ws_client.h"

using namespace testsupport;
using test::Action;
using test::Actor;
using test::Outcome;
using test::PermissionRow;
using test::Target;

Q_DECLARE_METATYPE(test::PermissionRow)

namespace {

// Messages the former member posts before it leaves each fresh group: enough for the rows that
// need one before the group is replaced anyway.
constexpr int leaverMessages = 6;

QString roleName(Action action) {
    switch (action) {
        case Action::RoleAdmin:
            return QStringLiteral("admin");
        case Action::RoleModerator:
            return QStringLiteral("moderator");
        default:
            break;
    }
    return QStringLiteral("member");
}

// Actions whose success leaves the group as the next rows expect it.
bool keepsGroup(Action action) {
    switch (action) {
        case Action::Post:
        case Action::EditOwn:
        case Action::DeleteOwn:
        case Action::DeleteOther:
        case Action::Pin:
        case Action::Unpin:
        case Action::Mute:
        case Action::Unmute:
        case Action::Unban:
        case Action::Rename:
        case Action::Describe:
        case Action::ViewAudit:
            return true;
        default:
            break;
    }
    return false;
}

qint64 messageId(const HttpResult& posted) {
    return posted.status == 201 ? posted.json.toObject().value("id").toInteger() : 0;
}

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

class TstGroupPermissions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void permissionTable_data();
    void permissionTable();

    void demotedAdminIsRefusedTheNextKickAtOnce();
    void demotedAdminIsRefusedAWebSocketSendUnderOnlyAdminsPost();
    void ownerLeavingPassesOwnershipByRank();
    void successionPrefersEarliestJoinedThenLowestId();
    void lastMemberLeavingDeletesTheGroup();
    void bannedUserCannotBeReaddedUntilUnbanned();

private:
    // The group the table's rows share while none of them changed who holds what.
    struct RowGroup {
        qint64 chatId = 0;
        QList<qint64> leaverMessages;
        bool banned = false;  // the bannee is banned from it
    };

    const TestUser& actorUser(Actor actor) const;
    const TestUser& targetUser(Target target) const;
    // A fresh group (replacing the current one) where the leaver posted and left; empty or
    // the failing step.
    QString freshGroup();
    // Runs the row's set-up and its action; `setupError` names a set-up step that failed.
    HttpResult runRow(const PermissionRow& row, QString* setupError);
    // A new message by `user` in the current group; 0 when the post failed.
    qint64 postAs(const TestUser& user, QString* setupError);
    // Leaves the group ready for the next row: unmutes a target a row left muted, and drops the
    // group when the row changed its members or roles.
    void afterRow(const PermissionRow& row, int got);
    // A group of the owner and `members`, with the roles given.
    qint64 groupWith(const QList<QPair<const TestUser*, QString>>& members);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GroupApi> m_api;
    RoleCast m_cast;
    RowGroup m_group;
    QList<Outcome> m_outcomes;
    int m_groupsMade = 0;
    QString m_missingRoute;  // the endpoint groupWith() found missing
};

void TstGroupPermissions::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<GroupApi>(*m_http);
    QString error;
    m_cast = makeRoleCast(*m_http, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
}

void TstGroupPermissions::cleanupTestCase() {
    if (m_outcomes.isEmpty())
        return;
    const QString grid = test::formatGrid(m_outcomes);
    qInfo().noquote() << "\nGroup permission table (" << m_groupsMade << "groups):\n" << grid;
    const QString path = qEnvironmentVariable("MESSENGER_PERMISSION_TABLE");
    if (!path.isEmpty()) {
        QFile file(path);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate | QIODevice::Text))
            file.write(grid.toUtf8());
        else
            qWarning("MESSENGER_PERMISSION_TABLE: cannot write %s", qPrintable(path));
    }
}

const TestUser& TstGroupPermissions::actorUser(Actor actor) const {
    switch (actor) {
        case Actor::Owner:
            return m_cast.owner;
        case Actor::Admin:
            return m_cast.admin;
        case Actor::Moderator:
            return m_cast.moderator;
        case Actor::Member:
            return m_cast.member;
        case Actor::ExMember:
            return m_cast.leaver;
        case Actor::Stranger:
            break;
    }
    return m_cast.stranger;
}

const TestUser& TstGroupPermissions::targetUser(Target target) const {
    switch (target) {
        case Target::Owner:
            return m_cast.owner;
        case Target::Admin:
            return m_cast.admin2;
        case Target::Moderator:
            return m_cast.moderator2;
        case Target::Member:
            return m_cast.member2;
        case Target::Left:
            return m_cast.leaver;
        case Target::Banned:
            return m_cast.bannee;
        case Target::None:
        case Target::NonMember:
            break;
    }
    return m_cast.outsider;
}

QString TstGroupPermissions::freshGroup() {
    m_group = RowGroup{};
    const RoleGroup group =
        makeRoleGroup(*m_api, m_cast, QStringLiteral("table %1").arg(++m_groupsMade));
    if (!group.ok())
        return group.error;
    QString error;
    QList<qint64> posted;
    for (int i = 0; i < leaverMessages; ++i) {
        const qint64 id = messageId(m_api->chats().postMessage(m_cast.leaver, group.chatId,
                                                               QStringLiteral("before leaving")));
        if (id == 0)
            return QStringLiteral("the leaver's post");
        posted.append(id);
    }
    const HttpResult left = m_api->leave(m_cast.leaver, group.chatId);
    if (left.status != 204)
        return QStringLiteral("the leaver leaves: ") + QString::fromUtf8(left.describe());
    m_group.chatId = group.chatId;
    m_group.leaverMessages = posted;
    return {};
}

qint64 TstGroupPermissions::postAs(const TestUser& user, QString* setupError) {
    const HttpResult posted =
        m_api->chats().postMessage(user, m_group.chatId, QStringLiteral("a message for the row"));
    const qint64 id = messageId(posted);
    if (id == 0)
        *setupError = QStringLiteral("post as %1: %2")
                          .arg(user.username, QString::fromUtf8(posted.describe()));
    return id;
}

HttpResult TstGroupPermissions::runRow(const PermissionRow& row, QString* setupError) {
    ChatApi& chats = m_api->chats();
    const TestUser& actor = actorUser(row.actor);
    const TestUser& target = targetUser(row.target);
    const qint64 chatId = m_group.chatId;
    const auto leaverMessage = [&]() -> qint64 {
        if (m_group.leaverMessages.isEmpty()) {
            *setupError = QStringLiteral("no message of the leaver left");
            return 0;
        }
        return m_group.leaverMessages.takeFirst();
    };

    switch (row.action) {
        case Action::Post:
            return chats.postMessage(actor, chatId, QStringLiteral("posting"));
        case Action::EditOwn:
        case Action::DeleteOwn: {
            const qint64 id =
                row.actor == Actor::ExMember ? leaverMessage() : postAs(actor, setupError);
            if (id == 0)
                return {};
            return row.action == Action::EditOwn
                       ? chats.editMessage(actor, id, QStringLiteral("edited"))
                       : chats.deleteMessage(actor, id);
        }
        case Action::Leave:
            return m_api->leave(actor, chatId);
        case Action::DeleteOther: {
            const qint64 id =
                row.target == Target::Left ? leaverMessage() : postAs(target, setupError);
            return id == 0 ? HttpResult{} : chats.deleteMessage(actor, id);
        }
        case Action::Pin:
        case Action::Unpin: {
            const qint64 id = postAs(m_cast.member2, setupError);
            if (id == 0)
                return {};
            if (row.action == Action::Pin)
                return chats.pin(actor, chatId, id);
            const HttpResult pinned = chats.pin(m_cast.owner, chatId, id);
            if (pinned.status != 204) {
                *setupError = QStringLiteral("owner pins: ") + QString::fromUtf8(pinned.describe());
                return {};
            }
            return chats.unpin(actor, chatId, id);
        }
        case Action::Mute:
            return m_api->mute(actor, chatId, target.userId, 3600);
        case Action::Unmute:
            if (row.target != Target::Owner) {
                const HttpResult muted = m_api->mute(m_cast.owner, chatId, target.userId, 3600);
                if (muted.status != 204) {
                    *setupError =
                        QStringLiteral("owner mutes: ") + QString::fromUtf8(muted.describe());
                    return muted;
                }
            }
            return m_api->unmute(actor, chatId, target.userId);
        case Action::Kick:
            return m_api->removeMember(actor, chatId, target.userId);
        case Action::Ban:
            return m_api->ban(actor, chatId, target.userId, QStringLiteral("the table says so"));
        case Action::Unban:
            if (!m_group.banned) {
                const HttpResult banned = m_api->ban(m_cast.owner, chatId, target.userId);
                if (banned.status != 204) {
                    *setupError =
                        QStringLiteral("owner bans: ") + QString::fromUtf8(banned.describe());
                    return banned;
                }
                m_group.banned = true;
            }
            return m_api->unban(actor, chatId, target.userId);
        case Action::AddMember:
            return m_api->addMember(actor, chatId, target.userId);
        case Action::RoleMember:
        case Action::RoleModerator:
        case Action::RoleAdmin:
            return m_api->setRole(actor, chatId, target.userId, roleName(row.action));
        case Action::Rename:
            return m_api->rename(actor, chatId,
                                 QStringLiteral("renamed by %1").arg(actor.username));
        case Action::Describe:
            return m_api->describe(actor, chatId, QStringLiteral("described"));
        case Action::Settings:
            return m_api->setSettings(actor, chatId, 10, true);
        case Action::ViewAudit:
            return m_api->audit(actor, chatId);
        case Action::Transfer:
            return m_api->transferOwnership(actor, chatId, target.userId);
        case Action::DeleteGroup:
            return m_api->deleteGroup(actor, chatId);
    }
    return {};
}

void TstGroupPermissions::afterRow(const PermissionRow& row, int got) {
    const bool succeeded = got >= 200 && got < 300;
    if (succeeded && !keepsGroup(row.action)) {
        m_group = RowGroup{};
        return;
    }
    if (row.action == Action::Unban && succeeded)
        m_group.banned = false;
    const bool targetMuted =
        (row.action == Action::Mute && succeeded) || (row.action == Action::Unmute && !succeeded);
    if (targetMuted && row.target != Target::Owner) {
        const HttpResult unmuted =
            m_api->unmute(m_cast.owner, m_group.chatId, targetUser(row.target).userId);
        if (unmuted.status != 204)
            m_group = RowGroup{};
    }
}

void TstGroupPermissions::permissionTable_data() {
    QTest::addColumn<PermissionRow>("row");
    for (const PermissionRow& row : test::permissionTable()) {
        const QString name = QStringLiteral("%1 | %2 | %3")
                                 .arg(test::actionName(row.action), test::actorName(row.actor),
                                      test::targetName(row.target));
        QTest::newRow(qPrintable(name)) << row;
    }
}

void TstGroupPermissions::permissionTable() {
    QFETCH(PermissionRow, row);
    Outcome outcome{row, 0, {}};
    if (m_group.chatId == 0) {
        const QString error = freshGroup();
        if (!error.isEmpty()) {
            m_outcomes.append(outcome);
            m_group = RowGroup{};
            QSKIP(qPrintable(QStringLiteral("no group for the row (missing endpoint?): ") + error));
        }
    }
    QString setupError;
    const HttpResult answer = runRow(row, &setupError);
    if (!setupError.isEmpty()) {
        m_outcomes.append(outcome);
        m_group = RowGroup{};
        if (GroupApi::isMissingRoute(answer) || setupError.contains(QLatin1String("path: ")))
            QSKIP(qPrintable(QStringLiteral("set-up needs a missing endpoint: ") + setupError));
        QFAIL(qPrintable(QStringLiteral("set-up: ") + setupError));
    }
    outcome.got = answer.status;
    afterRow(row, answer.status);
    if (GroupApi::isMissingRoute(answer)) {
        outcome.got = 0;
        m_outcomes.append(outcome);
        QSKIP(qPrintable(QStringLiteral("endpoint missing: ") +
                         QString::fromUtf8(answer.describe())));
    }
    m_outcomes.append(outcome);
    QVERIFY2(answer.status == row.expected,
             qPrintable(QStringLiteral("expected %1, got %2")
                            .arg(row.expected)
                            .arg(QString::fromUtf8(answer.describe()))));
    if (!row.allowed)
        QVERIFY2(answer.hasErrorBody() &&
                     answer.errorCode() == (row.expected == 404 ? "not_found" : "forbidden"),
                 answer.describe().constData());
}

qint64 TstGroupPermissions::groupWith(const QList<QPair<const TestUser*, QString>>& members) {
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

void TstGroupPermissions::demotedAdminIsRefusedTheNextKickAtOnce() {
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

void TstGroupPermissions::demotedAdminIsRefusedAWebSocketSendUnderOnlyAdminsPost() {
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

void TstGroupPermissions::ownerLeavingPassesOwnershipByRank() {
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

void TstGroupPermissions::successionPrefersEarliestJoinedThenLowestId() {
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

void TstGroupPermissions::lastMemberLeavingDeletesTheGroup() {
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

void TstGroupPermissions::bannedUserCannotBeReaddedUntilUnbanned() {
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

QTEST_GUILESS_MAIN(TstGroupPermissions)
#include "tst_group_permissions.moc"
