#include "tests/support/group_api.h"

#include <QUrlQuery>

namespace testsupport {

namespace {

QString chatPath(qint64 chatId, const QString& rest = {}) {
    return QStringLiteral("/api/v1/chats/%1%2").arg(chatId).arg(rest);
}

QString memberPath(qint64 chatId, qint64 userId, const QString& rest = {}) {
    return chatPath(chatId, QStringLiteral("/members/%1%2").arg(userId).arg(rest));
}

QByteArray userBody(qint64 userId) {
    return ChatApi::body({{QStringLiteral("user_id"), userId}});
}

}  // namespace

HttpResult GroupApi::createGroup(const TestUser& owner, const QString& name,
                                 const QList<qint64>& memberIds, const QString& description) {
    QJsonArray members;
    for (qint64 id : memberIds)
        members.append(id);
    QJsonObject body{{QStringLiteral("name"), name}, {QStringLiteral("members"), members}};
    if (!description.isEmpty())
        body.insert(QStringLiteral("description"), description);
    return m_http.post(QStringLiteral("/api/v1/groups"), ChatApi::body(body), owner.token);
}

qint64 GroupApi::createGroupId(const TestUser& owner, const QString& name,
                               const QList<qint64>& memberIds) {
    const HttpResult created = createGroup(owner, name, memberIds);
    if (created.status != 201) {
        qWarning("create group: %s", created.describe().constData());
        return 0;
    }
    return created.json.toObject().value(QLatin1String("id")).toInteger();
}

HttpResult GroupApi::members(const TestUser& viewer, qint64 chatId) {
    return m_http.get(chatPath(chatId, QStringLiteral("/members")), viewer.token);
}

QJsonObject GroupApi::member(const TestUser& viewer, qint64 chatId, qint64 userId) {
    const HttpResult list = members(viewer, chatId);
    for (const QJsonValue& entry : list.json.toArray()) {
        const QJsonObject member = entry.toObject();
        if (member.value(QLatin1String("user")).toObject().value(QLatin1String("id")).toInteger() ==
            userId)
            return member;
    }
    return {};
}

HttpResult GroupApi::addMember(const TestUser& actor, qint64 chatId, qint64 userId) {
    return m_http.post(chatPath(chatId, QStringLiteral("/members")), userBody(userId), actor.token);
}

HttpResult GroupApi::removeMember(const TestUser& actor, qint64 chatId, qint64 userId) {
    return m_http.del(memberPath(chatId, userId), actor.token);
}

HttpResult GroupApi::leave(const TestUser& user, qint64 chatId) {
    return removeMember(user, chatId, user.userId);
}

HttpResult GroupApi::setRole(const TestUser& actor, qint64 chatId, qint64 userId,
                             const QString& role) {
    return m_http.put(memberPath(chatId, userId, QStringLiteral("/role")),
                      ChatApi::body({{QStringLiteral("role"), role}}), actor.token);
}

HttpResult GroupApi::transferOwnership(const TestUser& actor, qint64 chatId, qint64 userId) {
    return m_http.post(chatPath(chatId, QStringLiteral("/owner")), userBody(userId), actor.token);
}

HttpResult GroupApi::ban(const TestUser& actor, qint64 chatId, qint64 userId,
                         const QString& reason) {
    QJsonObject body{{QStringLiteral("user_id"), userId}};
    if (!reason.isEmpty())
        body.insert(QStringLiteral("reason"), reason);
    return m_http.post(chatPath(chatId, QStringLiteral("/bans")), ChatApi::body(body), actor.token);
}

HttpResult GroupApi::unban(const TestUser& actor, qint64 chatId, qint64 userId) {
    return m_http.del(chatPath(chatId, QStringLiteral("/bans/%1").arg(userId)), actor.token);
}

HttpResult GroupApi::bans(const TestUser& viewer, qint64 chatId) {
    return m_http.get(chatPath(chatId, QStringLiteral("/bans")), viewer.token);
}

HttpResult GroupApi::mute(const TestUser& actor, qint64 chatId, qint64 userId, qint64 seconds) {
    return m_http.post(
        chatPath(chatId, QStringLiteral("/mutes")),
        ChatApi::body({{QStringLiteral("user_id"), userId}, {QStringLiteral("seconds"), seconds}}),
        actor.token);
}

HttpResult GroupApi::unmute(const TestUser& actor, qint64 chatId, qint64 userId) {
    return m_http.del(chatPath(chatId, QStringLiteral("/mutes/%1").arg(userId)), actor.token);
}

HttpResult GroupApi::updateChat(const TestUser& actor, qint64 chatId, const QJsonObject& patch) {
    return m_http.patch(chatPath(chatId), ChatApi::body(patch), actor.token);
}

HttpResult GroupApi::rename(const TestUser& actor, qint64 chatId, const QString& name) {
    return updateChat(actor, chatId, {{QStringLiteral("name"), name}});
}

HttpResult GroupApi::describe(const TestUser& actor, qint64 chatId, const QString& description) {
    return updateChat(actor, chatId, {{QStringLiteral("description"), description}});
}

HttpResult GroupApi::setSettings(const TestUser& actor, qint64 chatId, int slowModeS,
                                 bool onlyAdminsPost) {
    const QJsonObject settings{{QStringLiteral("slow_mode_s"), slowModeS},
                               {QStringLiteral("only_admins_post"), onlyAdminsPost}};
    return updateChat(actor, chatId, {{QStringLiteral("settings"), settings}});
}

HttpResult GroupApi::deleteGroup(const TestUser& actor, qint64 chatId) {
    return m_http.del(chatPath(chatId), actor.token);
}

HttpResult GroupApi::audit(const TestUser& viewer, qint64 chatId, qint64 before, int limit) {
    QUrlQuery query;
    if (before > 0)
        query.addQueryItem(QStringLiteral("before"), QString::number(before));
    if (limit > 0)
        query.addQueryItem(QStringLiteral("limit"), QString::number(limit));
    QString path = chatPath(chatId, QStringLiteral("/audit"));
    if (!query.isEmpty())
        path += QLatin1Char('?') + query.toString();
    return m_http.get(path, viewer.token);
}

bool GroupApi::isMissingRoute(const HttpResult& result) {
    if (result.status == 405)
        return true;
    return result.status == 404 && result.errorMessage().startsWith(QLatin1String("path: "));
}

QList<const TestUser*> RoleCast::invitees() const {
    return {&admin, &admin2, &moderator, &moderator2, &member, &member2, &leaver, &bannee};
}

RoleCast makeRoleCast(HttpClient& http, QString* error) {
    RoleCast cast;
    const auto make = [&](TestUser& user, const char* prefix) {
        user = registerUser(http, uniqueUsername(QString::fromLatin1(prefix)));
        if (!user.ok() && error && error->isEmpty())
            *error =
                QStringLiteral("register %1: %2")
                    .arg(QString::fromLatin1(prefix), QString::fromUtf8(user.result.describe()));
    };
    make(cast.owner, "owner");
    make(cast.admin, "admin");
    make(cast.admin2, "admin2nd");
    make(cast.moderator, "mod");
    make(cast.moderator2, "mod2nd");
    make(cast.member, "member");
    make(cast.member2, "member2nd");
    make(cast.leaver, "leaver");
    make(cast.bannee, "bannee");
    make(cast.outsider, "outsider");
    make(cast.stranger, "stranger");
    if (error && !error->isEmpty())
        return cast;

    ChatApi chats(http);
    const auto befriend = [&](const TestUser& a, const TestUser& b) {
        if (chats.makeFriends(a, b) == 0 && error && error->isEmpty())
            *error = QStringLiteral("friends %1 and %2").arg(a.username, b.username);
    };
    for (const TestUser* invitee : cast.invitees())
        befriend(cast.owner, *invitee);
    for (const TestUser* member : cast.invitees())
        befriend(cast.outsider, *member);
    befriend(cast.owner, cast.outsider);
    return cast;
}

RoleGroup makeRoleGroup(GroupApi& api, const RoleCast& cast, const QString& name) {
    RoleGroup group;
    QList<qint64> ids;
    for (const TestUser* invitee : cast.invitees())
        ids.append(invitee->userId);
    const HttpResult created = api.createGroup(cast.owner, name, ids);
    if (created.status != 201) {
        group.error = QStringLiteral("create group: ") + QString::fromUtf8(created.describe());
        return group;
    }
    group.chatId = created.json.toObject().value(QLatin1String("id")).toInteger();
    const QList<QPair<const TestUser*, QString>> roles{
        {&cast.admin, QStringLiteral("admin")},
        {&cast.admin2, QStringLiteral("admin")},
        {&cast.moderator, QStringLiteral("moderator")},
        {&cast.moderator2, QStringLiteral("moderator")}};
    for (const auto& [user, role] : roles) {
        const HttpResult set = api.setRole(cast.owner, group.chatId, user->userId, role);
        if (set.status != 200) {
            group.error = QStringLiteral("set %1 %2: %3")
                              .arg(user->username, role, QString::fromUtf8(set.describe()));
            return group;
        }
    }
    return group;
}

}  // namespace testsupport
