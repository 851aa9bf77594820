#include "server/store/user_repository.h"

#include <string>

namespace server::store {
namespace {

constexpr std::string_view kColumns =
    "id, username, display_name, password_hash, avatar, created_ts, last_seen";

UserRow readRow(const Statement& s) {
    UserRow row;
    row.id = s.int64(0);
    row.username = s.text(1);
    row.displayName = s.text(2);
    row.passwordHash = s.text(3);
    row.avatar = s.optionalText(4);
    row.createdTs = s.int64(5);
    row.lastSeen = s.optionalInt64(6);
    return row;
}

std::string asciiLower(std::string_view text) {
    std::string out(text);
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

// Built once: the statement cache is keyed by the SQL text.
const std::string kFindById = "SELECT " + std::string(kColumns) + " FROM users WHERE id = ?1";
const std::string kFindByUsername =
    "SELECT " + std::string(kColumns) + " FROM users WHERE username = ?1";
const std::string kSearch = "SELECT " + std::string(kColumns) +
                            " FROM users WHERE username >= ?1 AND username < ?2"
                            " UNION SELECT " +
                            std::string(kColumns) +
                            " FROM users WHERE lower(display_name) >= ?1 AND "
                            "lower(display_name) < ?2 ORDER BY username LIMIT ?3";

}  // namespace

std::int64_t UserRepository::insert(std::string_view username, std::string_view displayName,
                                    std::string_view passwordHash, std::int64_t createdTs) {
    m_connection
        .prepare(
            "INSERT INTO users (username, display_name, password_hash, created_ts) "
            "VALUES (?1, ?2, ?3, ?4)")
        .bindAll(username, displayName, passwordHash, createdTs)
        .exec();
    return m_connection.lastInsertId();
}

std::optional<UserRow> UserRepository::findById(std::int64_t id) {
    auto s = m_connection.prepare(kFindById);
    s.bind(1, id);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

std::optional<UserRow> UserRepository::findByUsername(std::string_view username) {
    auto s = m_connection.prepare(kFindByUsername);
    s.bind(1, username);
    if (!s.step())
        return std::nullopt;
    return readRow(s);
}

bool UserRepository::usernameExists(std::string_view username) {
    auto s = m_connection.prepare("SELECT 1 FROM users WHERE username = ?1");
    s.bind(1, username);
    return s.step();
}

std::vector<UserRow> UserRepository::searchByPrefix(std::string_view prefix, int limit) {
    // A prefix range [p, p + 0xFF): every UTF-8 string that starts with p sorts inside it (no
    // UTF-8 byte is 0xFF), and none that does not. Unlike LIKE it needs no escaping of % and _,
    // and both halves are index range scans (the NOCASE unique index, the lower() index).
    const std::string low = asciiLower(prefix);
    const std::string high = low + '\xff';
    auto s = m_connection.prepare(kSearch);
    s.bindAll(low, high, limit);
    std::vector<UserRow> rows;
    while (s.step())
        rows.push_back(readRow(s));
    return rows;
}

void UserRepository::updateDisplayName(std::int64_t id, std::string_view displayName) {
    m_connection.prepare("UPDATE users SET display_name = ?2 WHERE id = ?1")
        .bindAll(id, displayName)
        .exec();
}

void UserRepository::updateAvatar(std::int64_t id, const std::optional<std::string>& avatar) {
    m_connection.prepare("UPDATE users SET avatar = ?2 WHERE id = ?1").bindAll(id, avatar).exec();
}

void UserRepository::updatePasswordHash(std::int64_t id, std::string_view passwordHash) {
    m_connection.prepare("UPDATE users SET password_hash = ?2 WHERE id = ?1")
        .bindAll(id, passwordHash)
        .exec();
}

void UserRepository::updateLastSeen(std::int64_t id, std::int64_t ts) {
    m_connection.prepare("UPDATE users SET last_seen = ?2 WHERE id = ?1").bindAll(id, ts).exec();
}

}  // namespace server::store
