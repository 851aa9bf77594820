#include "server/domain/relationships.h"

#include "server/store/friend_repository.h"

namespace server::domain {

using store::Connection;
using store::FriendRepository;

bool Relationships::areFriends(std::int64_t a, std::int64_t b) {
    return m_database.read(
        [&](Connection& c) { return FriendRepository(c).friendshipChat(a, b).has_value(); });
}

bool Relationships::blockedEitherWay(std::int64_t a, std::int64_t b) {
    return m_database.read(
        [&](Connection& c) { return FriendRepository(c).blockedEitherWay(a, b); });
}

std::vector<std::int64_t> Relationships::friendIds(std::int64_t userId) {
    const auto rows =
        m_database.read([&](Connection& c) { return FriendRepository(c).friendsOf(userId); });
    std::vector<std::int64_t> ids;
    ids.reserve(rows.size());
    for (const auto& row : rows)
        ids.push_back(row.userId);
    return ids;
}

std::vector<std::int64_t> Relationships::blockedEitherWayOf(std::int64_t userId) {
    return m_database.read(
        [&](Connection& c) { return FriendRepository(c).blockedEitherWayOf(userId); });
}

}  // namespace server::domain
