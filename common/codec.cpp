#include "common/codec.h"

#include <boost/json.hpp>

#include "common/validation.h"

namespace protocol {

boost::json::value parseJson(std::string_view text) {
    // Boost.JSON rejects raw invalid UTF-8 and lone-surrogate escapes by itself; checking the
    // raw text first gives a clear message and does not depend on a Boost version's defaults.
    if (!validation::isValidUtf8(text)) {
        throw ApiError(ErrorCode::BadRequest, "body: invalid UTF-8");
    }
    boost::json::parse_options options;
    options.allow_invalid_utf8 = false;
    boost::system::error_code ec;
    boost::json::value value = boost::json::parse(text, ec, {}, options);
    if (ec) {
        if (ec == boost::json::error::illegal_leading_surrogate ||
            ec == boost::json::error::illegal_trailing_surrogate ||
            ec == boost::json::error::expected_utf16_escape) {
            throw ApiError(ErrorCode::BadRequest, "body: lone UTF-16 surrogate in a string");
        }
        throw ApiError(ErrorCode::BadRequest, "body: malformed JSON (" + ec.message() + ")");
    }
    return value;
}

std::string serialize(const boost::json::value& value) {
    return boost::json::serialize(value);
}

std::string errorBody(ErrorCode code, std::string_view message) {
    boost::json::object error;
    error["code"] = errorCodeName(code);
    error["message"] = message;
    boost::json::object body;
    body["error"] = std::move(error);
    return serialize(body);
}

std::optional<std::pair<std::string, std::string>> parseErrorBody(std::string_view text) {
    boost::system::error_code ec;
    const boost::json::value value = boost::json::parse(text, ec);
    if (ec || !value.is_object()) {
        return std::nullopt;
    }
    const boost::json::value* error = value.get_object().if_contains("error");
    if (!error || !error->is_object()) {
        return std::nullopt;
    }
    const boost::json::value* code = error->get_object().if_contains("code");
    if (!code || !code->is_string()) {
        return std::nullopt;
    }
    const boost::json::value* message = error->get_object().if_contains("message");
    std::string messageText =
        (message && message->is_string()) ? std::string(message->get_string()) : std::string();
    return std::pair(std::string(code->get_string()), std::move(messageText));
}

std::string_view toString(Role role) {
    switch (role) {
        case Role::Owner:
            return "owner";
        case Role::Admin:
            return "admin";
        case Role::Moderator:
            return "moderator";
        case Role::Member:
            break;
    }
    return "member";
}

std::string_view toString(ChatKind kind) {
    return kind == ChatKind::Group ? "group" : "direct";
}

std::string_view toString(Presence p) {
    return p == Presence::Online ? "online" : "offline";
}

std::optional<Role> roleFromString(std::string_view s) {
    for (Role role : {Role::Member, Role::Moderator, Role::Admin, Role::Owner}) {
        if (toString(role) == s) {
            return role;
        }
    }
    return std::nullopt;
}

std::optional<ChatKind> chatKindFromString(std::string_view s) {
    for (ChatKind kind : {ChatKind::Direct, ChatKind::Group}) {
        if (toString(kind) == s) {
            return kind;
        }
    }
    return std::nullopt;
}

std::optional<Presence> presenceFromString(std::string_view s) {
    for (Presence p : {Presence::Offline, Presence::Online}) {
        if (toString(p) == s) {
            return p;
        }
    }
    return std::nullopt;
}

}  // namespace protocol
