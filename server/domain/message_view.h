// A stored message as the wire's Message, and the `data` of the message events.
#pragma once

#include <string>

#include "common/wire_types.h"
#include "server/store/connection.h"
#include "server/store/message_repository.h"

namespace server::domain {

// Without reactions (a new message has none).
protocol::Message toMessage(const store::MessageRow& row);
// With its reactions, read on `connection`.
protocol::Message loadMessage(store::Connection& connection, const store::MessageRow& row);

// The Message as protocol::serialize(protocol::toJson(message)) writes it, byte for byte, but
// written straight to text without a JSON tree: the send path writes one per message.
std::string messageJson(const protocol::Message& message);
// {"message": Message}
std::string messageEventData(const protocol::Message& message);
// {"message_id": id}
std::string messageDeletedData(std::int64_t messageId);
// {"message_id", "emoji", "user_id", "added"}
std::string reactionChangedData(std::int64_t messageId, const std::string& emoji,
                                std::int64_t userId, bool added);
// {"message_id", "pinned"}
std::string pinChangedData(std::int64_t messageId, bool pinned);

}  // namespace server::domain
