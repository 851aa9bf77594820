// The friends service: requests, friendships (each one a direct chat) and blocks.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/chats.h"
#include "server/domain/clock.h"
#include "server/domain/user_views.h"
#include "server/store/database.h"
#include "server/store/writer.h"

namespace server::domain {

struct FriendEntry {
    protocol::User user;
    std::int64_t chatId = 0;
};

struct FriendRequestLists {
    std::vector<protocol::FriendRequest> incoming;  // newest first
    std::vector<protocol::FriendRequest> outgoing;
};

// What a new request became: a pending request, or (the other side had asked) a friendship.
struct FriendRequestOutcome {
    std::optional<protocol::FriendRequest> request;
    std::optional<protocol::Chat> chat;
};

// PROTOCOL.md "Friends, blocks and direct chats". Thread-safe; members block on the writer's
// commit, so call them from a worker thread. Failures are thrown as protocol::ApiError. Live
// frames (friend.request, chat.added, friend.removed) go out after the commit.
class Friends {
public:
    Friends(store::Database& database, store::Writer& writer, ChatDirectory& directory,
            Chats& chats, UserViews& users, Broadcaster& broadcaster, const Clock& clock);

    FriendRequestOutcome request(std::int64_t callerId, std::int64_t userId);
    FriendRequestLists requests(std::int64_t callerId);
    // The recipient only (404 to anyone else); returns the direct chat, made or reopened.
    protocol::Chat accept(std::int64_t callerId, std::int64_t requestId);
    void decline(std::int64_t callerId, std::int64_t requestId);
    void withdraw(std::int64_t callerId, std::int64_t requestId);

    std::vector<FriendEntry> list(std::int64_t callerId);
    // The chat stays, read-only, with its history.
    void unfriend(std::int64_t callerId, std::int64_t userId);

    // Idempotent. Ends the friendship and any pending request between the two.
    void block(std::int64_t callerId, std::int64_t userId);
    // Idempotent; restores nothing.
    void unblock(std::int64_t callerId, std::int64_t userId);
    std::vector<protocol::User> blocks(std::int64_t callerId);

private:
    void requireOtherUser(std::int64_t callerId, std::int64_t userId);
    protocol::FriendRequest present(store::Connection& connection, std::int64_t id,
                                    std::int64_t fromId, std::int64_t toId, std::int64_t ts,
                                    std::int64_t viewerId);
    // After the commit of a new or reopened friendship: both get chat.added, each their own view.
    protocol::Chat announceChat(std::int64_t chatId, std::int64_t callerId, std::int64_t otherId);
    void announceRemoved(std::int64_t a, std::int64_t b);

    store::Database& m_database;
    store::Writer& m_writer;
    ChatDirectory& m_directory;
    Chats& m_chats;
    UserViews& m_users;
    Broadcaster& m_broadcaster;
    const Clock& m_clock;
};

}  // namespace server::domain
