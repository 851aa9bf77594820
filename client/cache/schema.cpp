#include "client/cache/schema.h"

#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <vector>

namespace client::cache::schema {
namespace {

// Index = version - 1. Append only: a released step is never edited.
const std::vector<QStringList>& steps() {
    static const std::vector<QStringList> all = {
        {
            QStringLiteral("CREATE TABLE users ("
                           " id INTEGER PRIMARY KEY,"
                           " username TEXT NOT NULL,"
                           " display_name TEXT NOT NULL,"
                           " avatar TEXT,"
                           " status TEXT NOT NULL DEFAULT 'offline',"
                           " last_seen INTEGER)"),
            QStringLiteral("CREATE TABLE chats ("
                           " id INTEGER PRIMARY KEY,"
                           " kind TEXT NOT NULL,"
                           " name TEXT NOT NULL DEFAULT '',"
                           " description TEXT NOT NULL DEFAULT '',"
                           " avatar TEXT,"
                           " created_ts INTEGER NOT NULL DEFAULT 0,"
                           " last_seq INTEGER NOT NULL DEFAULT 0,"
                           " read_seq INTEGER NOT NULL DEFAULT 0,"
                           " unread INTEGER NOT NULL DEFAULT 0,"
                           " my_role TEXT NOT NULL DEFAULT 'member',"
                           " member_count INTEGER NOT NULL DEFAULT 0,"
                           " peer_id INTEGER,"
                           " peer_read_seq INTEGER,"
                           " notifications_muted_until INTEGER,"
                           " slow_mode_s INTEGER NOT NULL DEFAULT 0,"
                           " only_admins_post INTEGER NOT NULL DEFAULT 0,"
                           " last_activity_ts INTEGER NOT NULL DEFAULT 0)"),
            // id is the server's message id, so it doubles as the rowid the FTS index points at.
            QStringLiteral("CREATE TABLE messages ("
                           " id INTEGER PRIMARY KEY,"
                           " chat_id INTEGER NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " sender INTEGER NOT NULL,"
                           " ts INTEGER NOT NULL,"
                           " client_id TEXT,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " reply_to INTEGER,"
                           " edited_ts INTEGER,"
                           " deleted INTEGER NOT NULL DEFAULT 0,"
                           " reactions TEXT NOT NULL DEFAULT '{}',"
                           " media TEXT NOT NULL DEFAULT '[]',"
                           " UNIQUE (chat_id, seq),"
                           " UNIQUE (client_id))"),
            QStringLiteral("CREATE TABLE outbox ("
                           " client_id TEXT PRIMARY KEY,"
                           " chat_id INTEGER NOT NULL,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " reply_to INTEGER,"
                           " state TEXT NOT NULL DEFAULT 'pending'"
                           "  CHECK (state IN ('pending', 'failed')),"
                           " created_ts INTEGER NOT NULL,"
                           " attempts INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE INDEX outbox_chat ON outbox (chat_id, created_ts)"),
            QStringLiteral("CREATE TABLE chat_sync ("
                           " chat_id INTEGER PRIMARY KEY,"
                           " last_applied_seq INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"),
        },
        {
            // client_id is unique per sender only (another user's client may pick the same);
            // pins are a message's state.
            QStringLiteral("CREATE TABLE messages_v2 ("
                           " id INTEGER PRIMARY KEY,"
                           " chat_id INTEGER NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " sender INTEGER NOT NULL,"
                           " ts INTEGER NOT NULL,"
                           " client_id TEXT,"
                           " text TEXT NOT NULL DEFAULT '',"
                           " reply_to INTEGER,"
                           " edited_ts INTEGER,"
                           " deleted INTEGER NOT NULL DEFAULT 0,"
                           " reactions TEXT NOT NULL DEFAULT '{}',"
                           " media TEXT NOT NULL DEFAULT '[]',"
                           " pinned INTEGER NOT NULL DEFAULT 0,"
                           " UNIQUE (chat_id, seq),"
                           " UNIQUE (sender, client_id))"),
            QStringLiteral("INSERT INTO messages_v2 (id, chat_id, seq, sender, ts, client_id, text,"
                           " reply_to, edited_ts, deleted, reactions, media)"
                           " SELECT id, chat_id, seq, sender, ts, client_id, text, reply_to,"
                           " edited_ts, deleted, reactions, media FROM messages"),
            QStringLiteral("DROP TABLE messages"),
            QStringLiteral("ALTER TABLE messages_v2 RENAME TO messages"),
            // unread counts the others' messages up to unread_base_seq (the server's count at
            // its last_seq, plus the events applied since).
            QStringLiteral(
                "ALTER TABLE chats ADD COLUMN unread_base_seq INTEGER NOT NULL DEFAULT 0"),
            QStringLiteral("ALTER TABLE outbox ADD COLUMN failure TEXT NOT NULL DEFAULT ''"),
            QStringLiteral("CREATE TABLE friends ("
                           " user_id INTEGER PRIMARY KEY,"
                           " chat_id INTEGER NOT NULL DEFAULT 0)"),
            QStringLiteral("CREATE TABLE friend_requests ("
                           " id INTEGER PRIMARY KEY,"
                           " incoming INTEGER NOT NULL,"
                           " user_id INTEGER NOT NULL,"
                           " ts INTEGER NOT NULL)"),
        },
        {
            // The members of each group as last listed by the server, kept current by the
            // member.* events. members_loaded: 0 until a full list has been stored, then the chat's
            // last_seq + 1 at that listing (older member events do not rewrite it); once set,
            // counting rows gives the member count and how many are online.
            QStringLiteral("CREATE TABLE members ("
                           " chat_id INTEGER NOT NULL,"
                           " user_id INTEGER NOT NULL,"
                           " role TEXT NOT NULL DEFAULT 'member',"
                           " joined_ts INTEGER NOT NULL DEFAULT 0,"
                           " muted_until INTEGER,"
                           " PRIMARY KEY (chat_id, user_id)) WITHOUT ROWID"),
            QStringLiteral(
                "ALTER TABLE chats ADD COLUMN members_loaded INTEGER NOT NULL DEFAULT 0"),
            // The member.* and chat.updated events of groups, as the conversation's system lines.
            // Apart from messages: a message's id is the server's, which counts as unread, shows
            // in the rail's preview and is indexed for search; a system line is none of those.
            // subject: the member the event is about (0 for chat.updated).
            QStringLiteral("CREATE TABLE system_lines ("
                           " chat_id INTEGER NOT NULL,"
                           " seq INTEGER NOT NULL,"
                           " ts INTEGER NOT NULL,"
                           " actor INTEGER NOT NULL,"
                           " type TEXT NOT NULL,"
                           " data TEXT NOT NULL DEFAULT '{}',"
                           " subject INTEGER NOT NULL DEFAULT 0,"
                           " PRIMARY KEY (chat_id, seq)) WITHOUT ROWID"),
            // A chat removed from the cache (left, kicked, deleted) takes its members and system
            // lines with it.
            QStringLiteral("CREATE TRIGGER chats_delete_group_rows AFTER DELETE ON chats BEGIN"
                           " DELETE FROM members WHERE chat_id = old.id;"
                           " DELETE FROM system_lines WHERE chat_id = old.id; END"),
        },
    };
    return all;
}

int userVersion(QSqlDatabase& db) {
    QSqlQuery query(db);
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return -1;
}

bool run(QSqlDatabase& db, const QString& sql, QString* error) {
    QSqlQuery query(db);
    if (query.exec(sql)) {
        return true;
    }
    if (error) {
        *error = query.lastError().text() + QStringLiteral(" in: ") + sql;
    }
    return false;
}

}  // namespace

int latestVersion() {
    return static_cast<int>(steps().size());
}

bool migrate(QSqlDatabase& db, QString* error) {
    const int current = userVersion(db);
    if (current < 0) {
        if (error) {
            *error = QStringLiteral("not a readable SQLite file");
        }
        return false;
    }
    if (current > latestVersion()) {
        if (error) {
            *error =
                QStringLiteral("the cache was written by a newer version (schema %1)").arg(current);
        }
        return false;
    }
    for (int version = current + 1; version <= latestVersion(); ++version) {
        if (!run(db, QStringLiteral("BEGIN IMMEDIATE"), error)) {
            return false;
        }
        bool ok = true;
        for (const QString& sql : steps()[static_cast<size_t>(version - 1)]) {
            ok = ok && run(db, sql, error);
        }
        ok = ok && run(db, QStringLiteral("PRAGMA user_version = %1").arg(version), error);
        if (!ok || !run(db, QStringLiteral("COMMIT"), error)) {
            run(db, QStringLiteral("ROLLBACK"), nullptr);
            return false;
        }
    }
    return true;
}

bool ensureFullTextSearch(QSqlDatabase& db) {
    const QStringList statements = {
        QStringLiteral("CREATE VIRTUAL TABLE IF NOT EXISTS messages_fts USING fts5("
                       "text, content='messages', content_rowid='id',"
                       " tokenize='unicode61 remove_diacritics 2')"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_insert AFTER INSERT ON messages"
                       " BEGIN INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text);"
                       " END"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_delete AFTER DELETE ON messages"
                       " BEGIN INSERT INTO messages_fts (messages_fts, rowid, text)"
                       " VALUES ('delete', old.id, old.text); END"),
        QStringLiteral("CREATE TRIGGER IF NOT EXISTS messages_fts_update AFTER UPDATE OF text"
                       " ON messages BEGIN INSERT INTO messages_fts (messages_fts, rowid, text)"
                       " VALUES ('delete', old.id, old.text);"
                       " INSERT INTO messages_fts (rowid, text) VALUES (new.id, new.text); END"),
    };
    for (const QString& sql : statements) {
        if (!run(db, sql, nullptr)) {
            return false;
        }
    }
    return true;
}

}  // namespace client::cache::schema
