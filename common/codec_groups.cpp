// Encoding and decoding of the group answers that are not one object of "Objects": bans and the
// audit log (PROTOCOL.md "Groups, roles and moderation").
#include <boost/json.hpp>

#include "common/codec.h"
#include "common/json_reader.h"

namespace protocol {

using boost::json::object;
using boost::json::value;

value toJson(const BanEntry& v) {
    return object{{"user", toJson(v.user)}, {"actor", v.actor}, {"reason", v.reason}, {"ts", v.ts}};
}

template <>
BanEntry readValue<BanEntry>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    BanEntry b;
    b.user = r.get<User>("user");
    b.actor = r.id("actor");
    b.reason = r.optString("reason").value_or("");
    b.ts = r.integer("ts");
    return b;
}

value toJson(const AuditEntry& v) {
    boost::system::error_code ec;
    value details = v.detailsJson.empty() ? value(object{}) : boost::json::parse(v.detailsJson, ec);
    if (ec || !details.is_object())
        details = object{};
    return object{{"id", v.id},
                  {"ts", v.ts},
                  {"actor", v.actor},
                  {"action", v.action},
                  {"target", v.target ? value(*v.target) : value(nullptr)},
                  {"details", std::move(details)}};
}

template <>
AuditEntry readValue<AuditEntry>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    AuditEntry a;
    a.id = r.id("id");
    a.ts = r.integer("ts");
    a.actor = r.id("actor");
    a.action = r.string("action");
    a.target = r.optId("target");
    const value* details = r.find("details");
    if (details && !details->is_object())
        throw ApiError(ErrorCode::BadRequest, r.fieldPath("details") + ": expected an object");
    a.detailsJson = details ? protocol::serialize(*details) : std::string("{}");
    return a;
}

template <>
BanEntry fromJson<BanEntry>(const value& json) {
    return readValue<BanEntry>(json, "");
}
template <>
AuditEntry fromJson<AuditEntry>(const value& json) {
    return readValue<AuditEntry>(json, "");
}
template <>
std::vector<BanEntry> fromJson<std::vector<BanEntry>>(const value& json) {
    const auto& items = readArray(json, "body");
    std::vector<BanEntry> out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        out.push_back(readValue<BanEntry>(items[i], elementPath("", i)));
    return out;
}
template <>
std::vector<AuditEntry> fromJson<std::vector<AuditEntry>>(const value& json) {
    const auto& items = readArray(json, "body");
    std::vector<AuditEntry> out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i)
        out.push_back(readValue<AuditEntry>(items[i], elementPath("", i)));
    return out;
}

}  // namespace protocol
