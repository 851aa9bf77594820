// The REST calls of the group endpoints (create, members, roles, bans, mutes, owner, audit) that
// tests make, each answering the raw HttpResult, and builders of groups with a cast of roles.
#pragma once

#include <QJsonArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/test_user.h"

namespace testsupport {

class GroupApi {
public:
    explicit GroupApi(HttpClient& http) : m_http(http), m_chats(http) {}

    // POST /api/v1/groups; `description` empty leaves the field out.
    HttpResult createGroup(const TestUser& owner, const QString& name,
                           const QList<qint64>& memberIds, const QString& description = {});
    // createGroup() answered 201: the new chat's id; 0 otherwise (the warning says why).
    qint64 createGroupId(const TestUser& owner, const QString& name,
                         const QList<qint64>& memberIds);

    HttpResult members(const TestUser& viewer, qint64 chatId);
    // The Member of `userId` in GET members as `viewer`, or an empty object.
    QJsonObject member(const TestUser& viewer, qint64 chatId, qint64 userId);
    HttpResult addMember(const TestUser& actor, qint64 chatId, qint64 userId);
    // DELETE members/{userId}: a kick, or leaving when `userId` is the actor's own.
    HttpResult removeMember(const TestUser& actor, qint64 chatId, qint64 userId);
    HttpResult leave(const TestUser& user, qint64 chatId);
    HttpResult setRole(const TestUser& actor, qint64 chatId, qint64 userId, const QString& role);
    HttpResult transferOwnership(const TestUser& actor, qint64 chatId, qint64 userId);

    // `reason` empty leaves the field out.
    HttpResult ban(const TestUser& actor, qint64 chatId, qint64 userId, const QString& reason = {});
    HttpResult unban(const TestUser& actor, qint64 chatId, qint64 userId);
    HttpResult bans(const TestUser& viewer, qint64 chatId);
    HttpResult mute(const TestUser& actor, qint64 chatId, qint64 userId, qint64 seconds);
    HttpResult unmute(const TestUser& actor, qint64 chatId, qint64 userId);

    // PATCH /api/v1/chats/{id} with `patch` as the body.
    HttpResult updateChat(const TestUser& actor, qint64 chatId, const QJsonObject& patch);
    HttpResult rename(const TestUser& actor, qint64 chatId, const QString& name);
    HttpResult describe(const TestUser& actor, qint64 chatId, const QString& description);
    HttpResult setSettings(const TestUser& actor, qint64 chatId, int slowModeS,
                           bool onlyAdminsPost);
    HttpResult deleteGroup(const TestUser& actor, qint64 chatId);
    // `before` or `limit` 0: left out of the query.
    HttpResult audit(const TestUser& viewer, qint64 chatId, qint64 before = 0, int limit = 0);

    // True when the server has no route for the request at all (404 "path: ..." or 405): the
    // endpoint is not built yet, as opposed to a 404 the endpoint itself chose.
    static bool isMissingRoute(const HttpResult& result);

    ChatApi& chats() { return m_chats; }

private:
    HttpClient& m_http;
    ChatApi m_chats;
};

// A group with one member at each rank, a second holder of each rank below owner (so an actor
// can act on its own rank), a member who will leave (for "the sender has left"), a member to
// ban, an outsider who is every member's friend but not in the group, and a stranger who knows
// nobody. Users are made once; groups are cheap.
struct RoleCast {
    TestUser owner;
    TestUser admin, admin2;
    TestUser moderator, moderator2;
    TestUser member, member2;
    TestUser leaver;
    TestUser bannee;
    TestUser outsider;
    TestUser stranger;

    // Everyone but the owner, the outsider and the stranger, in the order they join a group.
    QList<const TestUser*> invitees() const;
};

struct RoleGroup {
    qint64 chatId = 0;
    QString error;  // empty when every step succeeded
    bool ok() const { return chatId > 0 && error.isEmpty(); }
};

// Registers the cast and makes the friendships it needs: the owner with everyone, the outsider
// with every member of the cast. `error` names the first step that failed.
RoleCast makeRoleCast(HttpClient& http, QString* error);
// A fresh group of the whole cast but the outsider and the stranger: admin and admin2 as admins,
// moderator and moderator2 as moderators, the rest members.
RoleGroup makeRoleGroup(GroupApi& api, const RoleCast& cast, const QString& name);

}  // namespace testsupport
