// Group membership writes on chat_members: removal, roles, and who succeeds a leaving owner.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

// Stateless over the connection it is given. Reads of members are in ChatRepository. Throws
// StoreError.
class MemberRepository {
public:
    explicit MemberRepository(Connection& connection) : m_connection(connection) {}

    // Returns whether a row was removed.
    bool remove(std::int64_t chatId, std::int64_t userId);
    void setRole(std::int64_t chatId, std::int64_t userId, std::string_view role);
    // The member who takes over: highest role, then earliest joined_ts, then lowest user id;
    // nullopt when nobody else is left.
    std::optional<std::int64_t> successor(std::int64_t chatId, std::int64_t leavingUserId);
    // Users who share a group with `userId`, without `userId`, ascending, each once.
    std::vector<std::int64_t> fellowGroupMembers(std::int64_t userId);
    // Whether `a` and `b` are both members of some group.
    bool shareGroup(std::int64_t a, std::int64_t b);

private:
    Connection& m_connection;
};

}  // namespace server::store
