// The HTTP routes of group moderation: mutes and the audit log.
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/moderation.h"
#include "server/http/router.h"

namespace server::http {

// The services the moderation routes reach; each must outlive the router.
struct ModerationServices {
    domain::Accounts& accounts;
    domain::Moderation& moderation;
};

// Registers POST /api/v1/chats/{id}/mutes, DELETE /api/v1/chats/{id}/mutes/{user_id} and
// GET /api/v1/chats/{id}/audit?before&limit (extension: &action=NAME&actor=ID&target=ID).
void addModerationRoutes(Router& router, ModerationServices services);

}  // namespace server::http
