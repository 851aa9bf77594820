#include "server/domain/user_views.h"

#include <string>

#include "common/errors.h"
#include "server/store/friend_repository.h"
#include "server/store/member_repository.h"

namespace server::domain {

using store::Connection;

namespace {

protocol::User build(const store::UserRow& row, bool presenceVisible, SessionEvents& sessions) {
    protocol::User user;
    user.id = row.id;
    user.username = row.username;
    user.displayName = row.displayName;
    user.avatar = row.avatar;
    if (presenceVisible) {
        user.status =
            sessions.isOnline(row.id) ? protocol::Presence::Online : protocol::Presence::Offline;
        user.lastSeen = row.lastSeen;
    }
    return user;
}

}  // namespace

protocol::User UserViews::view(const store::UserRow& row, std::int64_t viewerId) {
    if (row.id == viewerId || m_relationships.areFriends(row.id, viewerId))
        return build(row, true, m_sessions);
    return m_database.read([&](Connection& c) {
        return build(row, presenceVisible(c, row.id, viewerId), m_sessions);
    });
}

protocol::User UserViews::view(std::int64_t userId, std::int64_t viewerId, std::string_view field) {
    return m_database.read([&](Connection& c) { return view(c, userId, viewerId, field); });
}

protocol::User UserViews::view(Connection& connection, std::int64_t userId, std::int64_t viewerId,
                               std::string_view field) {
    auto row = store::UserRepository(connection).findById(userId);
    if (!row)
        throw protocol::ApiError(protocol::ErrorCode::NotFound,
                                 std::string(field) + ": no such user");
    return build(*row, presenceVisible(connection, userId, viewerId), m_sessions);
}

bool UserViews::exists(std::int64_t userId) {
    return m_database.read(
        [&](Connection& c) { return store::UserRepository(c).findById(userId).has_value(); });
}

bool UserViews::presenceVisible(Connection& connection, std::int64_t userId,
                                std::int64_t viewerId) {
    if (userId == viewerId)
        return true;
    store::FriendRepository friends(connection);
    if (friends.friendshipChat(userId, viewerId))
        return true;
    // Fellow group members see each other's presence, unless either blocked the other.
    return store::MemberRepository(connection).shareGroup(userId, viewerId) &&
           !friends.blockedEitherWay(userId, viewerId);
}

}  // namespace server::domain
