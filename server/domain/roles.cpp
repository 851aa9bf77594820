#include "server/domain/roles.h"

namespace server::domain {

using protocol::Role;

int rank(Role role) {
    switch (role) {
        case Role::Member:
            return 0;
        case Role::Moderator:
            return 1;
        case Role::Admin:
            return 2;
        case Role::Owner:
            return 3;
    }
    return 0;
}

bool outranks(Role actor, Role target) {
    return rank(actor) > rank(target);
}

Role minimumRole(GroupAction action) {
    switch (action) {
        case GroupAction::Post:
        case GroupAction::EditOwn:
        case GroupAction::DeleteOwn:
        case GroupAction::Leave:
            return Role::Member;
        case GroupAction::DeleteOthers:
        case GroupAction::Pin:
        case GroupAction::Mute:
        case GroupAction::Kick:
        case GroupAction::ViewAudit:
            return Role::Moderator;
        case GroupAction::Ban:
        case GroupAction::AddMembers:
        case GroupAction::SetRoleMemberOrModerator:
        case GroupAction::EditSettings:
            return Role::Admin;
        case GroupAction::SetRoleAdmin:
        case GroupAction::TransferOwnership:
        case GroupAction::DeleteGroup:
            return Role::Owner;
    }
    return Role::Owner;
}

bool allowed(GroupAction action, Role role) {
    return rank(role) >= rank(minimumRole(action));
}

}  // namespace server::domain
