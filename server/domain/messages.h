// The messages service apart from sending: history, the event log, edits, deletions, reactions,
// pins and search.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/chat_log.h"
#include "server/domain/clock.h"
#include "server/store/database.h"
#include "server/store/search_index.h"
#include "server/store/writer.h"

namespace server::domain {

struct MessagePage {
    std::vector<protocol::Message> messages;  // ascending by seq
    bool hasMore = false;
};

struct EventPage {
    std::vector<protocol::Event> events;  // ascending by seq
    std::int64_t lastSeq = 0;             // the chat's latest
};

// PROTOCOL.md "Messages and the chat event log" (direct-chat rules; groups add rank checks).
// Thread-safe; members block on reads and on the writer's commit, so call them from a worker
// thread. Every change appends its event in the same writer op and relays it after the commit
// to every member. Failures are thrown as protocol::ApiError. Chats the caller is not a member
// of, and their messages, are 404.
class Messages {
public:
    Messages(store::Database& database, store::Writer& writer, store::SearchIndex& search,
             ChatDirectory& directory, Broadcaster& broadcaster, const Clock& clock);

    static constexpr int kDefaultPage = 50;
    static constexpr int kMaxPage = 100;
    static constexpr int kMaxEvents = 500;
    static constexpr int kMaxSearch = 50;

    // `before`: messages with a smaller seq (default: the newest); `limit` 1..100 (default 50).
    MessagePage history(std::int64_t userId, std::int64_t chatId,
                        std::optional<std::int64_t> before, std::optional<std::int64_t> limit);
    // `after` (default 0); `limit` 1..500 (default 500).
    EventPage events(std::int64_t userId, std::int64_t chatId, std::optional<std::int64_t> after,
                     std::optional<std::int64_t> limit);

    // Own messages only (403); 413 over the text limit.
    protocol::Message edit(std::int64_t userId, std::int64_t messageId, const std::string& text);
    // Own messages only in a direct chat (403). Deleting a tombstone again changes nothing.
    void remove(std::int64_t userId, std::int64_t messageId);
    // `emoji`: 1 to 32 bytes of valid UTF-8. Idempotent.
    void react(std::int64_t userId, std::int64_t messageId, const std::string& emoji, bool add);
    // Idempotent.
    void pin(std::int64_t userId, std::int64_t chatId, std::int64_t messageId, bool pinned);
    std::vector<protocol::Message> pins(std::int64_t userId, std::int64_t chatId);
    // Every word of `query` must prefix a word of the text, ignoring case; newest first.
    std::vector<protocol::Message> search(std::int64_t userId, std::int64_t chatId,
                                          const std::string& query);

private:
    using Change = std::function<std::optional<LoggedEvent>(store::Connection&)>;
    // Runs `change` in the writer after re-checking, in commit order, that `userId` is still a
    // member (a kick committed first refuses it), and relays its event from the completion to
    // the members at that commit, so a member removed before it never receives it.
    void commit(std::int64_t chatId, const ChatEntry& chat, std::int64_t userId, Change change);
    // The chat of a message the user may see; 404 otherwise.
    std::int64_t chatOfMessage(std::int64_t userId, std::int64_t messageId);

    store::Database& m_database;
    store::Writer& m_writer;
    store::SearchIndex& m_search;
    ChatDirectory& m_directory;
    Broadcaster& m_broadcaster;
    const Clock& m_clock;
};

}  // namespace server::domain
