// Encoding and decoding of the protocol's objects (PROTOCOL.md "Objects"): their field names.
#include <boost/json.hpp>
#include <type_traits>

#include "common/codec.h"
#include "common/json_reader.h"

namespace protocol {
namespace {

using boost::json::array;
using boost::json::object;
using boost::json::value;

template <class T>
value orNull(const std::optional<T>& v) {
    if (!v) {
        return nullptr;
    }
    if constexpr (std::is_same_v<T, std::string>) {
        return value(*v);
    } else if constexpr (std::is_integral_v<T>) {
        return value(*v);
    } else {
        return toJson(*v);
    }
}

template <class T>
std::vector<T> readVector(const value& json, const std::string& path) {
    const array& items = readArray(json, path.empty() ? std::string("body") : path);
    std::vector<T> out;
    out.reserve(items.size());
    for (std::size_t i = 0; i < items.size(); ++i) {
        out.push_back(readValue<T>(items[i], elementPath(path, i)));
    }
    return out;
}

[[noreturn]] void badValue(const std::string& field, std::string_view got) {
    throw ApiError(ErrorCode::BadRequest, field + ": unknown value '" + std::string(got) + "'");
}

Role readRole(const JsonReader& r, std::string_view key) {
    const std::string s = r.string(key);
    const auto role = roleFromString(s);
    if (!role) {
        badValue(r.fieldPath(key), s);
    }
    return *role;
}

}  // namespace

value toJson(const User& v) {
    return object{{"id", v.id},
                  {"username", v.username},
                  {"display_name", v.displayName},
                  {"avatar", orNull(v.avatar)},
                  {"status", toString(v.status)},
                  {"last_seen", orNull(v.lastSeen)}};
}

template <>
User readValue<User>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    User u;
    u.id = r.id("id");
    u.username = r.string("username");
    u.displayName = r.string("display_name");
    u.avatar = r.optString("avatar");
    if (const auto status = r.optString("status")) {
        const auto presence = presenceFromString(*status);
        if (!presence) {
            badValue(r.fieldPath("status"), *status);
        }
        u.status = *presence;
    }
    u.lastSeen = r.optInteger("last_seen");
    return u;
}

value toJson(const Media& v) {
    return object{{"id", v.id},       {"mime", v.mime},     {"size", v.size},
                  {"width", v.width}, {"height", v.height}, {"thumbnail", orNull(v.thumbnail)}};
}

template <>
Media readValue<Media>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Media m;
    m.id = r.string("id");
    m.mime = r.string("mime");
    m.size = r.integer("size", 0);
    m.width = static_cast<int>(r.integer("width", 0, INT32_MAX));
    m.height = static_cast<int>(r.integer("height", 0, INT32_MAX));
    m.thumbnail = r.optString("thumbnail");
    return m;
}

value toJson(const Message& v) {
    object reactions;
    for (const auto& [emoji, users] : v.reactions) {
        array ids;
        for (Id id : users) {
            ids.push_back(id);
        }
        reactions[emoji] = std::move(ids);
    }
    return object{{"id", v.id},
                  {"chat_id", v.chatId},
                  {"seq", v.seq},
                  {"sender", v.sender},
                  {"ts", v.ts},
                  {"client_id", v.clientId},
                  {"text", v.text},
                  {"reply_to", orNull(v.replyTo)},
                  {"media", toJson(v.media)},
                  {"edited_ts", orNull(v.editedTs)},
                  {"deleted", v.deleted},
                  {"reactions", std::move(reactions)}};
}

template <>
Message readValue<Message>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Message m;
    m.id = r.id("id");
    m.chatId = r.id("chat_id");
    m.seq = r.integer("seq", 0);
    m.sender = r.id("sender");
    m.ts = r.integer("ts");
    m.clientId = r.optString("client_id").value_or("");
    m.text = r.optString("text").value_or("");
    m.replyTo = r.optId("reply_to");
    if (const value* media = r.find("media")) {
        m.media = readVector<Media>(*media, r.fieldPath("media"));
    }
    m.editedTs = r.optInteger("edited_ts");
    m.deleted = r.optBoolean("deleted").value_or(false);
    if (const value* reactions = r.find("reactions")) {
        const JsonReader byEmoji(*reactions, r.fieldPath("reactions"));
        for (const auto& entry : reactions->get_object()) {
            const std::string field = byEmoji.fieldPath(entry.key());
            std::vector<Id>& users = m.reactions[std::string(entry.key())];
            const array& ids = readArray(entry.value(), field);
            for (std::size_t i = 0; i < ids.size(); ++i) {
                users.push_back(readId(ids[i], elementPath(field, i)));
            }
        }
    }
    return m;
}

value toJson(const Chat& v) {
    return object{{"id", v.id},
                  {"kind", toString(v.kind)},
                  {"name", v.name},
                  {"description", v.description},
                  {"avatar", orNull(v.avatar)},
                  {"created_ts", v.createdTs},
                  {"last_seq", v.lastSeq},
                  {"read_seq", v.readSeq},
                  {"unread", v.unread},
                  {"my_role", toString(v.myRole)},
                  {"member_count", v.memberCount},
                  {"peer", orNull(v.peer)},
                  {"peer_read_seq", orNull(v.peerReadSeq)},
                  {"notifications_muted_until", orNull(v.notificationsMutedUntil)},
                  {"settings", object{{"slow_mode_s", v.settings.slowModeS},
                                      {"only_admins_post", v.settings.onlyAdminsPost}}},
                  {"last_message", orNull(v.lastMessage)}};
}

template <>
Chat readValue<Chat>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Chat c;
    c.id = r.id("id");
    const std::string kind = r.string("kind");
    const auto parsedKind = chatKindFromString(kind);
    if (!parsedKind) {
        badValue(r.fieldPath("kind"), kind);
    }
    c.kind = *parsedKind;
    c.name = r.optString("name").value_or("");
    c.description = r.optString("description").value_or("");
    c.avatar = r.optString("avatar");
    c.createdTs = r.optInteger("created_ts").value_or(0);
    c.lastSeq = r.optInteger("last_seq", 0).value_or(0);
    c.readSeq = r.optInteger("read_seq", 0).value_or(0);
    c.unread = r.optInteger("unread", 0).value_or(0);
    c.myRole = r.find("my_role") ? readRole(r, "my_role") : Role::Member;
    c.memberCount = r.optInteger("member_count", 0).value_or(0);
    c.peer = r.opt<User>("peer");
    c.peerReadSeq = r.optInteger("peer_read_seq", 0);
    c.notificationsMutedUntil = r.optInteger("notifications_muted_until");
    if (const value* settings = r.find("settings")) {
        const JsonReader s(*settings, r.fieldPath("settings"));
        c.settings.slowModeS =
            static_cast<int>(s.optInteger("slow_mode_s", 0, INT32_MAX).value_or(0));
        c.settings.onlyAdminsPost = s.optBoolean("only_admins_post").value_or(false);
    }
    c.lastMessage = r.opt<Message>("last_message");
    return c;
}

value toJson(const Event& v) {
    boost::system::error_code ec;
    value data = v.dataJson.empty() ? value(object{}) : boost::json::parse(v.dataJson, ec);
    if (ec || !data.is_object()) {
        throw ApiError(ErrorCode::Internal, "event.data: not a JSON object");
    }
    return object{{"chat_id", v.chatId}, {"seq", v.seq},     {"ts", v.ts},
                  {"type", v.type},      {"actor", v.actor}, {"data", std::move(data)}};
}

template <>
Event readValue<Event>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Event e;
    e.chatId = r.id("chat_id");
    e.seq = r.integer("seq", 1);
    e.ts = r.integer("ts");
    e.type = r.string("type");
    e.actor = r.id("actor");
    const value& data = r.required("data");
    if (!data.is_object()) {
        throw ApiError(ErrorCode::BadRequest, r.fieldPath("data") + ": expected an object");
    }
    e.dataJson = protocol::serialize(data);
    return e;
}

value toJson(const Notification& v) {
    return object{{"id", v.id},
                  {"ts", v.ts},
                  {"type", v.type},
                  {"actor", orNull(v.actor)},
                  {"chat_id", orNull(v.chatId)},
                  {"message_id", orNull(v.messageId)},
                  {"read", v.read},
                  {"text", v.text}};
}

template <>
Notification readValue<Notification>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Notification n;
    n.id = r.id("id");
    n.ts = r.integer("ts");
    n.type = r.string("type");
    n.actor = r.optId("actor");
    n.chatId = r.optId("chat_id");
    n.messageId = r.optId("message_id");
    n.read = r.optBoolean("read").value_or(false);
    n.text = r.optString("text").value_or("");
    return n;
}

value toJson(const FriendRequest& v) {
    return object{{"id", v.id}, {"from", toJson(v.from)}, {"to", toJson(v.to)}, {"ts", v.ts}};
}

template <>
FriendRequest readValue<FriendRequest>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    FriendRequest f;
    f.id = r.id("id");
    f.from = r.get<User>("from");
    f.to = r.get<User>("to");
    f.ts = r.integer("ts");
    return f;
}

value toJson(const Member& v) {
    return object{{"user", toJson(v.user)},
                  {"role", toString(v.role)},
                  {"joined_ts", v.joinedTs},
                  {"muted_until", orNull(v.mutedUntil)}};
}

template <>
Member readValue<Member>(const value& json, const std::string& path) {
    const JsonReader r(json, path);
    Member m;
    m.user = r.get<User>("user");
    m.role = readRole(r, "role");
    m.joinedTs = r.integer("joined_ts");
    m.mutedUntil = r.optInteger("muted_until");
    return m;
}

template <>
User fromJson<User>(const value& json) {
    return readValue<User>(json, "");
}
template <>
Media fromJson<Media>(const value& json) {
    return readValue<Media>(json, "");
}
template <>
Message fromJson<Message>(const value& json) {
    return readValue<Message>(json, "");
}
template <>
Chat fromJson<Chat>(const value& json) {
    return readValue<Chat>(json, "");
}
template <>
Event fromJson<Event>(const value& json) {
    return readValue<Event>(json, "");
}
template <>
Notification fromJson<Notification>(const value& json) {
    return readValue<Notification>(json, "");
}
template <>
FriendRequest fromJson<FriendRequest>(const value& json) {
    return readValue<FriendRequest>(json, "");
}
template <>
Member fromJson<Member>(const value& json) {
    return readValue<Member>(json, "");
}
template <>
std::vector<User> fromJson<std::vector<User>>(const value& json) {
    return readVector<User>(json, "");
}
template <>
std::vector<Chat> fromJson<std::vector<Chat>>(const value& json) {
    return readVector<Chat>(json, "");
}
template <>
std::vector<Message> fromJson<std::vector<Message>>(const value& json) {
    return readVector<Message>(json, "");
}
template <>
std::vector<Member> fromJson<std::vector<Member>>(const value& json) {
    return readVector<Member>(json, "");
}
template <>
std::vector<Notification> fromJson<std::vector<Notification>>(const value& json) {
    return readVector<Notification>(json, "");
}
template <>
std::vector<Event> fromJson<std::vector<Event>>(const value& json) {
    return readVector<Event>(json, "");
}

}  // namespace protocol
