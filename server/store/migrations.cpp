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

constexpr Migration kMigrations[] = {
    {1, kV1},
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
