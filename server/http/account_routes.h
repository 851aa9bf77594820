// The HTTP routes of "Accounts and sessions", registered in the route table.
#pragma once

#include "server/domain/accounts.h"
#include "server/http/router.h"

namespace server::http {

// The caller of an authenticated route; throws ApiError Unauthorized (401) before anything else
// is looked at. Shared by every route file.
domain::AuthContext authenticatedCaller(domain::Accounts& accounts, const Request& request);

// Registers /api/v1/auth/*, /api/v1/me*, /api/v1/users/*. `accounts` must outlive the router.
void addAccountRoutes(Router& router, domain::Accounts& accounts);

}  // namespace server::http
