// The hot path's view of chats: kind, members and whether posting is open, kept in memory.
#pragma once

#include <cstdint>
#include <memory>
#include <shared_mutex>
#include <unordered_map>
#include <vector>

#include "common/wire_types.h"
#include "server/store/connection.h"
#include "server/store/database.h"

namespace server::domain {

struct ChatEntry {
    protocol::ChatKind kind = protocol::ChatKind::Direct;
    std::vector<std::int64_t> members;  // ascending
    // A direct chat is open while its two users are friends; a group, always (roles, mutes and
    // slow mode are per member and checked by the group rules).
    bool postingOpen = false;

    bool isMember(std::int64_t userId) const;
};

// Thread-safe. Entries load lazily from the database and are replaced by reload() after every
// committed change of a chat's members or openness, so a reader never sees one older than the
// last reload that finished.
class ChatDirectory {
public:
    explicit ChatDirectory(store::Database& database) : m_database(database) {}

    // Null for a chat that does not exist.
    std::shared_ptr<const ChatEntry> find(std::int64_t chatId);
    // The chat's entry when `userId` is a member; else throws ApiError NotFound
    // ("chat_id: no such chat"), as for a chat that does not exist.
    std::shared_ptr<const ChatEntry> requireMember(std::int64_t chatId, std::int64_t userId);
    // Call after the commit of a change to the chat.
    void reload(std::int64_t chatId);

    // Reads the entry on the connection given.
    static std::shared_ptr<const ChatEntry> load(store::Connection& connection,
                                                 std::int64_t chatId);

private:
    store::Database& m_database;
    std::shared_mutex m_mutex;
    std::unordered_map<std::int64_t, std::shared_ptr<const ChatEntry>> m_entries;
};

}  // namespace server::domain
