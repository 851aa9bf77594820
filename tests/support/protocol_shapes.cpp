#include "tests/support/protocol_shapes.h"

#include <QJsonArray>
#include <QSet>
#include <QStringList>

namespace testsupport {

namespace {

bool isId(const QJsonValue& value) {
    return value.isDouble() && value.toInteger() > 0 && value.toDouble() < 9007199254740992.0 &&
           value.toDouble() == static_cast<double>(value.toInteger());
}

bool isInteger(const QJsonValue& value) {
    return value.isDouble() && value.toDouble() == static_cast<double>(value.toInteger());
}

// The fields of `object` that are not exactly `fields`.
QString fieldSetProblem(const QJsonObject& object, const QStringList& fields) {
    const QSet<QString> expected(fields.begin(), fields.end());
    for (const QString& key : object.keys()) {
        if (!expected.contains(key))
            return "unexpected field " + key;
    }
    for (const QString& key : fields) {
        if (!object.contains(key))
            return "missing field " + key;
    }
    return {};
}

}  // namespace

QString userShapeProblem(const QJsonObject& user) {
    const QString fields =
        fieldSetProblem(user, {"id", "username", "display_name", "avatar", "status", "last_seen"});
    if (!fields.isEmpty())
        return fields;
    if (!isId(user.value("id")))
        return "id is not a positive integer";
    if (!user.value("username").isString() || !user.value("display_name").isString())
        return "username or display_name is not a string";
    if (!user.value("avatar").isNull() && !user.value("avatar").isString())
        return "avatar is neither null nor a string";
    const QString status = user.value("status").toString();
    if (status != "online" && status != "offline")
        return "status is " + status;
    if (!user.value("last_seen").isNull() && !user.value("last_seen").isDouble())
        return "last_seen is neither null nor a number";
    return {};
}

QString messageShapeProblem(const QJsonObject& message) {
    const QString fields =
        fieldSetProblem(message, {"id", "chat_id", "seq", "sender", "ts", "client_id", "text",
                                  "reply_to", "media", "edited_ts", "deleted", "reactions"});
    if (!fields.isEmpty())
        return fields;
    for (const char* key : {"id", "chat_id", "seq", "sender"}) {
        if (!isId(message.value(key)))
            return QString("%1 is not a positive integer").arg(key);
    }
    if (!isInteger(message.value("ts")) || message.value("ts").toInteger() <= 0)
        return "ts is not a time";
    if (!message.value("client_id").isString() || !message.value("text").isString())
        return "client_id or text is not a string";
    if (!message.value("reply_to").isNull() && !isId(message.value("reply_to")))
        return "reply_to is neither null nor an id";
    if (!message.value("media").isArray())
        return "media is not an array";
    if (!message.value("edited_ts").isNull() && !isInteger(message.value("edited_ts")))
        return "edited_ts is neither null nor a time";
    if (!message.value("deleted").isBool())
        return "deleted is not a bool";
    if (!message.value("reactions").isObject())
        return "reactions is not an object";
    const QJsonObject reactions = message.value("reactions").toObject();
    for (auto it = reactions.begin(); it != reactions.end(); ++it) {
        if (!it.value().isArray())
            return "reactions." + it.key() + " is not an array";
        for (const QJsonValue& user : it.value().toArray()) {
            if (!isId(user))
                return "reactions." + it.key() + " holds a non-id";
        }
    }
    return {};
}

QString chatShapeProblem(const QJsonObject& chat) {
    const QString fields = fieldSetProblem(
        chat, {"id", "kind", "name", "description", "avatar", "created_ts", "last_seq", "read_seq",
               "unread", "my_role", "member_count", "peer", "peer_read_seq",
               "notifications_muted_until", "settings", "last_message"});
    if (!fields.isEmpty())
        return fields;
    if (!isId(chat.value("id")))
        return "id is not a positive integer";
    const QString kind = chat.value("kind").toString();
    if (kind != "direct" && kind != "group")
        return "kind is " + kind;
    for (const char* key : {"created_ts", "last_seq", "read_seq", "unread", "member_count"}) {
        if (!isInteger(chat.value(key)) || chat.value(key).toInteger() < 0)
            return QString("%1 is not a non-negative integer").arg(key);
    }
    const QStringList roles{"owner", "admin", "moderator", "member"};
    if (!roles.contains(chat.value("my_role").toString()))
        return "my_role is " + chat.value("my_role").toString();
    if (kind == "direct") {
        if (!chat.value("peer").isObject())
            return "a direct chat has no peer";
        const QString peer = userShapeProblem(chat.value("peer").toObject());
        if (!peer.isEmpty())
            return "peer: " + peer;
        if (!isInteger(chat.value("peer_read_seq")))
            return "a direct chat's peer_read_seq is not an integer";
    }
    const QJsonObject settings = chat.value("settings").toObject();
    if (!isInteger(settings.value("slow_mode_s")) || !settings.value("only_admins_post").isBool())
        return "settings is not {slow_mode_s, only_admins_post}";
    if (!chat.value("last_message").isNull()) {
        const QString last = messageShapeProblem(chat.value("last_message").toObject());
        if (!last.isEmpty())
            return "last_message: " + last;
    }
    return {};
}

QString eventShapeProblem(const QJsonObject& event) {
    const QString fields =
        fieldSetProblem(event, {"chat_id", "seq", "ts", "type", "actor", "data"});
    if (!fields.isEmpty())
        return fields;
    for (const char* key : {"chat_id", "seq", "actor"}) {
        if (!isId(event.value(key)))
            return QString("%1 is not a positive integer").arg(key);
    }
    if (!isInteger(event.value("ts")) || !event.value("type").isString() ||
        !event.value("data").isObject())
        return "ts, type or data has the wrong type";
    return {};
}

QString friendRequestShapeProblem(const QJsonObject& request) {
    const QString fields = fieldSetProblem(request, {"id", "from", "to", "ts"});
    if (!fields.isEmpty())
        return fields;
    if (!isId(request.value("id")) || !isInteger(request.value("ts")))
        return "id or ts is not an integer";
    for (const char* key : {"from", "to"}) {
        const QString user = userShapeProblem(request.value(key).toObject());
        if (!user.isEmpty())
            return QString("%1: ").arg(key) + user;
    }
    return {};
}

}  // namespace testsupport
