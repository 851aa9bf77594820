// The client's local SQLite cache of one profile (cache.sqlite in its data folder): what the UI
// shows comes from here, so an offline start paints what the user saw last. It may be deleted at
// any time without losing anything the server holds. The only place of SQL in the client.
#pragma once

#include <QString>
#include <functional>
#include <optional>

#include "common/wire_types.h"

class QSqlDatabase;

namespace client::cache {

class LocalCache {
public:
    explicit LocalCache(const QString& dataDir);
    ~LocalCache();
    LocalCache(const LocalCache&) = delete;
    LocalCache& operator=(const LocalCache&) = delete;

    // Opens (creating) the file and migrates it to the current schema. False when the file
    // cannot be used; the caller may delete it and try again.
    bool open();
    bool isOpen() const;
    void close();
    QString filePath() const { return m_filePath; }
    QString lastError() const { return m_lastError; }

    // PRAGMA user_version after migrations; 0 when not open.
    int schemaVersion() const;
    // Whether the SQLite driver has FTS5 (the messages_fts table exists).
    bool hasFullTextSearch() const { return m_hasFts; }

    bool upsertUser(const protocol::User& user);
    std::optional<protocol::User> user(protocol::Id id) const;

    std::optional<QString> meta(const QString& key) const;
    bool setMeta(const QString& key, const QString& value);

    // Runs `work` in one transaction (BEGIN IMMEDIATE ... COMMIT; rolled back if it returns
    // false). Every write goes through here, so a batching writer can later take several at once.
    bool write(const std::function<bool(QSqlDatabase&)>& work);

    // The open connection, for the cache's repositories (ChatCache) to read with.
    QSqlDatabase database() const;

private:
    QString m_filePath;
    QString m_connectionName;
    QString m_lastError;
    bool m_hasFts = false;
};

}  // namespace client::cache
