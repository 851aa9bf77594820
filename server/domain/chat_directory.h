// The hot path's view of chats: kind, settings, members with their roles and mutes, in memory.
#pragma once

#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "common/wire_types.h"
#include "server/store/connection.h"
#include "server/store/database.h"

namespace server::domain {

// The end of a mute in force at `nowMs`: null when there is none or it has passed (an expired
// mute is no mute, wherever a mute is shown or checked).
std::optional<std::int64_t> activeMute(std::optional<std::int64_t> mutedUntil, std::int64_t nowMs);

// One member as the permission checks need it.
struct MemberInfo {
    protocol::Role role = protocol::Role::Member;
    std::int64_t joinedTs = 0;
    // As stored: entries are cached, so read it through mutedAt() with the current time.
    std::optional<std::int64_t> mutedUntil;

    std::optional<std::int64_t> mutedAt(std::int64_t nowMs) const {
        return activeMute(mutedUntil, nowMs);
    }
    bool isMutedAt(std::int64_t nowMs) const { return mutedAt(nowMs).has_value(); }
};

struct ChatEntry {
    protocol::ChatKind kind = protocol::ChatKind::Direct;
    std::vector<std::int64_t> members;  // ascending
    std::vector<MemberInfo> info;       // parallel to `members`
    // A direct chat is open while its two users are friends; a group, always (roles, mutes and
    // slow mode are per member and checked by the group rules).
    bool postingOpen = false;
    protocol::ChatSettings settings;

    bool isMember(std::int64_t userId) const;
    bool isGroup() const { return kind == protocol::ChatKind::Group; }
    // Null when `userId` is not a member.
    const MemberInfo* member(std::int64_t userId) const;
};

// Thread-safe. Entries load lazily from the database. A change of a chat's members, roles,
// mutes, settings or openness replaces its entry: group changes publish() the entry they built
// inside their writer op from its completion, so entries change in commit order and a check or
// a relay that reads the directory after an op's completion sees that op's change (a role
// lowered takes effect at once; a removed member gets nothing committed after its removal).
class ChatDirectory {
public:
    explicit ChatDirectory(store::Database& database) : m_database(database) {}

    // Null for a chat that does not exist.
    std::shared_ptr<const ChatEntry> find(std::int64_t chatId);
    // The chat's entry when `userId` is a member; else throws ApiError NotFound
    // ("chat_id: no such chat"), as for a chat that does not exist.
    std::shared_ptr<const ChatEntry> requireMember(std::int64_t chatId, std::int64_t userId);
    // The member's current role; 404 as requireMember for a non-member.
    protocol::Role requireRole(std::int64_t chatId, std::int64_t userId);
    // Call after the commit of a change to the chat (reads the committed state).
    void reload(std::int64_t chatId);
    // Replaces the chat's entry with one built on the writer's connection (load()), or forgets
    // the chat when `entry` is null (deleted). Call from the change's writer completion.
    void publish(std::int64_t chatId, std::shared_ptr<const ChatEntry> entry);

    // Reads the entry on the connection given; null when there is no such chat.
    static std::shared_ptr<const ChatEntry> load(store::Connection& connection,
                                                 std::int64_t chatId);

private:
    store::Database& m_database;
    std::shared_mutex m_mutex;
    std::unordered_map<std::int64_t, std::shared_ptr<const ChatEntry>> m_entries;
    // Bumped by every reload and publish, so that a lazy load that raced one is not cached.
    std::atomic<std::uint64_t> m_generation{0};
};

}  // namespace server::domain
