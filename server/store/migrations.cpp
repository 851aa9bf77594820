#include "server/store/migrations.h"

#include <stdexcept>
#include <string>

namespace server::store {
namespace {

// v1: accounts and sessions. Usernames are stored lowercase and compared without case; the
// expression index on lower(display_name) serves prefix search by display name.
constexpr std::string_view kV1 = R"sql(
CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT    NOT NULL COLLATE NOCASE UNIQUE,
    display_name  TEXT    NOT NULL,
    password_hash TEXT    NOT NULL,
    avatar        TEXT,
    created_ts    INTEGER NOT NULL,
    last_seen     INTEGER
);
CREATE INDEX users_display_name_lower ON users (lower(display_name));

CREATE TABLE tokens (
    id           INTEGER PRIMARY KEY,
    user_id      INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    token_hash   TEXT    NOT NULL UNIQUE,
    device       TEXT,
    created_ts   INTEGER NOT NULL,
    last_used_ts INTEGER NOT NULL,
    revoked      INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX tokens_live_by_user ON tokens (user_id) WHERE revoked = 0;
)sql";

// v2: friends, blocks, chats and the chat event log (issue 3; groups add rules, not tables).
// A friendship *is* a direct chat: `friendships` points at it, and a direct chat is found again
// by its `direct_key` ("<low id>:<high id>") when two people become friends once more.
// `events` is the log of every change in a chat, gapless per chat; `data` is the serialised
// JSON of the event's `data` object, stored once and relayed as-is. `messages` holds the current
// state of each message (edits and deletions applied), `messages_fts` its searchable text.
constexpr std::string_view kV2 = R"sql(
CREATE TABLE friend_requests (
    id        INTEGER PRIMARY KEY,
    from_id   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    to_id     INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ts        INTEGER NOT NULL,
    UNIQUE (from_id, to_id)
);
CREATE INDEX friend_requests_to ON friend_requests (to_id);

CREATE TABLE blocks (
    blocker_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    blocked_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ts         INTEGER NOT NULL,
    PRIMARY KEY (blocker_id, blocked_id)
) WITHOUT ROWID;
CREATE INDEX blocks_blocked ON blocks (blocked_id);

CREATE TABLE chats (
    id               INTEGER PRIMARY KEY,
    kind             TEXT    NOT NULL CHECK (kind IN ('direct', 'group')),
    name             TEXT    NOT NULL DEFAULT '',
    description      TEXT    NOT NULL DEFAULT '',
    avatar           TEXT,
    created_ts       INTEGER NOT NULL,
    last_seq         INTEGER NOT NULL DEFAULT 0,
    last_activity_ts INTEGER NOT NULL,
    slow_mode_s      INTEGER NOT NULL DEFAULT 0,
    only_admins_post INTEGER NOT NULL DEFAULT 0,
    direct_key       TEXT UNIQUE
);

-- Current members only; a member who leaves is deleted (history stays in `events`).
CREATE TABLE chat_members (
    chat_id                   INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id                   INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    role                      TEXT    NOT NULL DEFAULT 'member',
    joined_ts                 INTEGER NOT NULL,
    read_seq                  INTEGER NOT NULL DEFAULT 0,
    muted_until               INTEGER,
    notifications_muted_until INTEGER,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;
CREATE INDEX chat_members_user ON chat_members (user_id);

CREATE TABLE friendships (
    user_low  INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    user_high INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    chat_id   INTEGER NOT NULL REFERENCES chats (id),
    since_ts  INTEGER NOT NULL,
    PRIMARY KEY (user_low, user_high),
    CHECK (user_low < user_high)
) WITHOUT ROWID;
CREATE INDEX friendships_high ON friendships (user_high);
CREATE INDEX friendships_chat ON friendships (chat_id);

CREATE TABLE messages (
    id        INTEGER PRIMARY KEY,
    chat_id   INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq       INTEGER NOT NULL,
    sender    INTEGER NOT NULL REFERENCES users (id),
    ts        INTEGER NOT NULL,
    client_id TEXT    NOT NULL,
    text      TEXT    NOT NULL DEFAULT '',
    reply_to  INTEGER,
    media     TEXT    NOT NULL DEFAULT '[]',
    edited_ts INTEGER,
    deleted   INTEGER NOT NULL DEFAULT 0,
    pinned_ts INTEGER,
    UNIQUE (sender, client_id)
);
CREATE UNIQUE INDEX messages_by_chat_seq ON messages (chat_id, seq);
CREATE INDEX messages_pinned ON messages (chat_id, pinned_ts) WHERE pinned_ts IS NOT NULL;

CREATE TABLE reactions (
    message_id INTEGER NOT NULL REFERENCES messages (id) ON DELETE CASCADE,
    emoji      TEXT    NOT NULL,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ts         INTEGER NOT NULL,
    PRIMARY KEY (message_id, emoji, user_id)
) WITHOUT ROWID;

CREATE TABLE events (
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    seq     INTEGER NOT NULL,
    ts      INTEGER NOT NULL,
    type    TEXT    NOT NULL,
    actor   INTEGER NOT NULL,
    data    TEXT    NOT NULL,
    PRIMARY KEY (chat_id, seq)
) WITHOUT ROWID;

-- External-content full-text index over messages.text; kept in step by the domain's writes
-- (insert on create, delete+insert on edit, delete on delete), not by triggers, so that the
-- hot send path decides what it pays for.
CREATE VIRTUAL TABLE messages_fts USING fts5 (
    text, content = 'messages', content_rowid = 'id', tokenize = 'unicode61 remove_diacritics 2'
);
)sql";

// v3: the full-text index queue. Ids of messages whose current text is not yet in
// `messages_fts`: appended in each send's transaction (one page at the tail per commit) and
// indexed in large batches off most commits, so that it survives a crash with the messages.
constexpr std::string_view kV3 = R"sql(
CREATE TABLE message_index_queue (id INTEGER PRIMARY KEY);
)sql";

// v4: groups (issue 4). Bans outlive membership (a banned user is not a member and cannot be
// re-added until unbanned); the audit log is append-only, newest read first by id; notifications
// are per user, newest first by id. Slow mode is enforced from `chat_members.last_post_ts`.
constexpr std::string_view kV4 = R"sql(
CREATE TABLE bans (
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    user_id INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    actor   INTEGER NOT NULL,
    reason  TEXT    NOT NULL DEFAULT '',
    ts      INTEGER NOT NULL,
    PRIMARY KEY (chat_id, user_id)
) WITHOUT ROWID;

CREATE TABLE audit_log (
    id      INTEGER PRIMARY KEY,
    chat_id INTEGER NOT NULL REFERENCES chats (id) ON DELETE CASCADE,
    ts      INTEGER NOT NULL,
    actor   INTEGER NOT NULL,
    action  TEXT    NOT NULL,
    target  INTEGER,
    details TEXT    NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_by_chat ON audit_log (chat_id, id);

CREATE TABLE notifications (
    id         INTEGER PRIMARY KEY,
    user_id    INTEGER NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    ts         INTEGER NOT NULL,
    type       TEXT    NOT NULL,
    actor      INTEGER,
    chat_id    INTEGER,
    message_id INTEGER,
    read       INTEGER NOT NULL DEFAULT 0,
    text       TEXT    NOT NULL DEFAULT ''
);
CREATE INDEX notifications_by_user ON notifications (user_id, id);

ALTER TABLE chat_members ADD COLUMN last_post_ts INTEGER;
)sql";

// v5: the full-text index moves to its own file, kept by a background thread (SearchIndex): a
// send writes nothing for it any more. What it cannot see from message ids alone is logged here
// for it: an edit or a deletion (message_id), a deleted chat (no message_id; floor_id is the
// highest message id left, since SQLite may give the deleted chat's ids out again). AUTOINCREMENT
// keeps `n` rising after the applied rows are pruned, so the index's cursor never skips one.
constexpr std::string_view kV5 = R"sql(
DROP TABLE messages_fts;
DROP TABLE message_index_queue;
CREATE TABLE search_changes (
    n          INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id INTEGER,
    chat_id    INTEGER NOT NULL,
    floor_id   INTEGER NOT NULL DEFAULT 0
);
)sql";

constexpr Migration kMigrations[] = {
    {1, kV1},
    {2, kV2},
    {3, kV3},
    {4, kV4},
    {5, kV5},
};

}  // namespace

std::span<const Migration> migrations() {
    return kMigrations;
}

int migrate(Connection& connection) {
    const int latest = kMigrations[std::size(kMigrations) - 1].version;
    for (const auto& migration : kMigrations) {
        connection.execScript("BEGIN IMMEDIATE");
        try {
            // Read inside the transaction: another server on this file may have migrated.
            const auto current = connection.pragmaInt("user_version");
            if (current > latest)
                throw std::runtime_error("database schema version " + std::to_string(current) +
                                         " is newer than this server's " + std::to_string(latest));
            if (current < migration.version) {
                connection.execScript(migration.sql);
                connection.execScript("PRAGMA user_version = " + std::to_string(migration.version));
            }
            connection.execScript("COMMIT");
        } catch (...) {
            if (connection.inTransaction())
                connection.execScript("ROLLBACK");
            throw;
        }
    }
    return static_cast<int>(connection.pragmaInt("user_version"));
}

}  // namespace server::store
