#include "server/http/moderation_routes.h"

#include <boost/json/array.hpp>

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

std::int64_t callerId(ModerationServices& s, const Request& request) {
    return authenticatedCaller(s.accounts, request).userId;
}

std::int64_t chatId(const Request& request) {
    return pathId(request.params.at(0), "id");
}

Response mute(ModerationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto chat = chatId(request);
    const auto json = protocol::parseJson(request.body);
    const protocol::JsonReader body(json, "");
    const auto user = body.id("user_id");
    const auto seconds = body.integer("seconds");
    s.moderation.mute(caller, chat, user, seconds);
    return noContent();
}

Response unmute(ModerationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    s.moderation.unmute(caller, chatId(request), pathId(request.params.at(1), "user_id"));
    return noContent();
}

Response audit(ModerationServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto chat = chatId(request);
    domain::AuditFilter filter;
    filter.before = queryInt(request, "before");
    filter.limit = queryInt(request, "limit");
    filter.actor = queryInt(request, "actor");
    filter.target = queryInt(request, "target");
    if (const auto it = request.query.find("action");
        it != request.query.end() && !it->second.empty())
        filter.action = it->second;
    boost::json::array entries;
    for (const auto& entry : s.moderation.audit(caller, chat, filter))
        entries.push_back(protocol::toJson(entry));
    return jsonResponse(200, protocol::serialize(entries));
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(ModerationServices&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Post, "/api/v1/chats/{id}/mutes", mute},
    {Method::Delete, "/api/v1/chats/{id}/mutes/{user_id}", unmute},
    {Method::Get, "/api/v1/chats/{id}/audit", audit},
};

}  // namespace

void addModerationRoutes(Router& router, ModerationServices services) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [services, handler = route.handler](const Request& request) mutable {
                       return handler(services, request);
                   });
}

}  // namespace server::http
