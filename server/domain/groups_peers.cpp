#include "server/domain/groups_peers.h"

#include <algorithm>

#include "server/store/friend_repository.h"
#include "server/store/member_repository.h"

namespace server::domain {

std::vector<std::int64_t> GroupPeers::presenceAudience(std::int64_t userId) {
    return m_database.read([&](store::Connection& c) {
        auto ids = store::MemberRepository(c).fellowGroupMembers(userId);
        store::FriendRepository friends(c);
        for (const auto& row : friends.friendsOf(userId))
            ids.push_back(row.userId);
        std::sort(ids.begin(), ids.end());
        ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
        auto blocked = friends.blockedEitherWayOf(userId);
        std::sort(blocked.begin(), blocked.end());
        std::erase_if(ids, [&](std::int64_t id) {
            return id == userId || std::binary_search(blocked.begin(), blocked.end(), id);
        });
        return ids;
    });
}

bool GroupPeers::shareGroup(std::int64_t a, std::int64_t b) {
    return m_database.read(
        [&](store::Connection& c) { return store::MemberRepository(c).shareGroup(a, b); });
}

}  // namespace server::domain
