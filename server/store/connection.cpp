#include "server/store/connection.h"

#include <sqlite3.h>

#include <string>

#include "server/store/store_error.h"

namespace server::store {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, std::string_view what) {
    std::string message = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        throw ConstraintError(rc, message);
    throw StoreError(rc, message);
}

}  // namespace

Connection::Connection(const std::filesystem::path& file, bool readOnly) {
    int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX;
    int rc = sqlite3_open_v2(file.c_str(), &m_db, flags, nullptr);
    if (rc != SQLITE_OK) {
        std::string message = "cannot open " + file.string() + ": " +
                              (m_db ? sqlite3_errmsg(m_db) : sqlite3_errstr(rc));
        sqlite3_close(m_db);
        m_db = nullptr;
        throw StoreError(rc, message);
    }
    sqlite3_extended_result_codes(m_db, 1);
    try {
        // busy_timeout first: switching to WAL needs a lock another process may briefly hold.
        execScript("PRAGMA busy_timeout=5000");
        if (!readOnly)
            execScript("PRAGMA journal_mode=WAL");
        // A page cache that holds the hot pages of every chat, so a commit reads nothing back;
        // and a checkpoint every ~64 MiB of WAL instead of every 4 MiB, so a page written by
        // many commits in a row reaches the database file once.
        execScript("PRAGMA cache_size=-65536");
        if (!readOnly)
            execScript("PRAGMA wal_autocheckpoint=16384");
        execScript("PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON");
        if (readOnly)
            execScript("PRAGMA query_only=ON");
    } catch (...) {
        for (auto& [sql, cached] : m_cache)
            sqlite3_finalize(cached->stmt);
        sqlite3_close(m_db);
        throw;
    }
}

Connection::~Connection() {
    for (auto& [sql, cached] : m_cache)
        sqlite3_finalize(cached->stmt);
    sqlite3_close(m_db);
}

void Connection::execScript(std::string_view sql) {
    char* error = nullptr;
    int rc = sqlite3_exec(m_db, std::string(sql).c_str(), nullptr, nullptr, &error);
    if (rc != SQLITE_OK) {
        std::string message = error ? error : sqlite3_errstr(rc);
        sqlite3_free(error);
        if ((rc & 0xff) == SQLITE_CONSTRAINT)
            throw ConstraintError(rc, message);
        throw StoreError(rc, message);
    }
}

Statement Connection::prepare(std::string_view sql) {
    auto it = m_cache.find(sql);
    if (it != m_cache.end() && !it->second->inUse) {
        it->second->inUse = true;
        return Statement(it->second->stmt, &it->second->inUse);
    }
    sqlite3_stmt* stmt = nullptr;
    unsigned flags = it == m_cache.end() ? SQLITE_PREPARE_PERSISTENT : 0;
    int rc =
        sqlite3_prepare_v3(m_db, sql.data(), static_cast<int>(sql.size()), flags, &stmt, nullptr);
    if (rc != SQLITE_OK)
        fail(m_db, rc, "prepare");
    if (it != m_cache.end())
        return Statement(stmt, nullptr);  // nested use: a private copy
    auto cached = std::make_unique<CachedStatement>();
    cached->stmt = stmt;
    cached->inUse = true;
    bool* inUse = &cached->inUse;
    m_cache.emplace(std::string(sql), std::move(cached));
    return Statement(stmt, inUse);
}

std::int64_t Connection::lastInsertId() const {
    return sqlite3_last_insert_rowid(m_db);
}

int Connection::changes() const {
    return sqlite3_changes(m_db);
}

std::int64_t Connection::pragmaInt(std::string_view name) {
    auto statement = prepare("PRAGMA " + std::string(name));
    return statement.step() ? statement.int64(0) : 0;
}

std::string Connection::pragmaText(std::string_view name) {
    auto statement = prepare("PRAGMA " + std::string(name));
    return statement.step() ? statement.text(0) : std::string();
}

bool Connection::inTransaction() const {
    return sqlite3_get_autocommit(m_db) == 0;
}

}  // namespace server::store
