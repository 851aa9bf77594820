#include "server/http/group_routes.h"

#include <boost/json/object.hpp>

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

std::int64_t callerId(GroupServices& s, const Request& request) {
    return authenticatedCaller(s.accounts, request).userId;
}

std::int64_t chatId(const Request& request) {
    return pathId(request.params.at(0), "id");
}

std::int64_t userId(const Request& request) {
    return pathId(request.params.at(1), "user_id");
}

std::int64_t bodyUserId(const Request& request) {
    const auto json = protocol::parseJson(request.body);
    return protocol::JsonReader(json, "").id("user_id");
}

Response createGroup(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto json = protocol::parseJson(request.body);
    const protocol::JsonReader body(json, "");
    domain::NewGroup group;
    group.name = body.string("name");
    group.description = body.optString("description").value_or(std::string());
    const auto& members = protocol::readArray(body.required("members"), "members");
    for (std::size_t i = 0; i < members.size(); ++i)
        group.members.push_back(protocol::readId(members[i], protocol::elementPath("members", i)));
    return jsonResponse(201, protocol::encode(s.groups.create(caller, std::move(group))));
}

Response patchGroup(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto id = chatId(request);
    const auto json = protocol::parseJson(request.body);
    const protocol::JsonReader body(json, "");
    domain::GroupPatch patch;
    patch.name = body.optString("name");
    patch.description = body.optString("description");
    patch.avatarPresent = body.has("avatar");
    patch.avatar = body.optString("avatar");
    if (const auto* settingsJson = body.find("settings")) {
        const protocol::JsonReader settings(*settingsJson, "settings");
        if (const auto slow = settings.optInteger("slow_mode_s", 0, domain::kSlowModeMaxS))
            patch.slowModeS = static_cast<int>(*slow);
        patch.onlyAdminsPost = settings.optBoolean("only_admins_post");
    }
    return jsonResponse(200, protocol::encode(s.groups.update(caller, id, patch)));
}

Response deleteGroup(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    s.groups.deleteGroup(caller, chatId(request));
    return noContent();
}

Response listMembers(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    return jsonResponse(
        200, protocol::serialize(protocol::toJson(s.groups.members(caller, chatId(request)))));
}

Response addMember(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto id = chatId(request);
    return jsonResponse(201, protocol::encode(s.groups.addMember(caller, id, bodyUserId(request))));
}

Response removeMember(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    s.groups.removeMember(caller, chatId(request), userId(request));
    return noContent();
}

Response setRole(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto id = chatId(request);
    const auto target = userId(request);
    const auto json = protocol::parseJson(request.body);
    const auto text = protocol::JsonReader(json, "").string("role");
    const auto role = protocol::roleFromString(text);
    if (!role)
        throw ApiError(ErrorCode::BadRequest, "role: must be member, moderator or admin");
    return jsonResponse(200, protocol::encode(s.groups.setRole(caller, id, target, *role)));
}

Response transferOwnership(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto id = chatId(request);
    return jsonResponse(
        200, protocol::encode(s.groups.transferOwnership(caller, id, bodyUserId(request))));
}

Response ban(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    const auto id = chatId(request);
    const auto json = protocol::parseJson(request.body);
    const protocol::JsonReader body(json, "");
    const auto target = body.id("user_id");
    s.groups.ban(caller, id, target, body.optString("reason").value_or(std::string()));
    return noContent();
}

Response unban(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    s.groups.unban(caller, chatId(request), userId(request));
    return noContent();
}

Response listBans(GroupServices& s, const Request& request) {
    const auto caller = callerId(s, request);
    return jsonResponse(
        200, protocol::serialize(protocol::toJson(s.groups.bans(caller, chatId(request)))));
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(GroupServices&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Post, "/api/v1/groups", createGroup},
    {Method::Patch, "/api/v1/chats/{id}", patchGroup},
    {Method::Delete, "/api/v1/chats/{id}", deleteGroup},
    {Method::Get, "/api/v1/chats/{id}/members", listMembers},
    {Method::Post, "/api/v1/chats/{id}/members", addMember},
    {Method::Delete, "/api/v1/chats/{id}/members/{user_id}", removeMember},
    {Method::Put, "/api/v1/chats/{id}/members/{user_id}/role", setRole},
    {Method::Post, "/api/v1/chats/{id}/owner", transferOwnership},
    {Method::Post, "/api/v1/chats/{id}/bans", ban},
    {Method::Delete, "/api/v1/chats/{id}/bans/{user_id}", unban},
    {Method::Get, "/api/v1/chats/{id}/bans", listBans},
};

}  // namespace

void addGroupRoutes(Router& router, GroupServices services) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [services, handler = route.handler](const Request& request) mutable {
                       return handler(services, request);
                   });
}

}  // namespace server::http
