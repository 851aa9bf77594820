// The HTTP routes of "Friends, blocks and direct chats", registered in the route table.
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/friends.h"
#include "server/http/router.h"

namespace server::http {

// Registers /api/v1/friends* and /api/v1/blocks*. Both services must outlive the router.
void addFriendRoutes(Router& router, domain::Accounts& accounts, domain::Friends& friends);

}  // namespace server::http
