// The HTTP routes of notifications (PROTOCOL.md "Notifications").
#pragma once

#include "server/domain/accounts.h"
#include "server/domain/notifications.h"
#include "server/http/router.h"

namespace server::http {

// The services the notification routes reach; each must outlive the router.
struct NotificationServices {
    domain::Accounts& accounts;
    domain::Notifications& notifications;
};

// Registers GET /api/v1/notifications?before&limit, POST /api/v1/notifications/read {up_to}
// and PUT /api/v1/chats/{id}/notifications {muted_until}.
void addNotificationRoutes(Router& router, NotificationServices services);

}  // namespace server::http
