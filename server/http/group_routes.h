// The HTTP routes of groups (PROTOCOL.md "Groups, roles and moderation": lifecycle, members,
// roles, ownership, bans).
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/groups.h"
#include "server/http/router.h"

namespace server::http {

// The services the group routes reach; each must outlive the router.
struct GroupServices {
    domain::Accounts& accounts;
    domain::Groups& groups;
};

// Registers POST /api/v1/groups, PATCH and DELETE /api/v1/chats/{id}, and under it /members,
// /members/{user_id}, /members/{user_id}/role, /owner and /bans.
void addGroupRoutes(Router& router, GroupServices services);

}  // namespace server::http
