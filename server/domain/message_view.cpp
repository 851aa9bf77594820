#include "server/domain/message_view.h"

#include <boost/json/object.hpp>

#include "common/codec.h"
#include "server/domain/json_text.h"

namespace server::domain {

protocol::Message toMessage(const store::MessageRow& row) {
    protocol::Message message;
    message.id = row.id;
    message.chatId = row.chatId;
    message.seq = row.seq;
    message.sender = row.sender;
    message.ts = row.ts;
    message.clientId = row.clientId;
    message.replyTo = row.replyTo;
    message.editedTs = row.editedTs;
    message.deleted = row.deleted;
    if (!row.deleted)
        message.text = row.text;
    // Media arrive with the media milestone; until then no message can carry any.
    return message;
}

protocol::Message loadMessage(store::Connection& connection, const store::MessageRow& row) {
    auto message = toMessage(row);
    if (!row.deleted)
        message.reactions = store::MessageRepository(connection).reactions(row.id);
    return message;
}

std::string messageJson(const protocol::Message& message) {
    using namespace json_text;
    // Media are rare and richer: they take the codec's own path.
    if (!message.media.empty())
        return protocol::serialize(protocol::toJson(message));
    std::string out;
    out.reserve(160 + message.text.size() + message.clientId.size());
    out += R"({"id":)";
    appendInt(out, message.id);
    out += R"(,"chat_id":)";
    appendInt(out, message.chatId);
    out += R"(,"seq":)";
    appendInt(out, message.seq);
    out += R"(,"sender":)";
    appendInt(out, message.sender);
    out += R"(,"ts":)";
    appendInt(out, message.ts);
    out += R"(,"client_id":)";
    appendString(out, message.clientId);
    out += R"(,"text":)";
    appendString(out, message.text);
    out += R"(,"reply_to":)";
    appendOptional(out, message.replyTo);
    out += R"(,"media":[],"edited_ts":)";
    appendOptional(out, message.editedTs);
    out +=
        message.deleted ? R"(,"deleted":true,"reactions":{)" : R"(,"deleted":false,"reactions":{)";
    bool first = true;
    for (const auto& [emoji, users] : message.reactions) {
        if (!first)
            out += ',';
        first = false;
        appendString(out, emoji);
        out += ":[";
        for (std::size_t i = 0; i < users.size(); ++i) {
            if (i > 0)
                out += ',';
            appendInt(out, users[i]);
        }
        out += ']';
    }
    out += "}}";
    return out;
}

std::string messageEventData(const protocol::Message& message) {
    std::string data = R"({"message":)";
    data += messageJson(message);
    data += '}';
    return data;
}

std::string messageDeletedData(std::int64_t messageId) {
    return protocol::serialize(boost::json::object{{"message_id", messageId}});
}

std::string reactionChangedData(std::int64_t messageId, const std::string& emoji,
                                std::int64_t userId, bool added) {
    return protocol::serialize(boost::json::object{
        {"message_id", messageId}, {"emoji", emoji}, {"user_id", userId}, {"added", added}});
}

std::string pinChangedData(std::int64_t messageId, bool pinned) {
    return protocol::serialize(boost::json::object{{"message_id", messageId}, {"pinned", pinned}});
}

}  // namespace server::domain
