#include "server/http/chat_routes.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "common/codec.h"
#include "common/json_reader.h"
#include "server/http/account_routes.h"

namespace server::http {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

std::int64_t callerId(ChatServices& s, const Request& request) {
    return authenticatedCaller(s.accounts, request).userId;
}

std::int64_t chatId(const Request& request) {
    return pathId(request.params.at(0), "id");
}

Response listChats(ChatServices& s, const Request& request) {
    return jsonResponse(200,
                        protocol::serialize(protocol::toJson(s.chats.list(callerId(s, request)))));
}

Response getChat(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    return jsonResponse(200, protocol::encode(s.chats.get(user, chatId(request))));
}

Response postMessage(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    const auto id = chatId(request);
    const auto json = protocol::parseJson(request.body);
    const protocol::JsonReader body(json, "");
    domain::SendInput input;
    input.chatId = id;
    input.clientId = body.string("client_id");
    input.text = body.optString("text");
    if (const auto* media = body.find("media")) {
        const auto& items = protocol::readArray(*media, "media");
        for (std::size_t i = 0; i < items.size(); ++i)
            input.media.push_back(
                protocol::readString(items[i], protocol::elementPath("media", i)));
    }
    input.replyTo = body.optId("reply_to");
    const auto outcome = s.sender.sendAndWait(user, std::move(input));
    return jsonResponse(outcome.created ? 201 : 200, protocol::encode(outcome.message));
}

Response history(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    const auto page = s.messages.history(user, chatId(request), queryInt(request, "before"),
                                         queryInt(request, "limit"));
    return jsonResponse(
        200, protocol::serialize(boost::json::object{{"messages", protocol::toJson(page.messages)},
                                                     {"has_more", page.hasMore}}));
}

Response events(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    const auto page = s.messages.events(user, chatId(request), queryInt(request, "after"),
                                        queryInt(request, "limit"));
    return jsonResponse(
        200, protocol::serialize(boost::json::object{{"events", protocol::toJson(page.events)},
                                                     {"last_seq", page.lastSeq}}));
}

Response pin(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    s.messages.pin(user, chatId(request), pathId(request.params.at(1), "message_id"), true);
    return noContent();
}

Response unpin(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    s.messages.pin(user, chatId(request), pathId(request.params.at(1), "message_id"), false);
    return noContent();
}

Response pins(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    return jsonResponse(
        200, protocol::serialize(protocol::toJson(s.messages.pins(user, chatId(request)))));
}

Response read(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    const auto id = chatId(request);
    const auto json = protocol::parseJson(request.body);
    const auto seq = protocol::JsonReader(json, "").integer("seq", 0);
    s.signals.readAndWait(user, id, seq);
    return noContent();
}

Response search(ChatServices& s, const Request& request) {
    const auto user = callerId(s, request);
    const auto id = chatId(request);
    const auto q = request.query.find("q");
    if (q == request.query.end())
        throw ApiError(ErrorCode::BadRequest, "q: required");
    return jsonResponse(
        200, protocol::serialize(protocol::toJson(s.messages.search(user, id, q->second))));
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(ChatServices&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Get, "/api/v1/chats", listChats},
    {Method::Get, "/api/v1/chats/{id}", getChat},
    {Method::Post, "/api/v1/chats/{id}/messages", postMessage},
    {Method::Get, "/api/v1/chats/{id}/messages", history},
    {Method::Get, "/api/v1/chats/{id}/events", events},
    {Method::Put, "/api/v1/chats/{id}/pins/{message_id}", pin},
    {Method::Delete, "/api/v1/chats/{id}/pins/{message_id}", unpin},
    {Method::Get, "/api/v1/chats/{id}/pins", pins},
    {Method::Post, "/api/v1/chats/{id}/read", read},
    {Method::Get, "/api/v1/chats/{id}/search", search},
};

}  // namespace

void addChatRoutes(Router& router, ChatServices services) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [services, handler = route.handler](const Request& request) mutable {
                       return handler(services, request);
                   });
}

}  // namespace server::http
