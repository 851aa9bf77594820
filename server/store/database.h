// The server's SQLite database: the file, its migrations, and the pool of read connections.
#pragma once

#include <condition_variable>
#include <filesystem>
#include <memory>
#include <mutex>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

// Opening creates the file's folders, sets WAL and synchronous=FULL, and migrates the schema
// in order (each migration in its own transaction, PRAGMA user_version as the version).
// Throws std::runtime_error on failure. Reads run on a small pool of read connections, so
// under WAL they never wait behind the writer's transaction. All members are thread-safe.
class Database {
public:
    explicit Database(const std::filesystem::path& file, int readConnections = 4);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // True when a read answers; never throws.
    bool healthy();

    // Runs `fn(Connection&)` on a free read connection (waiting for one) and returns its result.
    // The connection is query_only: writes go through the Writer.
    template <class F>
    auto read(F&& fn) {
        Lease lease(*this);
        return fn(*lease.connection);
    }

    const std::filesystem::path& file() const { return m_file; }
    // The schema version after migrating.
    int schemaVersion() const { return m_schemaVersion; }

    // The one write connection. Contract: only the Writer's thread uses it.
    Connection& writeConnection() { return *m_writeConnection; }

private:
    struct Lease {
        explicit Lease(Database& db);
        ~Lease();
        Database& db;
        Connection* connection;
    };

    std::filesystem::path m_file;
    std::unique_ptr<Connection> m_writeConnection;
    std::vector<std::unique_ptr<Connection>> m_readConnections;
    std::vector<Connection*> m_freeReaders;
    std::mutex m_mutex;
    std::condition_variable m_readerFreed;
    int m_schemaVersion = 0;
};

}  // namespace server::store
