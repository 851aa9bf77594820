// Appending to a chat's event log inside a writer op, and the event's frame, built once.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>

#include "common/wire_types.h"
#include "server/store/connection.h"

namespace server::domain {

struct LoggedEvent {
    protocol::Event event;
    // {"op":"event","event":...}, shared by every socket it goes to.
    std::shared_ptr<const std::string> frame;
};

// Takes the chat's next seq and stores the event with it: call inside the same writer op as the
// change the event records, so the change and its seq commit (or roll back) together.
LoggedEvent appendEvent(store::Connection& connection, std::int64_t chatId, std::string_view type,
                        std::int64_t actor, std::int64_t ts, std::string dataJson);

// Appends with a seq the caller already took.
LoggedEvent appendEventAt(store::Connection& connection, std::int64_t chatId, std::int64_t seq,
                          std::string_view type, std::int64_t actor, std::int64_t ts,
                          std::string dataJson);

// The event and its frame, NOT stored: for a change whose own row is the event's durable record
// and holds its seq. A new message is one: its `messages` row is its message.created event, and
// `GET /chats/{id}/events` builds the event from it (one write per message instead of two).
LoggedEvent unstoredEvent(std::int64_t chatId, std::int64_t seq, std::string_view type,
                          std::int64_t actor, std::int64_t ts, std::string dataJson);

}  // namespace server::domain
