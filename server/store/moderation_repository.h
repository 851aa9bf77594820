// The columns of chat_members that posting rules read and moderation writes: mutes, last posts.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "server/store/connection.h"

namespace server::store {

// What the posting rules need about one member of one chat, read in one lookup.
struct PostingRow {
    std::string kind;  // the chat's: "direct" | "group"
    std::string role;  // the member's
    std::optional<std::int64_t> mutedUntil;
    std::optional<std::int64_t> lastPostTs;
    std::int64_t slowModeS = 0;
    bool onlyAdminsPost = false;
};

// Stateless over the connection it is given. Throws StoreError.
class ModerationRepository {
public:
    explicit ModerationRepository(Connection& connection) : m_connection(connection) {}

    // Nullopt when `userId` is not a member of `chatId` (or there is no such chat).
    std::optional<PostingRow> posting(std::int64_t chatId, std::int64_t userId);
    void setLastPost(std::int64_t chatId, std::int64_t userId, std::int64_t ts);
    // Null clears the mute. Returns whether a member row was changed.
    bool setMutedUntil(std::int64_t chatId, std::int64_t userId,
                       std::optional<std::int64_t> mutedUntil);

private:
    Connection& m_connection;
};

}  // namespace server::store
