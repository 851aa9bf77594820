// Encoding and decoding of the bodies of "Accounts and sessions": their field names.
#include <boost/json.hpp>

#include "common/codec.h"
#include "common/json_reader.h"

namespace protocol {

using boost::json::object;
using boost::json::value;

value toJson(const AuthResponse& v) {
    return object{{"token", v.token}, {"user", toJson(v.user)}};
}

template <>
AuthResponse fromJson<AuthResponse>(const value& json) {
    const JsonReader r(json, "");
    return {r.string("token"), r.get<User>("user")};
}

value toJson(const MeResponse& v) {
    return object{{"user", toJson(v.user)}, {"unread_notifications", v.unreadNotifications}};
}

template <>
MeResponse fromJson<MeResponse>(const value& json) {
    const JsonReader r(json, "");
    return {r.get<User>("user"), r.optInteger("unread_notifications", 0).value_or(0)};
}

value toJson(const RegisterRequest& v) {
    object o{{"username", v.username}, {"password", v.password}};
    if (v.displayName) {
        o["display_name"] = *v.displayName;
    }
    return o;
}

template <>
RegisterRequest fromJson<RegisterRequest>(const value& json) {
    const JsonReader r(json, "");
    return {r.string("username"), r.string("password"), r.optString("display_name")};
}

value toJson(const LoginRequest& v) {
    object o{{"username", v.username}, {"password", v.password}};
    if (v.device) {
        o["device"] = *v.device;
    }
    return o;
}

template <>
LoginRequest fromJson<LoginRequest>(const value& json) {
    const JsonReader r(json, "");
    return {r.string("username"), r.string("password"), r.optString("device")};
}

value toJson(const PatchMeRequest& v) {
    object o;
    if (v.displayName) {
        o["display_name"] = *v.displayName;
    }
    if (v.avatarPresent) {
        o["avatar"] = v.avatar ? value(*v.avatar) : value(nullptr);
    }
    return o;
}

template <>
PatchMeRequest fromJson<PatchMeRequest>(const value& json) {
    // PATCH: a null display_name is ignored, a null avatar clears it.
    const JsonReader r(json, "");
    PatchMeRequest p;
    p.displayName = r.optString("display_name");
    p.avatarPresent = r.has("avatar");
    p.avatar = r.optString("avatar");
    return p;
}

value toJson(const PasswordChangeRequest& v) {
    return object{{"old_password", v.oldPassword}, {"new_password", v.newPassword}};
}

template <>
PasswordChangeRequest fromJson<PasswordChangeRequest>(const value& json) {
    const JsonReader r(json, "");
    return {r.string("old_password"), r.string("new_password")};
}

}  // namespace protocol
