#include "server/http/friend_routes.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using domain::Accounts;
using domain::Friends;

std::int64_t bodyUserId(const Request& request) {
    const auto json = protocol::parseJson(request.body);
    return protocol::JsonReader(json, "").id("user_id");
}

Response sendRequest(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    const auto outcome = friends.request(caller.userId, bodyUserId(request));
    if (outcome.chat)
        return jsonResponse(
            200,
            protocol::serialize(boost::json::object{{"chat", protocol::toJson(*outcome.chat)}}));
    return jsonResponse(201, protocol::encode(*outcome.request));
}

Response listRequests(Accounts& accounts, Friends& friends, const Request& request) {
    const auto lists = friends.requests(authenticatedCaller(accounts, request).userId);
    return jsonResponse(200, protocol::serialize(boost::json::object{
                                 {"incoming", protocol::toJson(lists.incoming)},
                                 {"outgoing", protocol::toJson(lists.outgoing)}}));
}

Response accept(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    const auto chat = friends.accept(caller.userId, pathId(request.params.at(0), "id"));
    return jsonResponse(200,
                        protocol::serialize(boost::json::object{{"chat", protocol::toJson(chat)}}));
}

Response decline(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    friends.decline(caller.userId, pathId(request.params.at(0), "id"));
    return noContent();
}

Response withdraw(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    friends.withdraw(caller.userId, pathId(request.params.at(0), "id"));
    return noContent();
}

Response listFriends(Accounts& accounts, Friends& friends, const Request& request) {
    boost::json::array items;
    for (const auto& entry : friends.list(authenticatedCaller(accounts, request).userId))
        items.push_back(
            boost::json::object{{"user", protocol::toJson(entry.user)}, {"chat_id", entry.chatId}});
    return jsonResponse(200, protocol::serialize(items));
}

Response unfriend(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    friends.unfriend(caller.userId, pathId(request.params.at(0), "user_id"));
    return noContent();
}

Response block(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    friends.block(caller.userId, bodyUserId(request));
    return noContent();
}

Response unblock(Accounts& accounts, Friends& friends, const Request& request) {
    const auto caller = authenticatedCaller(accounts, request);
    friends.unblock(caller.userId, pathId(request.params.at(0), "user_id"));
    return noContent();
}

Response listBlocks(Accounts& accounts, Friends& friends, const Request& request) {
    const auto users = friends.blocks(authenticatedCaller(accounts, request).userId);
    return jsonResponse(200, protocol::serialize(protocol::toJson(users)));
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(Accounts&, Friends&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Post, "/api/v1/friends/requests", sendRequest},
    {Method::Get, "/api/v1/friends/requests", listRequests},
    {Method::Post, "/api/v1/friends/requests/{id}/accept", accept},
    {Method::Post, "/api/v1/friends/requests/{id}/decline", decline},
    {Method::Delete, "/api/v1/friends/requests/{id}", withdraw},
    {Method::Get, "/api/v1/friends", listFriends},
    {Method::Delete, "/api/v1/friends/{user_id}", unfriend},
    {Method::Post, "/api/v1/blocks", block},
    {Method::Get, "/api/v1/blocks", listBlocks},
    {Method::Delete, "/api/v1/blocks/{user_id}", unblock},
};

}  // namespace

void addFriendRoutes(Router& router, domain::Accounts& accounts, domain::Friends& friends) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [&accounts, &friends, handler = route.handler](const Request& request) {
                       return handler(accounts, friends, request);
                   });
}

}  // namespace server::http
