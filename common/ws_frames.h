// The WebSocket frames of PROTOCOL.md "Real time", one struct per op.
#pragma once

#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "common/wire_types.h"

namespace protocol {

namespace ws {
// Client to server.
struct Hello { std::string token; };
struct Send {
    Id chatId = 0;
    std::string clientId;
    std::optional<std::string> text;
    std::vector<MediaId> media;
    std::optional<Id> replyTo;
};
struct TypingIn { Id chatId = 0; };
struct ReadIn { Id chatId = 0; std::int64_t seq = 0; };
struct Ping { std::optional<std::string> nonce; };

// Server to client.
struct Ready { User user; int heartbeatMs = 25000; };
struct Ack { std::string clientId; Message message; };
struct Error {
    std::string code;                  // wire code name, e.g. "bad_request"
    std::optional<std::string> message;
    std::optional<std::string> clientId;
    std::optional<int> retryAfterMs;
};
struct Pong { std::optional<std::string> nonce; };
struct EventOut { Event event; };
struct TypingOut { Id chatId = 0; Id userId = 0; };
struct PresenceOut { Id userId = 0; Presence status = Presence::Offline; std::optional<Timestamp> lastSeen; };
struct ReadOut { Id chatId = 0; Id userId = 0; std::int64_t seq = 0; };
struct NotificationOut { Notification notification; };
struct ChatAdded { Chat chat; };
struct ChatRemoved { Id chatId = 0; std::string reason; };
struct FriendRequestOut { FriendRequest request; };
struct FriendRemoved { Id userId = 0; };
} // namespace ws

using ClientFrame = std::variant<ws::Hello, ws::Send, ws::TypingIn, ws::ReadIn, ws::Ping>;
using ServerFrame = std::variant<ws::Ready, ws::Ack, ws::Error, ws::Pong, ws::EventOut, ws::TypingOut,
                                 ws::PresenceOut, ws::ReadOut, ws::NotificationOut, ws::ChatAdded,
                                 ws::ChatRemoved, ws::FriendRequestOut, ws::FriendRemoved>;

} // namespace protocol
