// The HTTP routes on one message: edit, delete, reactions.
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/messages.h"
#include "server/http/router.h"

namespace server::http {

// Registers /api/v1/messages/{id} and its reactions. Both services must outlive the router.
void addMessageRoutes(Router& router, domain::Accounts& accounts, domain::Messages& messages);

}  // namespace server::http
