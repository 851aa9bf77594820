// Encoding and decoding of the WebSocket frames (PROTOCOL.md "Real time"): the op tables.
#include <array>
#include <boost/json.hpp>

#include "common/codec.h"
#include "common/json_reader.h"

namespace protocol {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

namespace op {
constexpr std::string_view Hello = "hello";
constexpr std::string_view Send = "send";
constexpr std::string_view Typing = "typing";
constexpr std::string_view Read = "read";
constexpr std::string_view Ping = "ping";
constexpr std::string_view Ready = "ready";
constexpr std::string_view Ack = "ack";
constexpr std::string_view Error = "error";
constexpr std::string_view Pong = "pong";
constexpr std::string_view Event = "event";
constexpr std::string_view Presence = "presence";
constexpr std::string_view Notification = "notification";
constexpr std::string_view ChatAdded = "chat.added";
constexpr std::string_view ChatRemoved = "chat.removed";
constexpr std::string_view FriendRequest = "friend.request";
constexpr std::string_view FriendRemoved = "friend.removed";
}  // namespace op

value orNull(const std::optional<std::int64_t>& v) {
    return v ? value(*v) : value(nullptr);
}

// Client to server.
object encode(const ws::Hello& f) {
    return {{"op", op::Hello}, {"token", f.token}};
}
object encode(const ws::Send& f) {
    object o{{"op", op::Send}, {"chat_id", f.chatId}, {"client_id", f.clientId}};
    if (f.text) {
        o["text"] = *f.text;
    }
    if (!f.media.empty()) {
        array media;
        for (const MediaId& id : f.media) {
            media.push_back(value(id));
        }
        o["media"] = std::move(media);
    }
    if (f.replyTo) {
        o["reply_to"] = *f.replyTo;
    }
    return o;
}
object encode(const ws::TypingIn& f) {
    return {{"op", op::Typing}, {"chat_id", f.chatId}};
}
object encode(const ws::ReadIn& f) {
    return {{"op", op::Read}, {"chat_id", f.chatId}, {"seq", f.seq}};
}
object encode(const ws::Ping& f) {
    object o{{"op", op::Ping}};
    if (f.nonce) {
        o["nonce"] = *f.nonce;
    }
    return o;
}

// Server to client.
object encode(const ws::Ready& f) {
    return {{"op", op::Ready}, {"user", toJson(f.user)}, {"heartbeat_ms", f.heartbeatMs}};
}
object encode(const ws::Ack& f) {
    return {{"op", op::Ack}, {"client_id", f.clientId}, {"message", toJson(f.message)}};
}
object encode(const ws::Error& f) {
    object o{{"op", op::Error}, {"code", f.code}};
    if (f.message) {
        o["message"] = *f.message;
    }
    if (f.clientId) {
        o["client_id"] = *f.clientId;
    }
    if (f.retryAfterMs) {
        o["retry_after_ms"] = *f.retryAfterMs;
    }
    return o;
}
object encode(const ws::Pong& f) {
    object o{{"op", op::Pong}};
    if (f.nonce) {
        o["nonce"] = *f.nonce;
    }
    return o;
}
object encode(const ws::EventOut& f) {
    return {{"op", op::Event}, {"event", toJson(f.event)}};
}
object encode(const ws::TypingOut& f) {
    return {{"op", op::Typing}, {"chat_id", f.chatId}, {"user_id", f.userId}};
}
object encode(const ws::PresenceOut& f) {
    return {{"op", op::Presence},
            {"user_id", f.userId},
            {"status", toString(f.status)},
            {"last_seen", orNull(f.lastSeen)}};
}
object encode(const ws::ReadOut& f) {
    return {{"op", op::Read}, {"chat_id", f.chatId}, {"user_id", f.userId}, {"seq", f.seq}};
}
object encode(const ws::NotificationOut& f) {
    return {{"op", op::Notification}, {"notification", toJson(f.notification)}};
}
object encode(const ws::ChatAdded& f) {
    return {{"op", op::ChatAdded}, {"chat", toJson(f.chat)}};
}
object encode(const ws::ChatRemoved& f) {
    return {{"op", op::ChatRemoved}, {"chat_id", f.chatId}, {"reason", f.reason}};
}
object encode(const ws::FriendRequestOut& f) {
    return {{"op", op::FriendRequest}, {"request", toJson(f.request)}};
}
object encode(const ws::FriendRemoved& f) {
    return {{"op", op::FriendRemoved}, {"user_id", f.userId}};
}

template <class Frame>
struct OpEntry {
    std::string_view name;
    Frame (*decode)(const JsonReader&);
};

constexpr std::array<OpEntry<ClientFrame>, 5> kClientOps{{
    {op::Hello, [](const JsonReader& r) -> ClientFrame { return ws::Hello{r.string("token")}; }},
    {op::Send,
     [](const JsonReader& r) -> ClientFrame {
         ws::Send s;
         s.chatId = r.id("chat_id");
         s.clientId = r.string("client_id");
         s.text = r.optString("text");
         if (const value* media = r.find("media")) {
             const std::string field = r.fieldPath("media");
             const array& items = readArray(*media, field);
             for (std::size_t i = 0; i < items.size(); ++i) {
                 s.media.push_back(readString(items[i], elementPath(field, i)));
             }
         }
         s.replyTo = r.optId("reply_to");
         return s;
     }},
    {op::Typing, [](const JsonReader& r) -> ClientFrame { return ws::TypingIn{r.id("chat_id")}; }},
    {op::Read,
     [](const JsonReader& r) -> ClientFrame {
         return ws::ReadIn{r.id("chat_id"), r.integer("seq", 0)};
     }},
    {op::Ping, [](const JsonReader& r) -> ClientFrame { return ws::Ping{r.optString("nonce")}; }},
}};

constexpr std::array<OpEntry<ServerFrame>, 13> kServerOps{{
    {op::Ready,
     [](const JsonReader& r) -> ServerFrame {
         return ws::Ready{r.get<User>("user"),
                          static_cast<int>(r.integer("heartbeat_ms", 1, INT32_MAX))};
     }},
    {op::Ack,
     [](const JsonReader& r) -> ServerFrame {
         return ws::Ack{r.string("client_id"), r.get<Message>("message")};
     }},
    {op::Error,
     [](const JsonReader& r) -> ServerFrame {
         const auto retry = r.optInteger("retry_after_ms", 0, INT32_MAX);
         return ws::Error{r.string("code"), r.optString("message"), r.optString("client_id"),
                          retry ? std::optional<int>(static_cast<int>(*retry)) : std::nullopt};
     }},
    {op::Pong, [](const JsonReader& r) -> ServerFrame { return ws::Pong{r.optString("nonce")}; }},
    {op::Event,
     [](const JsonReader& r) -> ServerFrame {
         return ws::EventOut{r.get<protocol::Event>("event")};
     }},
    {op::Typing,
     [](const JsonReader& r) -> ServerFrame {
         return ws::TypingOut{r.id("chat_id"), r.id("user_id")};
     }},
    {op::Presence,
     [](const JsonReader& r) -> ServerFrame {
         const std::string status = r.string("status");
         const auto presence = presenceFromString(status);
         if (!presence) {
             throw ApiError(ErrorCode::BadRequest, "status: unknown value '" + status + "'");
         }
         return ws::PresenceOut{r.id("user_id"), *presence, r.optInteger("last_seen")};
     }},
    {op::Read,
     [](const JsonReader& r) -> ServerFrame {
         return ws::ReadOut{r.id("chat_id"), r.id("user_id"), r.integer("seq", 0)};
     }},
    {op::Notification,
     [](const JsonReader& r) -> ServerFrame {
         return ws::NotificationOut{r.get<protocol::Notification>("notification")};
     }},
    {op::ChatAdded,
     [](const JsonReader& r) -> ServerFrame { return ws::ChatAdded{r.get<Chat>("chat")}; }},
    {op::ChatRemoved,
     [](const JsonReader& r) -> ServerFrame {
         return ws::ChatRemoved{r.id("chat_id"), r.string("reason")};
     }},
    {op::FriendRequest,
     [](const JsonReader& r) -> ServerFrame {
         return ws::FriendRequestOut{r.get<protocol::FriendRequest>("request")};
     }},
    {op::FriendRemoved,
     [](const JsonReader& r) -> ServerFrame { return ws::FriendRemoved{r.id("user_id")}; }},
}};

template <class Frame, std::size_t N>
Frame decodeFrame(const value& json, const std::array<OpEntry<Frame>, N>& ops) {
    const JsonReader r(json, "");
    const std::string name = r.string("op");
    for (const auto& entry : ops) {
        if (entry.name == name) {
            return entry.decode(r);
        }
    }
    throw ApiError(ErrorCode::BadRequest, "op: unknown op '" + name + "'");
}

}  // namespace

value toJson(const ClientFrame& v) {
    return std::visit([](const auto& frame) { return value(encode(frame)); }, v);
}

value toJson(const ServerFrame& v) {
    return std::visit([](const auto& frame) { return value(encode(frame)); }, v);
}

template <>
ClientFrame fromJson<ClientFrame>(const value& json) {
    return decodeFrame(json, kClientOps);
}

template <>
ServerFrame fromJson<ServerFrame>(const value& json) {
    return decodeFrame(json, kServerOps);
}

}  // namespace protocol
