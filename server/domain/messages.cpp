#include "server/domain/messages.h"

#include <boost/json/object.hpp>
#include <future>

#include "common/codec.h"
#include "common/errors.h"
#include "common/validation.h"
#include "server/domain/audit_log.h"
#include "server/domain/groups_access.h"
#include "server/domain/message_view.h"
#include "server/domain/search_query.h"
#include "server/store/chat_repository.h"
#include "server/store/event_repository.h"
#include "server/store/message_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using store::Connection;
using store::MessageRepository;

int pageSize(std::optional<std::int64_t> limit, int fallback, int max) {
    if (!limit)
        return fallback;
    if (*limit < 1 || *limit > max)
        throw ApiError(ErrorCode::BadRequest, "limit: must be 1 to " + std::to_string(max));
    return static_cast<int>(*limit);
}

ApiError noSuchMessage() {
    return ApiError(ErrorCode::NotFound, "id: no such message");
}

void requireOpen(const ChatEntry& chat) {
    if (!chat.postingOpen)
        throw ApiError(ErrorCode::Forbidden, "chat_id: this chat is read-only");
}

// The live message of the chat; 404 for one that is gone, deleted or of another chat.
store::MessageRow liveMessage(Connection& c, std::int64_t messageId, std::int64_t chatId) {
    auto row = MessageRepository(c).find(messageId);
    if (!row || row->chatId != chatId || row->deleted)
        throw noSuchMessage();
    return *row;
}

void checkEmoji(const std::string& emoji) {
    if (emoji.empty() || emoji.size() > 32 || !protocol::validation::isValidUtf8(emoji))
        throw ApiError(ErrorCode::BadRequest, "emoji: must be 1 to 32 bytes of UTF-8");
}

// Whether `userId` may delete `row`, judged inside the op: the sender always; in a group, a
// moderator or above whose rank is strictly higher than the sender's, or than nobody's when the
// sender has left. Returns the sender to audit when it is another's message.
std::optional<std::int64_t> requireMayDelete(Connection& c, const store::MessageRow& row,
                                             std::int64_t userId, bool isGroup) {
    if (row.sender == userId)
        return std::nullopt;
    if (!isGroup)
        throw ApiError(ErrorCode::Forbidden, "id: not your message");
    store::ChatRepository chats(c);
    const auto actor = chats.member(row.chatId, userId);
    if (!actor)
        throw noSuchMessage();
    const auto role = roleOf(*actor);
    requireAllowed(GroupAction::DeleteOthers, role, "deleting another's message");
    if (const auto sender = chats.member(row.chatId, row.sender))
        requireOutranks(role, roleOf(*sender), "deleting this member's message");
    return row.sender;
}

std::vector<protocol::Message> loadAll(Connection& c, const std::vector<store::MessageRow>& rows) {
    std::vector<protocol::Message> messages;
    messages.reserve(rows.size());
    for (const auto& row : rows)
        messages.push_back(loadMessage(c, row));
    return messages;
}

}  // namespace

Messages::Messages(store::Database& database, store::Writer& writer, store::SearchIndex& search,
                   ChatDirectory& directory, Broadcaster& broadcaster, const Clock& clock)
    : m_database(database),
      m_writer(writer),
      m_search(search),
      m_directory(directory),
      m_broadcaster(broadcaster),
      m_clock(clock) {}

MessagePage Messages::history(std::int64_t userId, std::int64_t chatId,
                              std::optional<std::int64_t> before,
                              std::optional<std::int64_t> limit) {
    const int size = pageSize(limit, kDefaultPage, kMaxPage);
    m_directory.requireMember(chatId, userId);
    return m_database.read([&](Connection& c) {
        auto rows = MessageRepository(c).before(chatId, before.value_or(INT64_MAX), size + 1);
        MessagePage page;
        page.hasMore = static_cast<int>(rows.size()) > size;
        if (page.hasMore)
            rows.erase(rows.begin());
        page.messages = loadAll(c, rows);
        return page;
    });
}

EventPage Messages::events(std::int64_t userId, std::int64_t chatId,
                           std::optional<std::int64_t> after, std::optional<std::int64_t> limit) {
    const int size = pageSize(limit, kMaxEvents, kMaxEvents);
    if (after && *after < 0)
        throw ApiError(ErrorCode::BadRequest, "after: must be 0 or more");
    m_directory.requireMember(chatId, userId);
    return m_database.read([&](Connection& c) {
        EventPage page;
        const auto chat = store::ChatRepository(c).find(chatId);
        page.lastSeq = chat ? chat->lastSeq : 0;
        // The log is the `events` rows merged with the messages (each its message.created, built
        // from its current state: later events in the log re-apply idempotently). Both reads stop
        // at the last_seq read first: every seq up to it is committed, so no seq falls between
        // two reads that each see a different moment.
        const auto from = after.value_or(0);
        auto events = store::EventRepository(c).after(chatId, from, page.lastSeq, size);
        auto messages = MessageRepository(c).after(chatId, from, page.lastSeq, size);
        auto event = events.begin();
        auto message = messages.begin();
        while (static_cast<int>(page.events.size()) < size &&
               (event != events.end() || message != messages.end())) {
            if (message == messages.end() || (event != events.end() && event->seq < message->seq)) {
                page.events.push_back({event->chatId, event->seq, event->ts, std::move(event->type),
                                       event->actor, std::move(event->data)});
                ++event;
            } else {
                page.events.push_back({message->chatId, message->seq, message->ts,
                                       std::string(protocol::eventType::MessageCreated),
                                       message->sender,
                                       messageEventData(loadMessage(c, *message))});
                ++message;
            }
        }
        return page;
    });
}

protocol::Message Messages::edit(std::int64_t userId, std::int64_t messageId,
                                 const std::string& text) {
    protocol::validation::messageText(text);
    if (text.empty())
        throw ApiError(ErrorCode::BadRequest, "text: must not be empty");
    const auto chatId = chatOfMessage(userId, messageId);
    const auto chat = m_directory.requireMember(chatId, userId);
    requireOpen(*chat);
    const auto now = m_clock.nowMs();
    protocol::Message edited;
    commit(chatId, *chat, userId, [&](Connection& c) -> std::optional<LoggedEvent> {
        const auto row = liveMessage(c, messageId, chatId);
        if (row.sender != userId)
            throw ApiError(ErrorCode::Forbidden, "id: not your message");
        MessageRepository(c).updateText(row, text, now);
        edited = loadMessage(c, *MessageRepository(c).find(messageId));
        return appendEvent(c, chatId, protocol::eventType::MessageEdited, userId, now,
                           messageEventData(edited));
    });
    return edited;
}

void Messages::remove(std::int64_t userId, std::int64_t messageId) {
    const auto chatId = chatOfMessage(userId, messageId);
    const auto chat = m_directory.requireMember(chatId, userId);
    requireOpen(*chat);
    const auto now = m_clock.nowMs();
    commit(chatId, *chat, userId, [&](Connection& c) -> std::optional<LoggedEvent> {
        auto row = MessageRepository(c).find(messageId);
        if (!row || row->chatId != chatId)
            throw noSuchMessage();
        const auto othersSender = requireMayDelete(c, *row, userId, chat->isGroup());
        if (row->deleted)
            return std::nullopt;
        MessageRepository(c).markDeleted(*row);
        if (othersSender)
            recordAudit(c, chatId, now, userId, protocol::auditAction::MessageDeleted, othersSender,
                        protocol::serialize(boost::json::object{{"message_id", messageId}}));
        return appendEvent(c, chatId, protocol::eventType::MessageDeleted, userId, now,
                           messageDeletedData(messageId));
    });
}

void Messages::react(std::int64_t userId, std::int64_t messageId, const std::string& emoji,
                     bool add) {
    checkEmoji(emoji);
    const auto chatId = chatOfMessage(userId, messageId);
    const auto chat = m_directory.requireMember(chatId, userId);
    requireOpen(*chat);
    const auto now = m_clock.nowMs();
    commit(chatId, *chat, userId, [&](Connection& c) -> std::optional<LoggedEvent> {
        liveMessage(c, messageId, chatId);
        MessageRepository messages(c);
        const bool changed = add ? messages.addReaction(messageId, emoji, userId, now)
                                 : messages.removeReaction(messageId, emoji, userId);
        if (!changed)
            return std::nullopt;
        return appendEvent(c, chatId, protocol::eventType::ReactionChanged, userId, now,
                           reactionChangedData(messageId, emoji, userId, add));
    });
}

void Messages::pin(std::int64_t userId, std::int64_t chatId, std::int64_t messageId, bool pinned) {
    const auto chat = m_directory.requireMember(chatId, userId);
    requireOpen(*chat);
    const auto now = m_clock.nowMs();
    commit(chatId, *chat, userId, [&](Connection& c) -> std::optional<LoggedEvent> {
        if (chat->isGroup())
            requireAllowed(GroupAction::Pin, requireGroupMember(c, chatId, userId).role, "pinning");
        liveMessage(c, messageId, chatId);
        if (!MessageRepository(c).setPinned(messageId, pinned ? std::optional(now) : std::nullopt))
            return std::nullopt;
        if (chat->isGroup())
            recordAudit(c, chatId, now, userId, protocol::auditAction::PinChanged, std::nullopt,
                        protocol::serialize(
                            boost::json::object{{"message_id", messageId}, {"pinned", pinned}}));
        return appendEvent(c, chatId, protocol::eventType::PinChanged, userId, now,
                           pinChangedData(messageId, pinned));
    });
}

std::vector<protocol::Message> Messages::pins(std::int64_t userId, std::int64_t chatId) {
    m_directory.requireMember(chatId, userId);
    return m_database.read(
        [&](Connection& c) { return loadAll(c, MessageRepository(c).pinned(chatId)); });
}

std::vector<protocol::Message> Messages::search(std::int64_t userId, std::int64_t chatId,
                                                const std::string& query) {
    const auto match = ftsPrefixQuery(query);
    m_directory.requireMember(chatId, userId);
    // The index follows the messages in the background: it is brought up to now first.
    m_search.catchUp();
    const auto ids = m_search.search(chatId, match, kMaxSearch);
    return m_database.read([&](Connection& c) {
        std::vector<protocol::Message> found;
        MessageRepository messages(c);
        for (const auto id : ids)
            if (const auto row = messages.find(id); row && row->chatId == chatId && !row->deleted)
                found.push_back(loadMessage(c, *row));
        return found;
    });
}

void Messages::commit(std::int64_t chatId, const ChatEntry& chat, std::int64_t userId,
                      Change change) {
    std::promise<void> committed;
    auto future = committed.get_future();
    std::optional<LoggedEvent> event;
    const bool group = chat.isGroup();
    m_writer.submit(
        [&](Connection& c) {
            if (group)
                requireGroupMember(c, chatId, userId);
            event = change(c);
        },
        [&](std::exception_ptr error) {
            // Completions run in commit order and a group change publishes its directory entry
            // from its own completion: the entry read here is the membership at this commit.
            if (!error && event)
                if (const auto now = m_directory.find(chatId))
                    m_broadcaster.toUsers(now->members, event->frame);
            error ? committed.set_exception(error) : committed.set_value();
        });
    future.get();
}

std::int64_t Messages::chatOfMessage(std::int64_t userId, std::int64_t messageId) {
    const auto row =
        m_database.read([&](Connection& c) { return MessageRepository(c).find(messageId); });
    if (!row)
        throw noSuchMessage();
    const auto chat = m_directory.find(row->chatId);
    if (!chat || !chat->isMember(userId))
        throw noSuchMessage();
    return row->chatId;
}

}  // namespace server::domain
