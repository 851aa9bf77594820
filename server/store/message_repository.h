// The messages, reactions and messages_fts tables: each message's current state and its text index.
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

// Stateless over the connection it is given. The full-text index is kept in step here: every
// change of a message's text goes through this class. New and edited text is queued (the
// durable `message_index_queue` table) and indexed in batches by indexQueued(), which the writer
// runs before a COMMIT at most every so often and a search runs before reading: FTS5 flushes its
// pending terms into a new segment at every savepoint and every commit, so indexing each message,
// or each group commit, writes (and later merges) many small segments. Queuing in a table keeps
// the savepoint semantics: a rolled-back operation leaves nothing queued. Throws StoreError.
class MessageRepository {
public:
    explicit MessageRepository(Connection& connection) : m_connection(connection) {}

    // Stores `row` (its id is ignored) and queues its text for the index; returns the new id.
    std::int64_t insert(const MessageRow& row);
    // Indexes the queued text and empties the queue; on the writer only.
    void indexQueued();
    // Whether any text waits for the index (a search then has it indexed first).
    bool hasQueued();
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

    // `ftsQuery` is an FTS5 MATCH expression; newest first, at most `limit`.
    std::vector<MessageRow> search(std::int64_t chatId, std::string_view ftsQuery, int limit);

private:
    std::vector<MessageRow> readAll(Statement& statement);
    // True when `id` was queued (so not indexed yet); it is no longer.
    bool unqueue(std::int64_t id);
    Connection& m_connection;
};

}  // namespace server::store
