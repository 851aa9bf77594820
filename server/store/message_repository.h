// The messages and reactions tables: each message's current state.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct MessageRow {
    std::int64_t id = 0;
    std::int64_t chatId = 0;
    std::int64_t seq = 0;
    std::int64_t sender = 0;
    std::int64_t ts = 0;
    std::string clientId;
    std::string text;
    std::optional<std::int64_t> replyTo;
    std::string mediaJson = "[]";  // JSON array of media ids
    std::optional<std::int64_t> editedTs;
    bool deleted = false;
    std::optional<std::int64_t> pinnedTs;
};

// Stateless over the connection it is given. Every change of a stored message's text goes
// through this class, which logs it in `search_changes` for the full-text index (SearchIndex);
// a new message needs no entry, the index reads new ids itself. Throws StoreError.
class MessageRepository {
public:
    explicit MessageRepository(Connection& connection) : m_connection(connection) {}

    // Stores `row` (its id is ignored); returns the new id.
    std::int64_t insert(const MessageRow& row);
    std::optional<MessageRow> find(std::int64_t id);
    std::optional<MessageRow> findByClientId(std::int64_t sender, std::string_view clientId);
    std::optional<MessageRow> last(std::int64_t chatId);
    // Up to `limit` messages with `afterSeq` < seq <= `upToSeq`, ascending by seq.
    std::vector<MessageRow> after(std::int64_t chatId, std::int64_t afterSeq, std::int64_t upToSeq,
                                  int limit);
    // Up to `limit` messages with seq < `beforeSeq`, ascending by seq.
    std::vector<MessageRow> before(std::int64_t chatId, std::int64_t beforeSeq, int limit);

    void updateText(const MessageRow& old, std::string_view text, std::int64_t editedTs);
    // Makes the message a tombstone: no text, no media, no reactions, not pinned.
    void markDeleted(const MessageRow& old);

    // Each true when something changed.
    bool addReaction(std::int64_t messageId, std::string_view emoji, std::int64_t userId,
                     std::int64_t ts);
    bool removeReaction(std::int64_t messageId, std::string_view emoji, std::int64_t userId);
    // Emoji -> user ids in the order they reacted.
    std::map<std::string, std::vector<std::int64_t>> reactions(std::int64_t messageId);

    bool setPinned(std::int64_t messageId, std::optional<std::int64_t> pinnedTs);
    // Most recently pinned first.
    std::vector<MessageRow> pinned(std::int64_t chatId);

private:
    std::vector<MessageRow> readAll(Statement& statement);
    Connection& m_connection;
};

}  // namespace server::store
