#include "server/domain/message_view.h"

#include <boost/json/object.hpp>

#include "common/codec.h"

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

std::string messageEventData(const protocol::Message& message) {
    return protocol::serialize(boost::json::object{{"message", protocol::toJson(message)}});
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
