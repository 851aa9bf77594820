// The chats and chat_members tables: chats, who is in them, and each member's read marker.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct ChatRow {
    std::int64_t id = 0;
    std::string kind;  // "direct" | "group"
    std::string name;
    std::string description;
    std::optional<std::string> avatar;
    std::int64_t createdTs = 0;
    std::int64_t lastSeq = 0;
    std::int64_t lastActivityTs = 0;
    std::int64_t slowModeS = 0;
    bool onlyAdminsPost = false;
};

struct MemberRow {
    std::int64_t chatId = 0;
    std::int64_t userId = 0;
    std::string role;
    std::int64_t joinedTs = 0;
    std::int64_t readSeq = 0;
    std::optional<std::int64_t> mutedUntil;
    std::optional<std::int64_t> notificationsMutedUntil;
};

// Stateless over the connection it is given. Throws StoreError.
class ChatRepository {
public:
    explicit ChatRepository(Connection& connection) : m_connection(connection) {}

    // Returns the new chat's id.
    std::int64_t insertDirect(std::string_view directKey, std::int64_t ts);
    std::int64_t insertGroup(std::string_view name, std::string_view description, std::int64_t ts);
    // Writes the editable fields of a group from `row` (name, description, avatar, settings).
    void updateGroup(const ChatRow& row);
    // Deletes the chat with everything in it (members, messages and their index, events, bans,
    // audit log).
    void deleteChat(std::int64_t chatId);
    std::optional<std::int64_t> findByDirectKey(std::string_view directKey);
    std::optional<ChatRow> find(std::int64_t chatId);
    // Most recent activity first.
    std::vector<std::int64_t> chatIdsOf(std::int64_t userId);

    // Does nothing when the user is already a member.
    void addMember(std::int64_t chatId, std::int64_t userId, std::string_view role,
                   std::int64_t ts);
    std::vector<MemberRow> members(std::int64_t chatId);
    std::optional<MemberRow> member(std::int64_t chatId, std::int64_t userId);
    std::int64_t memberCount(std::int64_t chatId);

    // Takes the chat's next seq and records the activity; throws StoreError for an unknown chat.
    std::int64_t nextSeq(std::int64_t chatId, std::int64_t ts);
    // Moves the member's read marker forward to `seq`, clamped to the chat's last seq; returns
    // the new marker, or nullopt when it did not move (not forward, or not a member).
    std::optional<std::int64_t> advanceRead(std::int64_t chatId, std::int64_t userId,
                                            std::int64_t seq);
    // Moves the member's read marker forward to `seq`, which the caller knows is at most the
    // chat's last seq (the seq of a message it just stored); true when it moved.
    bool markReadThrough(std::int64_t chatId, std::int64_t userId, std::int64_t seq);
    // The chat's last seq; nullopt for an unknown chat.
    std::optional<std::int64_t> lastSeq(std::int64_t chatId);
    // Others' messages after `afterSeq` that are not deleted.
    std::int64_t unread(std::int64_t chatId, std::int64_t userId, std::int64_t afterSeq);

private:
    Connection& m_connection;
};

}  // namespace server::store
