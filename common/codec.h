// The JSON codec of the wire protocol: the one place where field names live.
#pragma once

#include <boost/json/value.hpp>
#include <string>
#include <string_view>

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
boost::json::value toJson(const AuthResponse& v);
boost::json::value toJson(const MeResponse& v);
boost::json::value toJson(const RegisterRequest& v);
boost::json::value toJson(const LoginRequest& v);
boost::json::value toJson(const PatchMeRequest& v);
boost::json::value toJson(const PasswordChangeRequest& v);
boost::json::value toJson(const ClientFrame& v);
boost::json::value toJson(const ServerFrame& v);

// Decoding. A missing required field or a field of the wrong type throws
// ApiError(BadRequest, "<field>: <problem>"); unknown fields are ignored. Decoding checks
// shapes and types only; validation.h checks values (lengths, character sets).
template <class T>
T fromJson(const boost::json::value& json);

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

} // namespace protocol
