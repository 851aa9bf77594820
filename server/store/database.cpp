#include "server/store/database.h"

#include <stdexcept>
#include <system_error>

#include "server/store/migrations.h"

namespace server::store {

Database::Database(const std::filesystem::path& file, int readConnections) : m_file(file) {
    if (file.has_parent_path()) {
        std::error_code error;
        std::filesystem::create_directories(file.parent_path(), error);
        if (error)
            throw std::runtime_error("cannot create " + file.parent_path().string() + ": " +
                                     error.message());
    }
    m_writeConnection = std::make_unique<Connection>(file, false);
    m_schemaVersion = migrate(*m_writeConnection);
    const int readers = readConnections < 1 ? 1 : readConnections;
    for (int i = 0; i < readers; ++i) {
        m_readConnections.push_back(std::make_unique<Connection>(file, true));
        m_freeReaders.push_back(m_readConnections.back().get());
    }
}

Database::~Database() = default;

bool Database::healthy() {
    try {
        return read([](Connection& c) {
            auto statement = c.prepare("SELECT count(*) FROM sqlite_schema");
            return statement.step();
        });
    } catch (...) {
        return false;
    }
}

Database::Lease::Lease(Database& database) : db(database) {
    std::unique_lock lock(db.m_mutex);
    db.m_readerFreed.wait(lock, [this] { return !db.m_freeReaders.empty(); });
    connection = db.m_freeReaders.back();
    db.m_freeReaders.pop_back();
}

Database::Lease::~Lease() {
    {
        std::lock_guard lock(db.m_mutex);
        db.m_freeReaders.push_back(connection);
    }
    db.m_readerFreed.notify_one();
}

}  // namespace server::store
