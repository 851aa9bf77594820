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
struct Hello {
    std::string token;
    bool operator==(const Hello&) const = default;
};
struct Send {
    Id chatId = 0;
    std::string clientId;
    std::optional<std::string> text;
    std::vector<MediaId> media;
    std::optional<Id> replyTo;
    bool operator==(const Send&) const = default;
};
struct TypingIn {
    Id chatId = 0;
    bool operator==(const TypingIn&) const = default;
};
struct ReadIn {
    Id chatId = 0;
    std::int64_t seq = 0;
    bool operator==(const ReadIn&) const = default;
};
struct Ping {
    std::optional<std::string> nonce;
    bool operator==(const Ping&) const = default;
};

// Server to client.
struct Ready {
    User user;
    int heartbeatMs = 25000;
    bool operator==(const Ready&) const = default;
};
struct Ack {
    std::string clientId;
    Message message;
    bool operator==(const Ack&) const = default;
};
struct Error {
    std::string code;  // wire code name, e.g. "bad_request"
    std::optional<std::string> message;
    std::optional<std::string> clientId;
    std::optional<int> retryAfterMs;
    bool operator==(const Error&) const = default;
};
struct Pong {
    std::optional<std::string> nonce;
    bool operator==(const Pong&) const = default;
};
struct EventOut {
    Event event;
    bool operator==(const EventOut&) const = default;
};
struct TypingOut {
    Id chatId = 0;
    Id userId = 0;
    bool operator==(const TypingOut&) const = default;
};
struct PresenceOut {
    Id userId = 0;
    Presence status = Presence::Offline;
    std::optional<Timestamp> lastSeen;
    bool operator==(const PresenceOut&) const = default;
};
struct ReadOut {
    Id chatId = 0;
    Id userId = 0;
    std::int64_t seq = 0;
    bool operator==(const ReadOut&) const = default;
};
struct NotificationOut {
    Notification notification;
    bool operator==(const NotificationOut&) const = default;
};
struct ChatAdded {
    Chat chat;
    bool operator==(const ChatAdded&) const = default;
};
struct ChatRemoved {
    Id chatId = 0;
    std::string reason;
    bool operator==(const ChatRemoved&) const = default;
};
struct FriendRequestOut {
    FriendRequest request;
    bool operator==(const FriendRequestOut&) const = default;
};
struct FriendRemoved {
    Id userId = 0;
    bool operator==(const FriendRemoved&) const = default;
};
}  // namespace ws

using ClientFrame = std::variant<ws::Hello, ws::Send, ws::TypingIn, ws::ReadIn, ws::Ping>;
using ServerFrame =
    std::variant<ws::Ready, ws::Ack, ws::Error, ws::Pong, ws::EventOut, ws::TypingOut,
                 ws::PresenceOut, ws::ReadOut, ws::NotificationOut, ws::ChatAdded, ws::ChatRemoved,
                 ws::FriendRequestOut, ws::FriendRemoved>;

}  // namespace protocol
