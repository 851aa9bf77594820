// The friend_requests, friendships and blocks tables: who asked, who are friends, who blocked.
#pragma once

#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct FriendRequestRow {
    std::int64_t id = 0;
    std::int64_t fromId = 0;
    std::int64_t toId = 0;
    std::int64_t ts = 0;
};

struct FriendRow {
    std::int64_t userId = 0;
    std::int64_t chatId = 0;
};

// Stateless over the connection it is given. Pairs are stored low id first; callers pass the two
// users in any order. Throws StoreError.
class FriendRepository {
public:
    explicit FriendRepository(Connection& connection) : m_connection(connection) {}

    std::int64_t insertRequest(std::int64_t fromId, std::int64_t toId, std::int64_t ts);
    std::optional<FriendRequestRow> findRequest(std::int64_t id);
    std::optional<FriendRequestRow> findRequestFrom(std::int64_t fromId, std::int64_t toId);
    // Newest first.
    std::vector<FriendRequestRow> incoming(std::int64_t userId);
    std::vector<FriendRequestRow> outgoing(std::int64_t userId);
    void deleteRequest(std::int64_t id);
    // Both directions; returns how many were removed.
    int deleteRequestsBetween(std::int64_t a, std::int64_t b);

    // The direct chat of a friendship, when the two are friends.
    std::optional<std::int64_t> friendshipChat(std::int64_t a, std::int64_t b);
    void insertFriendship(std::int64_t a, std::int64_t b, std::int64_t chatId, std::int64_t ts);
    bool deleteFriendship(std::int64_t a, std::int64_t b);
    // By friend id.
    std::vector<FriendRow> friendsOf(std::int64_t userId);
    bool isFriendshipChat(std::int64_t chatId);

    bool insertBlock(std::int64_t blockerId, std::int64_t blockedId, std::int64_t ts);
    bool deleteBlock(std::int64_t blockerId, std::int64_t blockedId);
    bool blockedEitherWay(std::int64_t a, std::int64_t b);
    // Everyone `userId` blocked or was blocked by.
    std::vector<std::int64_t> blockedEitherWayOf(std::int64_t userId);
    // Whom `blockerId` blocked, oldest first.
    std::vector<std::int64_t> blockedBy(std::int64_t blockerId);

private:
    Connection& m_connection;
};

}  // namespace server::store
