// One open SQLite connection with its cache of prepared statements.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include "server/store/statement.h"

struct sqlite3;
struct sqlite3_stmt;

namespace server::store {

// Used by one thread at a time (SQLite's multi-thread mode). Statements are prepared once per
// connection and reused; a statement already leased is prepared afresh for a nested use.
class Connection {
public:
    // Opens (creating) the file and applies the per-connection pragmas: WAL, synchronous=FULL,
    // foreign_keys=ON, busy_timeout=5000. `readOnly` adds query_only. Throws StoreError.
    Connection(const std::filesystem::path& file, bool readOnly);
    ~Connection();
    Connection(const Connection&) = delete;
    Connection& operator=(const Connection&) = delete;

    // Runs SQL text that may hold several statements and binds nothing (schema, pragmas).
    void execScript(std::string_view sql);
    // A prepared statement for `sql`, from the cache when free.
    Statement prepare(std::string_view sql);

    std::int64_t lastInsertId() const;
    // Rows changed by the last INSERT, UPDATE or DELETE.
    int changes() const;
    // The value of an integer PRAGMA (e.g. "user_version", "synchronous").
    std::int64_t pragmaInt(std::string_view name);
    std::string pragmaText(std::string_view name);
    bool inTransaction() const;

private:
    struct CachedStatement {
        sqlite3_stmt* stmt = nullptr;
        bool inUse = false;
    };
    // Transparent, so a lookup by string_view allocates nothing.
    struct SqlHash {
        using is_transparent = void;
        std::size_t operator()(std::string_view sql) const {
            return std::hash<std::string_view>{}(sql);
        }
    };
    sqlite3* m_db = nullptr;
    std::unordered_map<std::string, std::unique_ptr<CachedStatement>, SqlHash, std::equal_to<>>
        m_cache;
};

}  // namespace server::store
