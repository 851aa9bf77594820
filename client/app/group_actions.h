// The signed-in user's actions on groups: each goes to the server, its answer into the cache, and
// its outcome out as a signal.
//
// API for the UI (CG2 codes against it):
// - Construct one per widget that needs it: GroupActions actions(account). It holds no state of
//   its own beyond requests in flight; what the views show comes from the cache (ChatCache::group,
//   members, systemLines and their signals), which every action below updates.
// - Every request ends in exactly one succeeded(op, chatId, userId) or failed(op, chatId, userId,
//   message); message is a sentence for the user ("You may not do that in this group.").
// - createGroup also emits groupCreated(chatId) once the chat is in the cache.
// - bans() answers with bansLoaded, audit() with auditLoaded; neither is cached.
// - updateDetails and setSettings of one chat go to the server one at a time, in the order asked,
//   so the last choice is the one the group keeps; pendingSettings/pendingName/pendingDescription
//   tell what the group will have once they are answered.
#pragma once

#include <QHash>
#include <QList>
#include <QObject>
#include <QString>
#include <functional>
#include <optional>
#include <vector>

#include "client/net/api_types.h"
#include "client/net/rest_result.h"
#include "common/wire_types.h"

namespace client::app {

class Account;

class GroupActions : public QObject {
    Q_OBJECT
public:
    enum class Op {
        Create,
        Members,
        Update,    // name, description
        Settings,  // slow mode, only admins post
        Delete,
        AddMember,
        Leave,
        Kick,
        SetRole,
        TransferOwner,
        Ban,
        Unban,
        Bans,
        Mute,
        Unmute,
        Audit,
    };
    Q_ENUM(Op)

    // `account` must outlive this object.
    explicit GroupActions(Account& account, QObject* parent = nullptr);

    // A group of the signed-in user's friends; the caller becomes its owner.
    void createGroup(const QString& name, const QString& description,
                     const std::vector<qint64>& memberIds);
    // Lists the members again into the cache (done when a group's header or pane opens).
    void refreshMembers(qint64 chatId);
    // Name and description; an unset one stays as it is.
    void updateDetails(qint64 chatId, std::optional<QString> name,
                       std::optional<QString> description);
    void setSettings(qint64 chatId, int slowModeS, bool onlyAdminsPost);
    // The latest settings, name or description asked for the chat whose answer has not come yet;
    // nullopt when none is on its way.
    std::optional<protocol::ChatSettings> pendingSettings(qint64 chatId) const;
    std::optional<QString> pendingName(qint64 chatId) const;
    std::optional<QString> pendingDescription(qint64 chatId) const;
    void deleteGroup(qint64 chatId);
    void addMember(qint64 chatId, qint64 userId);
    void leave(qint64 chatId);
    void kick(qint64 chatId, qint64 userId);
    void setRole(qint64 chatId, qint64 userId, protocol::Role role);
    void transferOwnership(qint64 chatId, qint64 userId);
    void ban(qint64 chatId, qint64 userId, const QString& reason);
    void unban(qint64 chatId, qint64 userId);
    void fetchBans(qint64 chatId);
    void mute(qint64 chatId, qint64 userId, qint64 seconds);
    void unmute(qint64 chatId, qint64 userId);
    void fetchAudit(qint64 chatId, const net::AuditQuery& query);

    // What the viewer of a given role may do to a member of another role (PROTOCOL.md's table
    // with the strictly-higher-rank rule); the UI offers only these.
    static bool outranks(protocol::Role actor, protocol::Role target);
    static bool mayKick(protocol::Role actor, protocol::Role target);
    static bool mayMute(protocol::Role actor, protocol::Role target);
    static bool mayBan(protocol::Role actor, protocol::Role target);
    // Setting `target`'s role to `to`: strictly above both the current and the new role, and
    // only the owner makes admins.
    static bool maySetRole(protocol::Role actor, protocol::Role target, protocol::Role to);
    static bool mayAddMembers(protocol::Role actor);
    static bool mayEditSettings(protocol::Role actor);
    static bool mayViewAudit(protocol::Role actor);
    static bool isOwner(protocol::Role actor) { return actor == protocol::Role::Owner; }

    // The words for a refused or failed group request.
    static QString describe(const net::RestError& error);

Q_SIGNALS:
    void succeeded(client::app::GroupActions::Op op, qint64 chatId, qint64 userId);
    void failed(client::app::GroupActions::Op op, qint64 chatId, qint64 userId,
                const QString& message);
    void groupCreated(qint64 chatId);
    void bansLoaded(qint64 chatId, const std::vector<protocol::BanEntry>& bans);
    void auditLoaded(qint64 chatId, const client::net::AuditQuery& query,
                     const std::vector<protocol::AuditEntry>& entries);

private:
    // One PATCH of a chat's details or settings.
    struct Patch {
        Op op;
        net::ChatPatch patch;
    };

    template <class T>
    auto finish(Op op, qint64 chatId, qint64 userId, std::function<void(const T&)> onValue);
    // Queues the patch behind the chat's others; sent when it reaches the front.
    void enqueuePatch(qint64 chatId, Op op, const net::ChatPatch& patch);
    void sendFrontPatch(qint64 chatId);

    Account& m_account;
    // Per chat, the patches not answered yet, oldest (the one in flight) first.
    QHash<qint64, QList<Patch>> m_patches;
};

}  // namespace client::app
