#include "server/http/message_routes.h"

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using domain::Accounts;
using domain::Messages;

Response edit(Accounts& accounts, Messages& messages, const Request& request) {
    const auto user = authenticatedCaller(accounts, request).userId;
    const auto id = pathId(request.params.at(0), "id");
    const auto json = protocol::parseJson(request.body);
    const auto text = protocol::JsonReader(json, "").string("text");
    return jsonResponse(200, protocol::encode(messages.edit(user, id, text)));
}

Response remove(Accounts& accounts, Messages& messages, const Request& request) {
    const auto user = authenticatedCaller(accounts, request).userId;
    messages.remove(user, pathId(request.params.at(0), "id"));
    return noContent();
}

// The emoji is the path segment, already percent-decoded by the router.
Response react(Accounts& accounts, Messages& messages, const Request& request) {
    const auto user = authenticatedCaller(accounts, request).userId;
    messages.react(user, pathId(request.params.at(0), "id"), request.params.at(1), true);
    return noContent();
}

Response unreact(Accounts& accounts, Messages& messages, const Request& request) {
    const auto user = authenticatedCaller(accounts, request).userId;
    messages.react(user, pathId(request.params.at(0), "id"), request.params.at(1), false);
    return noContent();
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(Accounts&, Messages&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Patch, "/api/v1/messages/{id}", edit},
    {Method::Delete, "/api/v1/messages/{id}", remove},
    {Method::Put, "/api/v1/messages/{id}/reactions/{emoji}", react},
    {Method::Delete, "/api/v1/messages/{id}/reactions/{emoji}", unreact},
};

}  // namespace

void addMessageRoutes(Router& router, domain::Accounts& accounts, domain::Messages& messages) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [&accounts, &messages, handler = route.handler](const Request& request) {
                       return handler(accounts, messages, request);
                   });
}

}  // namespace server::http
