#include "server/store/chat_repository.h"

#include <sqlite3.h>

#include <algorithm>

#include "server/store/store_error.h"

namespace server::store {
namespace {

MemberRow readMember(const Statement& s) {
    MemberRow row;
    row.chatId = s.int64(0);
    row.userId = s.int64(1);
    row.role = s.text(2);
    row.joinedTs = s.int64(3);
    row.readSeq = s.int64(4);
    row.mutedUntil = s.optionalInt64(5);
    row.notificationsMutedUntil = s.optionalInt64(6);
    return row;
}

constexpr std::string_view kMemberColumns =
    "chat_id, user_id, role, joined_ts, read_seq, muted_until, notifications_muted_until";
const std::string kMembers = "SELECT " + std::string(kMemberColumns) +
                             " FROM chat_members WHERE chat_id = ?1 ORDER BY joined_ts, user_id";
const std::string kMember = "SELECT " + std::string(kMemberColumns) +
                            " FROM chat_members WHERE chat_id = ?1 AND user_id = ?2";

}  // namespace

std::int64_t ChatRepository::insertDirect(std::string_view directKey, std::int64_t ts) {
    m_connection
        .prepare(
            "INSERT INTO chats (kind, created_ts, last_activity_ts, direct_key) "
            "VALUES ('direct', ?1, ?1, ?2)")
        .bindAll(ts, directKey)
        .exec();
    return m_connection.lastInsertId();
}

std::int64_t ChatRepository::insertGroup(std::string_view name, std::string_view description,
                                         std::int64_t ts) {
    m_connection
        .prepare(
            "INSERT INTO chats (kind, name, description, created_ts, last_activity_ts) "
            "VALUES ('group', ?1, ?2, ?3, ?3)")
        .bindAll(name, description, ts)
        .exec();
    return m_connection.lastInsertId();
}

void ChatRepository::updateGroup(const ChatRow& row) {
    m_connection
        .prepare(
            "UPDATE chats SET name = ?2, description = ?3, avatar = ?4, slow_mode_s = ?5, "
            "only_admins_post = ?6 WHERE id = ?1")
        .bindAll(row.id, row.name, row.description, row.avatar, row.slowModeS,
                 std::int64_t{row.onlyAdminsPost ? 1 : 0})
        .exec();
}

void ChatRepository::deleteChat(std::int64_t chatId) {
    m_connection.prepare("DELETE FROM chats WHERE id = ?1").bind(1, chatId).exec();
    // For the search index: the chat's text goes, and ids above the highest left may come again.
    m_connection
        .prepare(
            "INSERT INTO search_changes (chat_id, floor_id) "
            "VALUES (?1, (SELECT coalesce(max(id), 0) FROM messages))")
        .bind(1, chatId)
        .exec();
}

std::optional<std::int64_t> ChatRepository::findByDirectKey(std::string_view directKey) {
    auto s = m_connection.prepare("SELECT id FROM chats WHERE direct_key = ?1");
    s.bind(1, directKey);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::optional<ChatRow> ChatRepository::find(std::int64_t chatId) {
    auto s = m_connection.prepare(
        "SELECT id, kind, name, description, avatar, created_ts, last_seq, last_activity_ts, "
        "slow_mode_s, only_admins_post FROM chats WHERE id = ?1");
    s.bind(1, chatId);
    if (!s.step())
        return std::nullopt;
    ChatRow row;
    row.id = s.int64(0);
    row.kind = s.text(1);
    row.name = s.text(2);
    row.description = s.text(3);
    row.avatar = s.optionalText(4);
    row.createdTs = s.int64(5);
    row.lastSeq = s.int64(6);
    row.lastActivityTs = s.int64(7);
    row.slowModeS = s.int64(8);
    row.onlyAdminsPost = s.int64(9) != 0;
    return row;
}

std::vector<std::int64_t> ChatRepository::chatIdsOf(std::int64_t userId) {
    auto s = m_connection.prepare(
        "SELECT c.id FROM chat_members m JOIN chats c ON c.id = m.chat_id WHERE m.user_id = ?1 "
        "ORDER BY c.last_activity_ts DESC, c.id DESC");
    s.bind(1, userId);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    return ids;
}

void ChatRepository::addMember(std::int64_t chatId, std::int64_t userId, std::string_view role,
                               std::int64_t ts) {
    m_connection
        .prepare(
            "INSERT OR IGNORE INTO chat_members (chat_id, user_id, role, joined_ts) "
            "VALUES (?1, ?2, ?3, ?4)")
        .bindAll(chatId, userId, role, ts)
        .exec();
}

std::vector<MemberRow> ChatRepository::members(std::int64_t chatId) {
    auto s = m_connection.prepare(kMembers);
    s.bind(1, chatId);
    std::vector<MemberRow> rows;
    while (s.step())
        rows.push_back(readMember(s));
    return rows;
}

std::optional<MemberRow> ChatRepository::member(std::int64_t chatId, std::int64_t userId) {
    auto s = m_connection.prepare(kMember);
    s.bindAll(chatId, userId);
    if (!s.step())
        return std::nullopt;
    return readMember(s);
}

std::int64_t ChatRepository::memberCount(std::int64_t chatId) {
    auto s = m_connection.prepare("SELECT count(*) FROM chat_members WHERE chat_id = ?1");
    s.bind(1, chatId);
    s.step();
    return s.int64(0);
}

// No RETURNING in these statements: SQLite gathers RETURNING rows in an ephemeral table, and
// opening and dropping one cost more than the update itself on the send path.
std::int64_t ChatRepository::nextSeq(std::int64_t chatId, std::int64_t ts) {
    m_connection
        .prepare(
            "UPDATE chats SET last_seq = last_seq + 1, "
            "last_activity_ts = max(last_activity_ts, ?2) WHERE id = ?1")
        .bindAll(chatId, ts)
        .exec();
    if (m_connection.changes() == 0)
        throw StoreError(SQLITE_NOTFOUND, "no chat " + std::to_string(chatId));
    return lastSeq(chatId).value_or(0);
}

std::optional<std::int64_t> ChatRepository::lastSeq(std::int64_t chatId) {
    auto s = m_connection.prepare("SELECT last_seq FROM chats WHERE id = ?1");
    s.bind(1, chatId);
    if (!s.step())
        return std::nullopt;
    return s.int64(0);
}

std::optional<std::int64_t> ChatRepository::advanceRead(std::int64_t chatId, std::int64_t userId,
                                                        std::int64_t seq) {
    const auto last = lastSeq(chatId);
    if (!last)
        return std::nullopt;
    const auto target = std::min(seq, *last);
    return markReadThrough(chatId, userId, target) ? std::optional(target) : std::nullopt;
}

bool ChatRepository::markReadThrough(std::int64_t chatId, std::int64_t userId, std::int64_t seq) {
    m_connection
        .prepare(
            "UPDATE chat_members SET read_seq = ?3 WHERE chat_id = ?1 AND user_id = ?2 AND "
            "read_seq < ?3")
        .bindAll(chatId, userId, seq)
        .exec();
    return m_connection.changes() > 0;
}

std::int64_t ChatRepository::unread(std::int64_t chatId, std::int64_t userId,
                                    std::int64_t afterSeq) {
    auto s = m_connection.prepare(
        "SELECT count(*) FROM messages WHERE chat_id = ?1 AND seq > ?3 AND sender != ?2 AND "
        "deleted = 0");
    s.bindAll(chatId, userId, afterSeq);
    s.step();
    return s.int64(0);
}

}  // namespace server::store
