// The answers of the friends, chats and messages endpoints that are not one protocol object.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "common/wire_types.h"

namespace client::net {

// POST /friends/requests: a new request (201), or the chat when the other side had asked (200).
struct FriendRequestOutcome {
    std::optional<protocol::FriendRequest> request;
    std::optional<protocol::Chat> chat;
};

struct FriendRequestLists {
    std::vector<protocol::FriendRequest> incoming;
    std::vector<protocol::FriendRequest> outgoing;
};

struct FriendEntry {
    protocol::User user;
    protocol::Id chatId = 0;
};
using FriendList = std::vector<FriendEntry>;

// {chat}
struct ChatAnswer {
    protocol::Chat chat;
};

struct MessagePage {
    std::vector<protocol::Message> messages;  // ascending by seq
    bool hasMore = false;
};

struct EventPage {
    std::vector<protocol::Event> events;  // ascending by seq
    std::int64_t lastSeq = 0;
};

// PATCH /chats/{id}: only the fields set are sent. settings goes whole (both of its fields).
struct ChatPatch {
    std::optional<std::string> name;
    std::optional<std::string> description;
    std::optional<protocol::ChatSettings> settings;
};

// GET /chats/{id}/audit: a page of the log, newest first. before 0: from the newest. The filters
// (query parameters `action`, `actor`, `target`) are left out when empty or 0.
struct AuditQuery {
    protocol::Id before = 0;
    int limit = 50;
    std::string action;
    protocol::Id actor = 0;
    protocol::Id target = 0;
};

}  // namespace client::net
