#include "server/store/friend_repository.h"

#include <algorithm>

namespace server::store {
namespace {

FriendRequestRow readRequest(const Statement& s) {
    return {s.int64(0), s.int64(1), s.int64(2), s.int64(3)};
}

std::vector<FriendRequestRow> readRequests(Statement& s) {
    std::vector<FriendRequestRow> rows;
    while (s.step())
        rows.push_back(readRequest(s));
    return rows;
}

}  // namespace

std::int64_t FriendRepository::insertRequest(std::int64_t fromId, std::int64_t toId,
                                             std::int64_t ts) {
    m_connection.prepare("INSERT INTO friend_requests (from_id, to_id, ts) VALUES (?1, ?2, ?3)")
        .bindAll(fromId, toId, ts)
        .exec();
    return m_connection.lastInsertId();
}

std::optional<FriendRequestRow> FriendRepository::findRequest(std::int64_t id) {
    auto s =
        m_connection.prepare("SELECT id, from_id, to_id, ts FROM friend_requests WHERE id = ?1");
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRequest(s);
}

std::optional<FriendRequestRow> FriendRepository::findRequestFrom(std::int64_t fromId,
                                                                  std::int64_t toId) {
    auto s = m_connection.prepare(
        "SELECT id, from_id, to_id, ts FROM friend_requests WHERE from_id = ?1 AND to_id = ?2");
    s.bindAll(fromId, toId);
    if (!s.step())
        return std::nullopt;
    return readRequest(s);
}

std::vector<FriendRequestRow> FriendRepository::incoming(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT id, from_id, to_id, ts FROM friend_requests WHERE to_id = ?1 ORDER BY id DESC");
    s.bind(1, userId);
    return readRequests(s);
}

std::vector<FriendRequestRow> FriendRepository::outgoing(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT id, from_id, to_id, ts FROM friend_requests WHERE from_id = ?1 ORDER BY id DESC");
    s.bind(1, userId);
    return readRequests(s);
}

void FriendRepository::deleteRequest(std::int64_t id) {
    m_connection.prepare("DELETE FROM friend_requests WHERE id = ?1").bind(1, id).exec();
}

int FriendRepository::deleteRequestsBetween(std::int64_t a, std::int64_t b) {
    m_connection
        .prepare(
            "DELETE FROM friend_requests WHERE (from_id = ?1 AND to_id = ?2) OR "
            "(from_id = ?2 AND to_id = ?1)")
        .bindAll(a, b)
        .exec();
    return m_connection.changes();
}

std::optional<std::int64_t> FriendRepository::friendshipChat(std::int64_t a, std::int64_t b) {
    auto s = m_connection.prepare(
        "SELECT chat_id FROM friendships WHERE user_low = ?1 AND user_high = ?2");
    s.bindAll(std::min(a, b), std::max(a, b));
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

void FriendRepository::insertFriendship(std::int64_t a, std::int64_t b, std::int64_t chatId,
                                        std::int64_t ts) {
    m_connection
        .prepare(
            "INSERT INTO friendships (user_low, user_high, chat_id, since_ts) "
            "VALUES (?1, ?2, ?3, ?4)")
        .bindAll(std::min(a, b), std::max(a, b), chatId, ts)
        .exec();
}

bool FriendRepository::deleteFriendship(std::int64_t a, std::int64_t b) {
    m_connection.prepare("DELETE FROM friendships WHERE user_low = ?1 AND user_high = ?2")
        .bindAll(std::min(a, b), std::max(a, b))
        .exec();
    return m_connection.changes() > 0;
}

std::vector<FriendRow> FriendRepository::friendsOf(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT user_high, chat_id FROM friendships WHERE user_low = ?1 "
        "UNION ALL SELECT user_low, chat_id FROM friendships WHERE user_high = ?1 ORDER BY 1");
    s.bind(1, userId);
    std::vector<FriendRow> rows;
    while (s.step())
        rows.push_back({s.int64(0), s.int64(1)});
    return rows;
}

bool FriendRepository::isFriendshipChat(std::int64_t chatId) {
    auto s = m_connection.prepare("SELECT 1 FROM friendships WHERE chat_id = ?1");
    s.bind(1, chatId);
    return s.step();
}

bool FriendRepository::insertBlock(std::int64_t blockerId, std::int64_t blockedId,
                                   std::int64_t ts) {
    m_connection
        .prepare("INSERT OR IGNORE INTO blocks (blocker_id, blocked_id, ts) VALUES (?1, ?2, ?3)")
        .bindAll(blockerId, blockedId, ts)
        .exec();
    return m_connection.changes() > 0;
}

bool FriendRepository::deleteBlock(std::int64_t blockerId, std::int64_t blockedId) {
    m_connection.prepare("DELETE FROM blocks WHERE blocker_id = ?1 AND blocked_id = ?2")
        .bindAll(blockerId, blockedId)
        .exec();
    return m_connection.changes() > 0;
}

bool FriendRepository::blockedEitherWay(std::int64_t a, std::int64_t b) {
    auto s = m_connection.prepare(
        "SELECT 1 FROM blocks WHERE (blocker_id = ?1 AND blocked_id = ?2) OR "
        "(blocker_id = ?2 AND blocked_id = ?1)");
    s.bindAll(a, b);
    return s.step();
}

std::vector<std::int64_t> FriendRepository::blockedEitherWayOf(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT blocked_id FROM blocks WHERE blocker_id = ?1 "
        "UNION SELECT blocker_id FROM blocks WHERE blocked_id = ?1");
    s.bind(1, userId);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    return ids;
}

std::vector<std::int64_t> FriendRepository::blockedBy(std::int64_t blockerId) {
    auto s = m_connection.prepare(
        "SELECT blocked_id FROM blocks WHERE blocker_id = ?1 ORDER BY ts, blocked_id");
    s.bind(1, blockerId);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    return ids;
}

}  // namespace server::store
