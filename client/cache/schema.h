// The versioned schema of the local cache: migrations applied in order, tracked by user_version.
#pragma once

#include <QString>

class QSqlDatabase;

namespace client::cache::schema {

// The version a fully migrated cache has.
int latestVersion();

// Applies every migration above the file's user_version, each in its own transaction. False (and
// `error` set) when one fails; the versions before it stay applied.
bool migrate(QSqlDatabase& db, QString* error);

// Creates the full-text index of message text when the SQLite build has FTS5. It is kept out of
// the versioned steps because it is optional: search falls back to LIKE without it.
bool ensureFullTextSearch(QSqlDatabase& db);

}  // namespace client::cache::schema
