// The `data` of the chat events the cache applies, decoded through common's JSON reader.
#pragma once

#include <string>

#include "common/wire_types.h"

namespace client::cache {

// {message} of message.created and message.edited.
protocol::Message eventMessage(const protocol::Event& event);

// {message_id, ...} of message.deleted, reaction.changed and pin.changed.
struct EventTarget {
    protocol::Id messageId = 0;
    std::string emoji;        // reaction.changed
    protocol::Id userId = 0;  // reaction.changed
    bool on = false;          // reaction.changed `added`, pin.changed `pinned`
};
EventTarget eventTarget(const protocol::Event& event);

// {chat} of chat.updated.
protocol::Chat eventChat(const protocol::Event& event);

}  // namespace client::cache
