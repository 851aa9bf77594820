// The group permission table of PROTOCOL.md "Groups, roles and moderation": role ranks and who may
// do what.
#pragma once

#include <cstdint>

#include "common/wire_types.h"

namespace server::domain {

// Every action the permission table names. A target's rank is a separate rule (outranks).
enum class GroupAction {
    Post,
    EditOwn,
    DeleteOwn,
    Leave,
    DeleteOthers,
    Pin,
    Mute,
    Kick,
    Ban,
    AddMembers,
    SetRoleMemberOrModerator,
    SetRoleAdmin,
    EditSettings,  // name, description, avatar and settings
    ViewAudit,
    TransferOwnership,
    DeleteGroup,
};

// 0 for member up to 3 for owner.
int rank(protocol::Role role);
// True when `actor` ranks strictly higher than `target`.
bool outranks(protocol::Role actor, protocol::Role target);
// The least role the table allows `action` to.
protocol::Role minimumRole(GroupAction action);
// Whether a member of role `role` may take `action` (the target rule aside).
bool allowed(GroupAction action, protocol::Role role);

}  // namespace server::domain
