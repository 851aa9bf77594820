// The group permission table of PROTOCOL.md as data: every action x actor x target with the answer
// the protocol requires, and the printed grid of what the server answered.
#pragma once

#include <QList>
#include <QString>

namespace test {

enum class Action {
    Post,
    PostWs,          // the WebSocket send op, answered ack or error (shown as 201 or the 4xx)
    PostOnlyAdmins,  // a post under only_admins_post
    PostMuted,       // a post by the actor muted by the owner
    PostSlowMode,    // a second post at once under slow mode
    EditOwn,
    DeleteOwn,
    Leave,
    DeleteOther,
    Pin,
    Unpin,
    Mute,
    Unmute,
    Kick,
    Ban,
    Unban,
    AddMember,
    RoleMember,
    RoleModerator,
    RoleAdmin,
    Rename,
    Describe,
    Settings,
    ViewAudit,
    Transfer,
    DeleteGroup,
};

// Who acts: a holder of each role, a former member (left the group after posting) and a stranger
// who was never in it.
enum class Actor { Owner, Admin, Moderator, Member, ExMember, Stranger };

// On whom: nobody (the action has no target), a holder of each role other than the actor, the
// sender of a message who has left, a friend who is not in the group, a user banned from it.
enum class Target { None, Owner, Admin, Moderator, Member, Left, NonMember, Banned };

struct PermissionRow {
    Action action;
    Actor actor;
    Target target;
    bool allowed;  // what the protocol says
    int expected;  // the status the protocol requires: the success code, 403 (429 for slow mode),
                   // 404
};

QList<Action> allActions();
QList<Actor> allActors();
// The targets an action is tried on, in the order the grid prints them.
QList<Target> targetsOf(Action action);

// The protocol's answer; false when the combination means nothing (the owner acting on the owner,
// a former member "deleting another's" message that is its own).
bool applies(Action action, Actor actor, Target target);
PermissionRow expectation(Action action, Actor actor, Target target);
// Every row of the table, in grid order.
QList<PermissionRow> permissionTable();

// The status of a successful answer to `action`, and of a refusal to a member.
int successStatus(Action action);
int refusedStatus(Action action);
// True for a role that is in the group at the time of the action.
bool isMember(Actor actor);

// The role a "set role" action gives ("member" for any other action).
QString roleSetBy(Action action);
// True for an action whose success (with the row's own clean-up: an unmute, settings put back)
// leaves who is in the group and with which role as it was, so the next row may reuse the group.
bool keepsGroup(Action action);
// The audit log's action for `action`, empty when it writes none; and whether its entry names a
// target (the member acted on, or the sender of the deleted message).
QString auditActionOf(Action action);
bool auditHasTarget(Action action);
// The protocol's error code for a refusal with `status` (403, 404 or 429).
QString errorCodeOf(int status);

QString actionName(Action action);
QString actorName(Actor actor);
QString targetName(Target target);

// What the server answered for one row: its HTTP status, or 0 when the row did not run.
struct Outcome {
    PermissionRow row;
    int got = 0;
    QString note;  // empty, or how the group or its audit log differs from what the answer says
};

// A grid with one line per action and target, one column per actor; each cell is the status the
// server answered, flagged with the expected one when they differ.
QString formatGrid(const QList<Outcome>& outcomes);

}  // namespace test
