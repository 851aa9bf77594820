// Sample wire values shared by the codec tests: one of each object, request and frame.
#pragma once

#include "common/wire_types.h"
#include "common/ws_frames.h"

namespace samples {

inline protocol::User user() {
    return {42, "alice", "Alice Liddell", std::nullopt, protocol::Presence::Offline, 1700000000123};
}

inline protocol::User onlineUser() {
    return {7,
            "bob.builder",
            "Bob 🛠 ビルダー",
            std::string(64, 'a'),
            protocol::Presence::Online,
            std::nullopt};
}

inline protocol::Media media() {
    return {std::string(64, 'b'), "image/png", 123456, 640, 480, std::string(64, 'c')};
}

inline protocol::Message message() {
    protocol::Message m;
    m.id = 9001;
    m.chatId = 12;
    m.seq = 57;
    m.sender = 42;
    m.ts = 1700000001000;
    m.clientId = "6f1c2a7e-0b9d-4d43-9f5e-3c1b2a9d8e7f";
    m.text = "Hello, \"world\" \\ 👋\nnew line";
    m.replyTo = 9000;
    m.media = {media()};
    m.editedTs = 1700000002000;
    m.reactions = {{"👍", {7, 42}}, {"🎉", {7}}};
    return m;
}

inline protocol::Message deletedMessage() {
    protocol::Message m;
    m.id = 9002;
    m.chatId = 12;
    m.seq = 58;
    m.sender = 7;
    m.ts = 1700000003000;
    m.clientId = "c-2";
    m.deleted = true;
    return m;
}

inline protocol::Chat groupChat() {
    protocol::Chat c;
    c.id = 12;
    c.kind = protocol::ChatKind::Group;
    c.name = "Rust & C++ 🦀";
    c.description = "Systems talk";
    c.avatar = std::string(64, 'd');
    c.createdTs = 1690000000000;
    c.lastSeq = 58;
    c.readSeq = 50;
    c.unread = 3;
    c.myRole = protocol::Role::Admin;
    c.memberCount = 5;
    c.notificationsMutedUntil = 1800000000000;
    c.settings = {30, true};
    c.lastMessage = deletedMessage();
    return c;
}

inline protocol::Chat directChat() {
    protocol::Chat c;
    c.id = 13;
    c.kind = protocol::ChatKind::Direct;
    c.createdTs = 1690000000001;
    c.lastSeq = 1;
    c.readSeq = 1;
    c.myRole = protocol::Role::Member;
    c.memberCount = 2;
    c.peer = onlineUser();
    c.peerReadSeq = 1;
    return c;
}

inline protocol::Event event() {
    return {12, 59, 1700000004000, "message.deleted", 7, R"({"message_id":9002})"};
}

inline protocol::Notification notification() {
    return {5, 1700000005000, "mention", 7, 12, 9001, false, "bob mentioned you in Rust & C++"};
}

inline protocol::Notification friendNotification() {
    return {6, 1700000006000, "friend_request", 7, std::nullopt, std::nullopt, true, ""};
}

inline protocol::FriendRequest friendRequest() {
    return {77, onlineUser(), user(), 1700000007000};
}

inline protocol::Member member() {
    return {user(), protocol::Role::Moderator, 1690000000500, 1700000008000};
}

}  // namespace samples
