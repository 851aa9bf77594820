// The group permission table of PROTOCOL.md as data: every action x actor x target with the answer
// the protocol requires, and the printed grid of what the server answered.
#pragma once

#include <QList>
#include <QString>

namespace test {

enum class Action {
    Post,
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
    int expected;  // the status the protocol requires: the success code, 403 or 404
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

// The status of a successful answer to `action`.
int successStatus(Action action);
// True for a role that is in the group at the time of the action.
bool isMember(Actor actor);

QString actionName(Action action);
QString actorName(Actor actor);
QString targetName(Target target);

// What the server answered for one row: its HTTP status, or 0 when the row did not run.
struct Outcome {
    PermissionRow row;
    int got = 0;
    QString note;  // empty, or how the group differs from what the answer says was done
};

// A grid with one line per action and target, one column per actor; each cell is the status the
// server answered, flagged with the expected one when they differ.
QString formatGrid(const QList<Outcome>& outcomes);

}  // namespace test
