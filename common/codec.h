// The JSON codec of the wire protocol: the one place where field names live.
#pragma once

#include <boost/json/array.hpp>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/wire_types.h"
#include "common/ws_frames.h"

namespace protocol {

// Parses JSON text; malformed JSON (or invalid UTF-8, or a lone-surrogate escape) throws
// ApiError(BadRequest) with a message saying so.
boost::json::value parseJson(std::string_view text);
std::string serialize(const boost::json::value& value);

// Encoding of the protocol's objects.
boost::json::value toJson(const User& v);
boost::json::value toJson(const Media& v);
boost::json::value toJson(const Message& v);
boost::json::value toJson(const Chat& v);
boost::json::value toJson(const Event& v);
boost::json::value toJson(const Notification& v);
boost::json::value toJson(const FriendRequest& v);
boost::json::value toJson(const Member& v);
boost::json::value toJson(const BanEntry& v);
boost::json::value toJson(const AuditEntry& v);
boost::json::value toJson(const AuthResponse& v);
boost::json::value toJson(const MeResponse& v);
boost::json::value toJson(const RegisterRequest& v);
boost::json::value toJson(const LoginRequest& v);
boost::json::value toJson(const PatchMeRequest& v);
boost::json::value toJson(const PasswordChangeRequest& v);
boost::json::value toJson(const ClientFrame& v);
boost::json::value toJson(const ServerFrame& v);

// A JSON array of the encoded items (search results, chat lists, ...).
template <class T>
boost::json::value toJson(const std::vector<T>& items) {
    boost::json::array array;
    array.reserve(items.size());
    for (const T& item : items) {
        array.push_back(toJson(item));
    }
    return array;
}

// Decoding. A missing required field or a field of the wrong type throws
// ApiError(BadRequest, "<field>: <problem>"); unknown fields are ignored. Decoding checks
// shapes and types only; validation.h checks values (lengths, character sets).
template <class T>
T fromJson(const boost::json::value& json);

// Defined in the codec's source files for every type above (and arrays of the objects); using
// fromJson with any other type fails to link.
template <>
User fromJson<User>(const boost::json::value& json);
template <>
Media fromJson<Media>(const boost::json::value& json);
template <>
Message fromJson<Message>(const boost::json::value& json);
template <>
Chat fromJson<Chat>(const boost::json::value& json);
template <>
Event fromJson<Event>(const boost::json::value& json);
template <>
Notification fromJson<Notification>(const boost::json::value& json);
template <>
FriendRequest fromJson<FriendRequest>(const boost::json::value& json);
template <>
Member fromJson<Member>(const boost::json::value& json);
template <>
BanEntry fromJson<BanEntry>(const boost::json::value& json);
template <>
AuditEntry fromJson<AuditEntry>(const boost::json::value& json);
template <>
AuthResponse fromJson<AuthResponse>(const boost::json::value& json);
template <>
MeResponse fromJson<MeResponse>(const boost::json::value& json);
template <>
RegisterRequest fromJson<RegisterRequest>(const boost::json::value& json);
template <>
LoginRequest fromJson<LoginRequest>(const boost::json::value& json);
template <>
PatchMeRequest fromJson<PatchMeRequest>(const boost::json::value& json);
template <>
PasswordChangeRequest fromJson<PasswordChangeRequest>(const boost::json::value& json);
template <>
ClientFrame fromJson<ClientFrame>(const boost::json::value& json);
template <>
ServerFrame fromJson<ServerFrame>(const boost::json::value& json);
template <>
std::vector<User> fromJson<std::vector<User>>(const boost::json::value& json);
template <>
std::vector<Chat> fromJson<std::vector<Chat>>(const boost::json::value& json);
template <>
std::vector<Message> fromJson<std::vector<Message>>(const boost::json::value& json);
template <>
std::vector<Member> fromJson<std::vector<Member>>(const boost::json::value& json);
template <>
std::vector<Notification> fromJson<std::vector<Notification>>(const boost::json::value& json);
template <>
std::vector<Event> fromJson<std::vector<Event>>(const boost::json::value& json);
template <>
std::vector<BanEntry> fromJson<std::vector<BanEntry>>(const boost::json::value& json);
template <>
std::vector<AuditEntry> fromJson<std::vector<AuditEntry>>(const boost::json::value& json);

// parseJson + fromJson.
template <class T>
T decode(std::string_view text) {
    return fromJson<T>(parseJson(text));
}
template <class T>
std::string encode(const T& v) {
    return serialize(toJson(v));
}

// {"error":{"code":"...","message":"..."}}
std::string errorBody(ErrorCode code, std::string_view message);
// Reads an error body; nullopt when the text is not one.
std::optional<std::pair<std::string, std::string>> parseErrorBody(std::string_view text);

std::string_view toString(Role role);      // "owner", "admin", "moderator", "member"
std::string_view toString(ChatKind kind);  // "direct", "group"
std::string_view toString(Presence p);     // "online", "offline"
std::optional<Role> roleFromString(std::string_view s);
std::optional<ChatKind> chatKindFromString(std::string_view s);
std::optional<Presence> presenceFromString(std::string_view s);

// The `type` of an Event (PROTOCOL.md "Messages and the chat event log").
namespace eventType {
inline constexpr std::string_view MessageCreated = "message.created";
inline constexpr std::string_view MessageEdited = "message.edited";
inline constexpr std::string_view MessageDeleted = "message.deleted";
inline constexpr std::string_view ReactionChanged = "reaction.changed";
inline constexpr std::string_view PinChanged = "pin.changed";
inline constexpr std::string_view MemberAdded = "member.added";
inline constexpr std::string_view MemberRemoved = "member.removed";
inline constexpr std::string_view MemberUnbanned = "member.unbanned";
inline constexpr std::string_view MemberRole = "member.role";
inline constexpr std::string_view MemberMuted = "member.muted";
inline constexpr std::string_view ChatUpdated = "chat.updated";
}  // namespace eventType

// The `action` of an AuditEntry (PROTOCOL.md "Groups, roles and moderation").
namespace auditAction {
inline constexpr std::string_view MemberAdded = "member.added";
inline constexpr std::string_view MemberKicked = "member.kicked";
inline constexpr std::string_view MemberBanned = "member.banned";
inline constexpr std::string_view MemberUnbanned = "member.unbanned";
inline constexpr std::string_view MemberRole = "member.role";
inline constexpr std::string_view MemberMuted = "member.muted";
inline constexpr std::string_view MemberUnmuted = "member.unmuted";
inline constexpr std::string_view MessageDeleted = "message.deleted";
inline constexpr std::string_view PinChanged = "pin.changed";
inline constexpr std::string_view ChatUpdated = "chat.updated";
inline constexpr std::string_view OwnerTransferred = "owner.transferred";
}  // namespace auditAction

}  // namespace protocol
