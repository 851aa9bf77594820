#include "server/store/message_repository.h"

namespace server::store {
namespace {

constexpr std::string_view kColumns =
    "id, chat_id, seq, sender, ts, client_id, text, reply_to, media, edited_ts, deleted, pinned_ts";

MessageRow readRow(const Statement& s) {
    MessageRow row;
    row.id = s.int64(0);
    row.chatId = s.int64(1);
    row.seq = s.int64(2);
    row.sender = s.int64(3);
    row.ts = s.int64(4);
    row.clientId = s.text(5);
    row.text = s.text(6);
    row.replyTo = s.optionalInt64(7);
    row.mediaJson = s.text(8);
    row.editedTs = s.optionalInt64(9);
    row.deleted = s.int64(10) != 0;
    row.pinnedTs = s.optionalInt64(11);
    return row;
}

std::string select(std::string_view rest) {
    return "SELECT " + std::string(kColumns) + " FROM messages " + std::string(rest);
}

// Built once: the statement cache is keyed by the SQL text.
const std::string kFind = select("WHERE id = ?1");
const std::string kFindByClientId = select("WHERE sender = ?1 AND client_id = ?2");
const std::string kLast = select("WHERE chat_id = ?1 ORDER BY seq DESC LIMIT 1");
const std::string kBefore = "SELECT * FROM (" +
                            select("WHERE chat_id = ?1 AND seq < ?2 ORDER BY seq DESC LIMIT ?3") +
                            ") ORDER BY seq";
const std::string kAfter =
    select("WHERE chat_id = ?1 AND seq > ?2 AND seq <= ?3 ORDER BY seq LIMIT ?4");
const std::string kPinned =
    select("WHERE chat_id = ?1 AND pinned_ts IS NOT NULL ORDER BY pinned_ts DESC, id DESC");
constexpr std::string_view kLogChange =
    "INSERT INTO search_changes (message_id, chat_id) VALUES (?1, ?2)";

}  // namespace

std::int64_t MessageRepository::insert(const MessageRow& row) {
    m_connection
        .prepare(
            "INSERT INTO messages (chat_id, seq, sender, ts, client_id, text, reply_to, media) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)")
        .bindAll(row.chatId, row.seq, row.sender, row.ts, row.clientId, row.text, row.replyTo,
                 row.mediaJson)
        .exec();
    return m_connection.lastInsertId();
}

std::optional<MessageRow> MessageRepository::find(std::int64_t id) {
    auto s = m_connection.prepare(kFind);
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::optional<MessageRow> MessageRepository::findByClientId(std::int64_t sender,
                                                            std::string_view clientId) {
    auto s = m_connection.prepare(kFindByClientId);
    s.bindAll(sender, clientId);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::optional<MessageRow> MessageRepository::last(std::int64_t chatId) {
    auto s = m_connection.prepare(kLast);
    s.bind(1, chatId);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::vector<MessageRow> MessageRepository::after(std::int64_t chatId, std::int64_t afterSeq,
                                                 std::int64_t upToSeq, int limit) {
    auto s = m_connection.prepare(kAfter);
    s.bindAll(chatId, afterSeq, upToSeq, limit);
    return readAll(s);
}

std::vector<MessageRow> MessageRepository::before(std::int64_t chatId, std::int64_t beforeSeq,
                                                  int limit) {
    auto s = m_connection.prepare(kBefore);
    s.bindAll(chatId, beforeSeq, limit);
    return readAll(s);
}

// An external-content FTS5 table forgets a row by being told the text it indexed.
void MessageRepository::updateText(const MessageRow& old, std::string_view text,
                                   std::int64_t editedTs) {
    m_connection.prepare("UPDATE messages SET text = ?2, edited_ts = ?3 WHERE id = ?1")
        .bindAll(old.id, text, editedTs)
        .exec();
    m_connection.prepare(kLogChange).bindAll(old.id, old.chatId).exec();
}

void MessageRepository::markDeleted(const MessageRow& old) {
    m_connection.prepare(kLogChange).bindAll(old.id, old.chatId).exec();
    m_connection
        .prepare(
            "UPDATE messages SET text = '', media = '[]', deleted = 1, pinned_ts = NULL "
            "WHERE id = ?1")
        .bind(1, old.id)
        .exec();
    m_connection.prepare("DELETE FROM reactions WHERE message_id = ?1").bind(1, old.id).exec();
}

bool MessageRepository::addReaction(std::int64_t messageId, std::string_view emoji,
                                    std::int64_t userId, std::int64_t ts) {
    m_connection
        .prepare(
            "INSERT OR IGNORE INTO reactions (message_id, emoji, user_id, ts) "
            "VALUES (?1, ?2, ?3, ?4)")
        .bindAll(messageId, emoji, userId, ts)
        .exec();
    return m_connection.changes() > 0;
}

bool MessageRepository::removeReaction(std::int64_t messageId, std::string_view emoji,
                                       std::int64_t userId) {
    m_connection
        .prepare("DELETE FROM reactions WHERE message_id = ?1 AND emoji = ?2 AND user_id = ?3")
        .bindAll(messageId, emoji, userId)
        .exec();
    return m_connection.changes() > 0;
}

std::map<std::string, std::vector<std::int64_t>> MessageRepository::reactions(
    std::int64_t messageId) {
    auto s = m_connection.prepare(
        "SELECT emoji, user_id FROM reactions WHERE message_id = ?1 ORDER BY ts, user_id");
    s.bind(1, messageId);
    std::map<std::string, std::vector<std::int64_t>> out;
    while (s.step())
        out[s.text(0)].push_back(s.int64(1));
    return out;
}

bool MessageRepository::setPinned(std::int64_t messageId, std::optional<std::int64_t> pinnedTs) {
    if (pinnedTs)
        m_connection
            .prepare("UPDATE messages SET pinned_ts = ?2 WHERE id = ?1 AND pinned_ts IS NULL")
            .bindAll(messageId, *pinnedTs)
            .exec();
    else
        m_connection
            .prepare("UPDATE messages SET pinned_ts = NULL WHERE id = ?1 AND pinned_ts IS NOT NULL")
            .bind(1, messageId)
            .exec();
    return m_connection.changes() > 0;
}

std::vector<MessageRow> MessageRepository::pinned(std::int64_t chatId) {
    auto s = m_connection.prepare(kPinned);
    s.bind(1, chatId);
    return readAll(s);
}

std::vector<MessageRow> MessageRepository::readAll(Statement& statement) {
    std::vector<MessageRow> rows;
    while (statement.step())
        rows.push_back(readRow(statement));
    return rows;
}

}  // namespace server::store
