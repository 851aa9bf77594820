#include "tests/server/permission_table.h"

#include <QStringList>

namespace test {

namespace {

// owner > admin > moderator > member; -1 for someone who is not in the group.
int rankOf(Actor actor) {
    switch (actor) {
        case Actor::Owner:
            return 3;
        case Actor::Admin:
            return 2;
        case Actor::Moderator:
            return 1;
        case Actor::Member:
            return 0;
        case Actor::ExMember:
        case Actor::Stranger:
            break;
    }
    return -1;
}

int rankOf(Target target) {
    switch (target) {
        case Target::Owner:
            return 3;
        case Target::Admin:
            return 2;
        case Target::Moderator:
            return 1;
        case Target::Member:
            return 0;
        case Target::None:
        case Target::Left:
        case Target::NonMember:
        case Target::Banned:
            break;
    }
    return -1;
}

constexpr int moderatorRank = 1;
constexpr int adminRank = 2;
constexpr int ownerRank = 3;

// The protocol's table, for an actor who is in the group.
bool allowedFor(Action action, int actor, Target target) {
    const bool outranks = actor > rankOf(target);
    switch (action) {
        case Action::Post:
        case Action::PostWs:
        case Action::EditOwn:
        case Action::DeleteOwn:
        case Action::Leave:
            return true;
        case Action::PostOnlyAdmins:
            return actor >= adminRank;
        case Action::PostMuted:
            return false;
        case Action::PostSlowMode:
            // Slow mode holds back each member below moderator.
            return actor >= moderatorRank;
        case Action::DeleteOther:
            // A message whose sender has left may be deleted by a moderator or above.
            return actor >= moderatorRank && (target == Target::Left || outranks);
        case Action::Pin:
        case Action::Unpin:
        case Action::ViewAudit:
            return actor >= moderatorRank;
        case Action::Mute:
        case Action::Unmute:
        case Action::Kick:
            return actor >= moderatorRank && outranks;
        case Action::Ban:
        case Action::RoleMember:
        case Action::RoleModerator:
            return actor >= adminRank && outranks;
        case Action::Unban:
        case Action::AddMember:
        case Action::Rename:
        case Action::Describe:
        case Action::Settings:
            return actor >= adminRank;
        case Action::RoleAdmin:
            return actor == ownerRank && outranks;
        case Action::Transfer:
        case Action::DeleteGroup:
            return actor == ownerRank;
    }
    return false;
}

const QList<Target> rankTargets{Target::Owner, Target::Admin, Target::Moderator, Target::Member};

}  // namespace

QList<Action> allActions() {
    return {Action::Post,          Action::PostWs,       Action::PostOnlyAdmins,
            Action::PostMuted,     Action::PostSlowMode, Action::EditOwn,
            Action::DeleteOwn,     Action::Leave,        Action::DeleteOther,
            Action::Pin,           Action::Unpin,        Action::Mute,
            Action::Unmute,        Action::Kick,         Action::Ban,
            Action::Unban,         Action::AddMember,    Action::RoleMember,
            Action::RoleModerator, Action::RoleAdmin,    Action::Rename,
            Action::Describe,      Action::Settings,     Action::ViewAudit,
            Action::Transfer,      Action::DeleteGroup};
}

QList<Actor> allActors() {
    return {Actor::Owner,  Actor::Admin,    Actor::Moderator,
            Actor::Member, Actor::ExMember, Actor::Stranger};
}

QList<Target> targetsOf(Action action) {
    switch (action) {
        case Action::DeleteOther:
            return rankTargets + QList<Target>{Target::Left};
        case Action::Mute:
        case Action::Unmute:
        case Action::Kick:
        case Action::Ban:
        case Action::RoleMember:
        case Action::RoleModerator:
        case Action::RoleAdmin:
        case Action::Transfer:
            return rankTargets;
        case Action::Unban:
            return {Target::Banned};
        case Action::AddMember:
            return {Target::NonMember};
        default:
            break;
    }
    return {Target::None};
}

bool applies(Action action, Actor actor, Target target) {
    if (actor == Actor::Owner && target == Target::Owner)
        return false;
    // The former member's message is the one "whose sender has left": its own.
    if (actor == Actor::ExMember && target == Target::Left)
        return false;
    // Only the owner can mute, and nobody outranks it.
    if (actor == Actor::Owner && action == Action::PostMuted)
        return false;
    // A stranger has no message of its own in the group.
    if (actor == Actor::Stranger && (action == Action::EditOwn || action == Action::DeleteOwn))
        return false;
    return true;
}

bool isMember(Actor actor) {
    return rankOf(actor) >= 0;
}

int successStatus(Action action) {
    switch (action) {
        case Action::Post:
        case Action::PostWs:
        case Action::PostOnlyAdmins:
        case Action::PostMuted:
        case Action::PostSlowMode:
        case Action::AddMember:
            return 201;
        case Action::EditOwn:
        case Action::RoleMember:
        case Action::RoleModerator:
        case Action::RoleAdmin:
        case Action::Rename:
        case Action::Describe:
        case Action::Settings:
        case Action::ViewAudit:
        case Action::Transfer:
            return 200;
        default:
            break;
    }
    return 204;
}

int refusedStatus(Action action) {
    return action == Action::PostSlowMode ? 429 : 403;
}

PermissionRow expectation(Action action, Actor actor, Target target) {
    PermissionRow row{action, actor, target, false, 404};
    if (!isMember(actor))
        return row;  // a chat of others: the caller may not know it exists
    row.allowed = allowedFor(action, rankOf(actor), target);
    row.expected = row.allowed ? successStatus(action) : refusedStatus(action);
    return row;
}

QList<PermissionRow> permissionTable() {
    QList<PermissionRow> rows;
    for (Action action : allActions()) {
        for (Target target : targetsOf(action)) {
            for (Actor actor : allActors()) {
                if (applies(action, actor, target))
                    rows.append(expectation(action, actor, target));
            }
        }
    }
    return rows;
}

QString roleSetBy(Action action) {
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

bool keepsGroup(Action action) {
    switch (action) {
        case Action::Post:
        case Action::PostWs:
        case Action::PostOnlyAdmins:
        case Action::PostMuted:
        case Action::PostSlowMode:
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

QString auditActionOf(Action action) {
    switch (action) {
        case Action::AddMember:
            return QStringLiteral("member.added");
        case Action::Kick:
            return QStringLiteral("member.kicked");
        case Action::Ban:
            return QStringLiteral("member.banned");
        case Action::Unban:
            return QStringLiteral("member.unbanned");
        case Action::RoleMember:
        case Action::RoleModerator:
        case Action::RoleAdmin:
            return QStringLiteral("member.role");
        case Action::Mute:
            return QStringLiteral("member.muted");
        case Action::Unmute:
            return QStringLiteral("member.unmuted");
        case Action::DeleteOther:
            return QStringLiteral("message.deleted");
        case Action::Pin:
        case Action::Unpin:
            return QStringLiteral("pin.changed");
        case Action::Rename:
        case Action::Describe:
        case Action::Settings:
            return QStringLiteral("chat.updated");
        case Action::Transfer:
            return QStringLiteral("owner.transferred");
        default:
            break;
    }
    return {};
}

bool auditHasTarget(Action action) {
    const QString logged = auditActionOf(action);
    return !logged.isEmpty() && logged != QLatin1String("pin.changed") &&
           logged != QLatin1String("chat.updated");
}

QString errorCodeOf(int status) {
    switch (status) {
        case 404:
            return QStringLiteral("not_found");
        case 429:
            return QStringLiteral("rate_limited");
        default:
            break;
    }
    return QStringLiteral("forbidden");
}

QString actionName(Action action) {
    switch (action) {
        case Action::Post:
            return QStringLiteral("post");
        case Action::PostWs:
            return QStringLiteral("post over WebSocket");
        case Action::PostOnlyAdmins:
            return QStringLiteral("post, only admins post");
        case Action::PostMuted:
            return QStringLiteral("post while muted");
        case Action::PostSlowMode:
            return QStringLiteral("2nd post in slow mode");
        case Action::EditOwn:
            return QStringLiteral("edit own message");
        case Action::DeleteOwn:
            return QStringLiteral("delete own message");
        case Action::Leave:
            return QStringLiteral("leave");
        case Action::DeleteOther:
            return QStringLiteral("delete another's message");
        case Action::Pin:
            return QStringLiteral("pin");
        case Action::Unpin:
            return QStringLiteral("unpin");
        case Action::Mute:
            return QStringLiteral("mute");
        case Action::Unmute:
            return QStringLiteral("unmute");
        case Action::Kick:
            return QStringLiteral("kick");
        case Action::Ban:
            return QStringLiteral("ban");
        case Action::Unban:
            return QStringLiteral("unban");
        case Action::AddMember:
            return QStringLiteral("add member");
        case Action::RoleMember:
            return QStringLiteral("set role member");
        case Action::RoleModerator:
            return QStringLiteral("set role moderator");
        case Action::RoleAdmin:
            return QStringLiteral("set role admin");
        case Action::Rename:
            return QStringLiteral("rename");
        case Action::Describe:
            return QStringLiteral("describe");
        case Action::Settings:
            return QStringLiteral("settings");
        case Action::ViewAudit:
            return QStringLiteral("view audit log");
        case Action::Transfer:
            return QStringLiteral("transfer ownership");
        case Action::DeleteGroup:
            return QStringLiteral("delete group");
    }
    return {};
}

QString actorName(Actor actor) {
    switch (actor) {
        case Actor::Owner:
            return QStringLiteral("owner");
        case Actor::Admin:
            return QStringLiteral("admin");
        case Actor::Moderator:
            return QStringLiteral("moderator");
        case Actor::Member:
            return QStringLiteral("member");
        case Actor::ExMember:
            return QStringLiteral("ex-member");
        case Actor::Stranger:
            return QStringLiteral("stranger");
    }
    return {};
}

QString targetName(Target target) {
    switch (target) {
        case Target::None:
            return QStringLiteral("-");
        case Target::Owner:
            return QStringLiteral("owner");
        case Target::Admin:
            return QStringLiteral("admin");
        case Target::Moderator:
            return QStringLiteral("moderator");
        case Target::Member:
            return QStringLiteral("member");
        case Target::Left:
            return QStringLiteral("sender left");
        case Target::NonMember:
            return QStringLiteral("a friend");
        case Target::Banned:
            return QStringLiteral("banned user");
    }
    return {};
}

QString formatGrid(const QList<Outcome>& outcomes) {
    constexpr int actionWidth = 26;
    constexpr int targetWidth = 13;
    constexpr int cellWidth = 12;
    QStringList lines;
    QString header = QStringLiteral("action").leftJustified(actionWidth) +
                     QStringLiteral("target").leftJustified(targetWidth) + QStringLiteral("|");
    for (Actor actor : allActors())
        header += QLatin1Char(' ') + actorName(actor).leftJustified(cellWidth - 1);
    lines << header << QString(header.size(), QLatin1Char('-'));

    int mismatches = 0;
    int wrongEffects = 0;
    for (Action action : allActions()) {
        for (Target target : targetsOf(action)) {
            QString line = actionName(action).leftJustified(actionWidth) +
                           targetName(target).leftJustified(targetWidth) + QStringLiteral("|");
            for (Actor actor : allActors()) {
                QString cell = QStringLiteral("n/a");
                for (const Outcome& outcome : outcomes) {
                    const PermissionRow& row = outcome.row;
                    if (row.action != action || row.actor != actor || row.target != target)
                        continue;
                    if (outcome.got == 0) {
                        cell = QStringLiteral("not run");
                    } else if (outcome.got == row.expected) {
                        cell = QString::number(outcome.got);
                    } else {
                        cell = QStringLiteral("%1 !=%2").arg(outcome.got).arg(row.expected);
                        ++mismatches;
                    }
                    if (outcome.got != 0 && !outcome.note.isEmpty()) {
                        cell += QLatin1Char('*');
                        ++wrongEffects;
                    }
                }
                line += QLatin1Char(' ') + cell.leftJustified(cellWidth - 1);
            }
            lines << line;
        }
    }
    lines << QString(header.size(), QLatin1Char('-'))
          << QStringLiteral(
                 "cells: the status answered; \"A !=E\": answered A where the protocol "
                 "requires E (%1 such cells); \"*\": the group or its audit log does not "
                 "show what the answer says (%2 such cells); n/a: the combination means "
                 "nothing")
                 .arg(mismatches)
                 .arg(wrongEffects);
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

}  // namespace test
