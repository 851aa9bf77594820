// The groups service: lifecycle, membership, roles, ownership and bans of group chats.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/chats.h"
#include "server/domain/clock.h"
#include "server/domain/groups_change.h"
#include "server/domain/user_views.h"
#include "server/store/database.h"
#include "server/store/writer.h"

namespace server::domain {

struct NewGroup {
    std::string name;
    std::string description;
    std::vector<std::int64_t> members;  // the caller's friends; the caller is added as owner
};

// PATCH semantics: absent fields stay; `avatarPresent` with a null `avatar` clears it.
struct GroupPatch {
    std::optional<std::string> name;
    std::optional<std::string> description;
    bool avatarPresent = false;
    std::optional<std::string> avatar;
    std::optional<int> slowModeS;
    std::optional<bool> onlyAdminsPost;
};

inline constexpr std::size_t kGroupNameMax = 64;          // code points, after trimming
inline constexpr std::size_t kGroupDescriptionMax = 500;  // code points
inline constexpr std::size_t kBanReasonMax = 500;         // code points
inline constexpr int kSlowModeMaxS = 21600;

// PROTOCOL.md "Groups, roles and moderation", without mutes, posting rules and the audit log's
// reading. Thread-safe; calls block on the writer's commit, so call them from a worker thread.
// Every check runs inside the writer op against the committed state, so a role changed a moment
// before is the one that counts. Each change appends its events to the chat's log and its audit
// entry in the same op; the completion then updates the directory and relays, in commit order.
// Failures are thrown as protocol::ApiError: a chat the caller is not in is 404; an action its
// role may not take, or on a member it does not strictly outrank, is 403; group actions on a
// direct chat are 403 ("chat_id: not a group").
class Groups {
public:
    Groups(store::Database& database, store::Writer& writer, ChatDirectory& directory, Chats& chats,
           UserViews& users, Broadcaster& broadcaster, const Clock& clock);

    protocol::Chat create(std::int64_t callerId, NewGroup group);
    protocol::Chat update(std::int64_t callerId, std::int64_t chatId, const GroupPatch& patch);
    void deleteGroup(std::int64_t callerId, std::int64_t chatId);

    std::vector<protocol::Member> members(std::int64_t callerId, std::int64_t chatId);
    protocol::Member addMember(std::int64_t callerId, std::int64_t chatId, std::int64_t userId);
    // The caller itself: leave (an owner who leaves is succeeded); another member: kick.
    void removeMember(std::int64_t callerId, std::int64_t chatId, std::int64_t userId);
    protocol::Member setRole(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
                             protocol::Role role);
    protocol::Chat transferOwnership(std::int64_t callerId, std::int64_t chatId,
                                     std::int64_t userId);

    void ban(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
             const std::string& reason);
    void unban(std::int64_t callerId, std::int64_t chatId, std::int64_t userId);
    // Newest first.
    std::vector<protocol::BanEntry> bans(std::int64_t callerId, std::int64_t chatId);

private:
    // Runs `op` as one writer op with a GroupChange for `chatId` (0: the op sets it), waits for
    // the commit and applies the change in the completion. Rethrows the op's failure.
    void commit(std::int64_t chatId, std::int64_t actor,
                const std::function<void(GroupChange&)>& op);

    // Removes `userId` inside `change`: member.removed to the members and to the removed one,
    // then chat.removed to it; an owner leaving is succeeded, a group left empty is deleted.
    void removeInChange(GroupChange& change, std::int64_t userId, std::string_view reason);
    // The member as `viewerId` sees it at `nowMs` (a mute that has passed shows as null).
    protocol::Member memberView(store::Connection& connection, std::int64_t chatId,
                                std::int64_t userId, std::int64_t viewerId, std::int64_t nowMs);

    store::Database& m_database;
    store::Writer& m_writer;
    ChatDirectory& m_directory;
    Chats& m_chats;
    UserViews& m_users;
    Broadcaster& m_broadcaster;
    const Clock& m_clock;
};

}  // namespace server::domain
