// The HTTP routes of "Accounts and sessions", registered in the route table.
#pragma once

#include "server/domain/accounts.h"
#include "server/http/router.h"

namespace server::http {

// Registers /api/v1/auth/*, /api/v1/me*, /api/v1/users/*. `accounts` must outlive the router.
void addAccountRoutes(Router& router, domain::Accounts& accounts);

}  // namespace server::http
