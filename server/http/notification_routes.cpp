#include "server/http/notification_routes.h"

#include <boost/json/array.hpp>

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

std::int64_t callerId(NotificationServices& s, const Request& request) {
    return authenticatedCaller(s.accounts, request).userId;
}

Response list(NotificationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    boost::json::array items;
    for (const auto& n :
         s.notifications.list(caller, queryInt(request, "before"), queryInt(request, "limit")))
        items.push_back(protocol::toJson(n));
    return jsonResponse(200, protocol::serialize(items));
}

Response markRead(NotificationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto json = protocol::parseJson(request.body);
    s.notifications.markRead(caller, protocol::JsonReader(json, "").id("up_to"));
    return noContent();
}

Response muteChat(NotificationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto chat = pathId(request.params.at(0), "id");
    const auto json = protocol::parseJson(request.body);
    const auto until = protocol::JsonReader(json, "").optInteger("muted_until", 0);
    s.notifications.muteChat(caller, chat, until);
    return noContent();
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(NotificationServices&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Get, "/api/v1/notifications", list},
    {Method::Post, "/api/v1/notifications/read", markRead},
    {Method::Put, "/api/v1/chats/{id}/notifications", muteChat},
};

}  // namespace

void addNotificationRoutes(Router& router, NotificationServices services) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [services, handler = route.handler](const Request& request) mutable {
                       return handler(services, request);
                   });
}

}  // namespace server::http
