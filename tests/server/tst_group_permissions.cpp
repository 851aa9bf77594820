// The group permission table of PROTOCOL.md against the real server, row by row, plus what follows
// from it over time: a role lowered while connected, succession, a ban that outlives membership.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>
#include <map>
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

qint64 messageId(const HttpResult& posted) {
    return posted.status == 201 ? posted.json.toObject().value("id").toInteger() : 0;
}

QString roleOf(const QJsonObject& member) {
    return member.value("role").toString();
}

// A set-up answer that means the endpoint is not built at all (see GroupApi::isMissingRoute).
bool isNoRoute(const QString& describedAnswer) {
    return describedAnswer.contains(QLatin1String("path: no such resource")) ||
           describedAnswer.contains(QLatin1String("HTTP 405"));
}

bool containsUser(const QJsonArray& list, qint64 userId) {
    for (const QJsonValue& entry : list) {
        if (entry["user"]["id"].toInteger() == userId)
            return true;
    }
    return false;
}

bool containsMessage(const QJsonArray& messages, qint64 messageId) {
    for (const QJsonValue& message : messages) {
        if (message["id"].toInteger() == messageId)
            return true;
    }
    return false;
}

QJsonObject messageIn(const HttpResult& history, qint64 messageId) {
    for (const QJsonValue& message : history.json["messages"].toArray()) {
        if (message["id"].toInteger() == messageId)
            return message.toObject();
    }
    return {};
}

QString expectShown(const char* what, bool shown, bool expected) {
    if (shown == expected)
        return {};
    return QStringLiteral("%1: %2 after the row, where the answer means %3")
        .arg(QString::fromLatin1(what), shown ? "yes" : "no", expected ? "yes" : "no");
}

}  // namespace

class TstGroupPermissions : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void permissionTable_data();
    void permissionTable();

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
    // The send op over the actor's socket, its ack or error told as an HTTP answer; status 0
    // when neither came.
    HttpResult sendOverSocket(Actor actor, qint64 chatId);
    // A new message by `user` in the current group; 0 when the post failed.
    qint64 postAs(const TestUser& user, QString* setupError);
    // Whether the group shows what the answer says: the change when it was `done` (a 2xx), no
    // change otherwise. Empty when it does, else what differs.
    QString effectMismatch(const PermissionRow& row, bool done);
    // Whether the audit log's newest entry is the row's action when it was done, and is not when
    // it was refused. Empty when so, else what differs.
    QString auditMismatch(const PermissionRow& row, bool done);
    // Leaves the group ready for the next row: unmutes a target a row left muted, and drops the
    // group when the row changed its members or roles.
    void afterRow(const PermissionRow& row, int got);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    std::unique_ptr<GroupApi> m_api;
    RoleCast m_cast;
    RowGroup m_group;
    qint64 m_rowMessage = 0;  // the message a row edited, deleted, pinned or unpinned
    QList<Outcome> m_outcomes;
    int m_groupsMade = 0;
    std::map<Actor, std::unique_ptr<WsClient>> m_sockets;  // one live socket per actor
};

void TstGroupPermissions::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<GroupApi>(*m_http);
    QString error;
    m_cast = makeRoleCast(*m_http, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    for (Actor actor : test::allActors()) {
        auto socket = std::make_unique<WsClient>(*m_server);
        QVERIFY2(socket->connectAs(m_server->wsUrl(), actorUser(actor).token),
                 qPrintable(socket->errorString()));
        m_sockets[actor] = std::move(socket);
    }
}

HttpResult TstGroupPermissions::sendOverSocket(Actor actor, qint64 chatId) {
    WsClient& socket = *m_sockets.at(actor);
    socket.discardPending();
    const QString clientId = ChatApi::newClientId();
    socket.sendJson({{"op", "send"},
                     {"chat_id", chatId},
                     {"client_id", clientId},
                     {"text", "over the socket"}});
    const QJsonObject answer = socket.waitForMatch([&](const QJsonObject& frame) {
        const QString op = frame["op"].toString();
        return (op == "ack" || op == "error") && frame["client_id"].toString() == clientId;
    });
    // The answer as the REST request's would be: 201, or the error's status and body.
    static const QHash<QString, int> statuses{
        {"bad_request", 400}, {"forbidden", 403}, {"not_found", 404}, {"rate_limited", 429}};
    HttpResult result;
    if (answer["op"].toString() == "ack") {
        result.status = 201;
    } else if (!answer.isEmpty()) {
        const QString code = answer["code"].toString();
        result.status = statuses.value(code, 500);
        const QJsonObject body{
            {"error", QJsonObject{{"code", code}, {"message", answer["message"].toString()}}}};
        result.json = body;
        result.body = ChatApi::body(body);
    }
    result.body += " (over WebSocket)";
    return result;
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
        case Action::PostWs:
            return sendOverSocket(row.actor, chatId);
        case Action::PostOnlyAdmins:
        case Action::PostSlowMode: {
            const bool slow = row.action == Action::PostSlowMode;
            const HttpResult set = m_api->setSettings(m_cast.owner, chatId, slow ? 60 : 0, !slow);
            if (set.status != 200) {
                *setupError =
                    QStringLiteral("owner sets settings: ") + QString::fromUtf8(set.describe());
                return set;
            }
            if (slow && test::isMember(row.actor) && postAs(actor, setupError) == 0)
                return {};
            return chats.postMessage(actor, chatId, QStringLiteral("posting"));
        }
        case Action::PostMuted:
            if (test::isMember(row.actor)) {
                const HttpResult muted = m_api->mute(m_cast.owner, chatId, actor.userId, 3600);
                if (muted.status != 204) {
                    *setupError =
                        QStringLiteral("owner mutes: ") + QString::fromUtf8(muted.describe());
                    return muted;
                }
            }
            return chats.postMessage(actor, chatId, QStringLiteral("posting"));
        case Action::EditOwn:
        case Action::DeleteOwn: {
            const qint64 id =
                row.actor == Actor::ExMember ? leaverMessage() : postAs(actor, setupError);
            m_rowMessage = id;
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
            m_rowMessage = id;
            return id == 0 ? HttpResult{} : chats.deleteMessage(actor, id);
        }
        case Action::Pin:
        case Action::Unpin: {
            const qint64 id = postAs(m_cast.member2, setupError);
            m_rowMessage = id;
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
            return m_api->setRole(actor, chatId, target.userId, test::roleSetBy(row.action));
        case Action::Rename:
            return m_api->rename(actor, chatId,
                                 QStringLiteral("renamed by %1").arg(actor.username));
        case Action::Describe:
            return m_api->describe(actor, chatId,
                                   QStringLiteral("described by %1").arg(actor.username));
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

QString TstGroupPermissions::auditMismatch(const PermissionRow& row, bool done) {
    const QString action = test::auditActionOf(row.action);
    // Giving a member the role it has changes nothing: the protocol asks no entry for it.
    const bool sameRole = action == QLatin1String("member.role") &&
                          test::roleSetBy(row.action) == test::targetName(row.target);
    if (action.isEmpty() || sameRole)
        return {};
    const TestUser& viewer = row.actor == Actor::Owner && row.action == Action::Transfer
                                 ? targetUser(row.target)
                                 : m_cast.owner;
    const QJsonObject newest =
        m_api->audit(viewer, m_group.chatId, 0, 1).json.toArray().first().toObject();
    const QJsonValue target = test::auditHasTarget(row.action)
                                  ? QJsonValue(targetUser(row.target).userId)
                                  : QJsonValue(QJsonValue::Null);
    const bool logged = newest["action"].toString() == action &&
                        newest["actor"].toInteger() == actorUser(row.actor).userId &&
                        newest["target"] == target;
    if (logged == done)
        return {};
    return QStringLiteral("the audit log's newest entry is %1, where the answer means %2 %3")
        .arg(QString::fromUtf8(QJsonDocument(newest).toJson(QJsonDocument::Compact)),
             done ? "one of" : "none of", action);
}

QString TstGroupPermissions::effectMismatch(const PermissionRow& row, bool done) {
    const qint64 chatId = m_group.chatId;
    const TestUser& actor = actorUser(row.actor);
    const TestUser& target = targetUser(row.target);
    // Someone still in the group to look through.
    const TestUser& viewer =
        row.action == Action::Leave && row.actor == Actor::Owner ? m_cast.admin : m_cast.owner;
    ChatApi& chats = m_api->chats();
    const auto members = [&] { return m_api->members(viewer, chatId).json.toArray(); };
    const auto targetMember = [&] { return m_api->member(viewer, chatId, target.userId); };
    const auto bans = [&] { return m_api->bans(viewer, chatId).json.toArray(); };

    switch (row.action) {
        case Action::Leave:
            if (!test::isMember(row.actor))
                return {};
            return expectShown("the actor is still a member", containsUser(members(), actor.userId),
                               !done);
        case Action::Kick:
            return expectShown("the target is still a member",
                               containsUser(members(), target.userId), !done);
        case Action::Ban: {
            const QString stays = expectShown("the target is still a member",
                                              containsUser(members(), target.userId), !done);
            return stays.isEmpty() ? expectShown("the target is banned",
                                                 containsUser(bans(), target.userId), done)
                                   : stays;
        }
        case Action::Unban:
            return expectShown("the target is banned", containsUser(bans(), target.userId), !done);
        case Action::AddMember:
            return expectShown("the friend is a member", containsUser(members(), target.userId),
                               done);
        case Action::Mute:
        case Action::Unmute: {
            const bool muted = !targetMember().value("muted_until").isNull();
            const bool setUpMuted = row.action == Action::Unmute && row.target != Target::Owner;
            return expectShown("the target is muted", muted,
                               row.action == Action::Mute ? done : setUpMuted && !done);
        }
        case Action::RoleMember:
        case Action::RoleModerator:
        case Action::RoleAdmin: {
            const QString role = roleOf(targetMember());
            const QString expected =
                done ? test::roleSetBy(row.action) : test::targetName(row.target);
            if (role == expected)
                return {};
            return QStringLiteral(
                       "the target's role is %1 after the row, where the answer means %2")
                .arg(role, expected);
        }
        case Action::Transfer:
            // Refused, the owner keeps the group (the target may be the owner itself).
            return expectShown("the target owns the group",
                               roleOf(targetMember()) == "owner" && row.target != Target::Owner,
                               done);
        case Action::Rename:
        case Action::Describe:
        case Action::Settings: {
            const QJsonObject chat = chats.chat(viewer, chatId).json.toObject();
            bool changed = chat["settings"]["only_admins_post"].toBool();
            if (row.action == Action::Rename)
                changed = chat["name"].toString() == "renamed by " + actor.username;
            else if (row.action == Action::Describe)
                changed = chat["description"].toString() == "described by " + actor.username;
            return expectShown("the group shows the change", changed, done);
        }
        case Action::EditOwn:
        case Action::DeleteOwn:
        case Action::DeleteOther: {
            const QJsonObject message =
                messageIn(chats.history(viewer, chatId, 0, 100), m_rowMessage);
            if (message.isEmpty())
                return QStringLiteral("the message is not in the group's last 100");
            if (row.action == Action::EditOwn)
                return expectShown("the message is edited", message["text"] == "edited", done);
            return expectShown("the message is deleted", message["deleted"].toBool(), done);
        }
        case Action::Pin:
        case Action::Unpin:
            return expectShown(
                "the message is pinned",
                containsMessage(chats.pins(viewer, chatId).json.toArray(), m_rowMessage),
                row.action == Action::Pin ? done : !done);
        case Action::DeleteGroup:
            return expectShown("the group is gone", chats.chat(viewer, chatId).status == 404, done);
        default:
            break;
    }
    return {};
}

void TstGroupPermissions::afterRow(const PermissionRow& row, int got) {
    const bool succeeded = got >= 200 && got < 300;
    if (succeeded && !test::keepsGroup(row.action)) {
        m_group = RowGroup{};
        return;
    }
    if (row.action == Action::Unban && succeeded)
        m_group.banned = false;
    if (row.action == Action::PostOnlyAdmins || row.action == Action::PostSlowMode) {
        if (m_api->setSettings(m_cast.owner, m_group.chatId, 0, false).status != 200)
            m_group = RowGroup{};
    }
    if (row.action == Action::PostMuted && test::isMember(row.actor)) {
        if (m_api->unmute(m_cast.owner, m_group.chatId, actorUser(row.actor).userId).status != 204)
            m_group = RowGroup{};
    }
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
            if (isNoRoute(error))
                QSKIP(qPrintable(QStringLiteral("no group for the row: ") + error));
            QFAIL(qPrintable(QStringLiteral("no group for the row: ") + error));
        }
    }
    QString setupError;
    const HttpResult answer = runRow(row, &setupError);
    if (!setupError.isEmpty()) {
        m_outcomes.append(outcome);
        m_group = RowGroup{};
        if (GroupApi::isMissingRoute(answer) || isNoRoute(setupError))
            QSKIP(qPrintable(QStringLiteral("set-up needs a missing endpoint: ") + setupError));
        QFAIL(qPrintable(QStringLiteral("set-up: ") + setupError));
    }
    if (GroupApi::isMissingRoute(answer)) {
        afterRow(row, answer.status);
        m_outcomes.append(outcome);
        QSKIP(qPrintable(QStringLiteral("endpoint missing: ") +
                         QString::fromUtf8(answer.describe())));
    }
    outcome.got = answer.status;
    const bool done = answer.status >= 200 && answer.status < 300;
    outcome.note = effectMismatch(row, done);
    if (outcome.note.isEmpty())
        outcome.note = auditMismatch(row, done);
    afterRow(row, answer.status);
    m_outcomes.append(outcome);
    QVERIFY2(answer.status == row.expected,
             qPrintable(QStringLiteral("expected %1, got %2")
                            .arg(row.expected)
                            .arg(QString::fromUtf8(answer.describe()))));
    if (!row.allowed)
        QVERIFY2(answer.hasErrorBody() && answer.errorCode() == test::errorCodeOf(row.expected),
                 answer.describe().constData());
    QVERIFY2(outcome.note.isEmpty(), qPrintable(outcome.note));
}

QTEST_GUILESS_MAIN(TstGroupPermissions)
#include "tst_group_permissions.moc"
