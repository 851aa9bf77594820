#include "server/store/search_index.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <system_error>

#include "server/platform/thread.h"
#include "server/store/database.h"
#include "server/store/store_error.h"
#include "server/store/writer.h"

namespace server::store {
namespace {

constexpr int kIndexVersion = 1;
// Rows read per pass: large enough that FTS5's per-transaction segment is worth writing, small
// enough that a search waiting on catchUp() and the index's write lock are not held long.
constexpr int kBatch = 2000;
// How long new text may wait for the index when nobody searches.
constexpr auto kPollEvery = std::chrono::milliseconds(250);
// Applied changes are pruned from the database once this many have piled up.
constexpr std::int64_t kPruneEvery = 256;

constexpr std::string_view kSchema = R"sql(
DROP TABLE IF EXISTS message_fts;
DROP TABLE IF EXISTS cursor;
CREATE VIRTUAL TABLE message_fts USING fts5 (
    text, chat_id UNINDEXED, tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TABLE cursor (
    one         INTEGER PRIMARY KEY CHECK (one = 1),
    last_id     INTEGER NOT NULL,
    last_change INTEGER NOT NULL
);
INSERT INTO cursor VALUES (1, 0, 0);
)sql";

struct Change {
    std::int64_t n = 0;
    std::optional<std::int64_t> messageId;  // none: chat chatId was deleted
    std::int64_t chatId = 0;
    std::int64_t floorId = 0;  // a deleted chat: the highest message id left after it
};

struct Text {
    std::int64_t chatId = 0;
    std::string text;  // empty: nothing to index (no text, or deleted)
};

// What one pass reads from the database, in one read transaction.
struct Snapshot {
    std::vector<Change> changes;
    std::int64_t lastId = 0;            // the highest message id read
    bool full = false;                  // a batch limit was reached
    std::map<std::int64_t, Text> rows;  // by id: every message to (re)index
};

std::int64_t maxChange(Connection& c) {
    auto s = c.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'search_changes'");
    return s.step() ? s.int64(0) : 0;
}

Snapshot readSnapshot(Connection& c, std::int64_t lastId, std::int64_t lastChange) {
    Snapshot snap;
    c.execScript("BEGIN");
    try {
        auto changes = c.prepare(
            "SELECT n, message_id, chat_id, floor_id FROM search_changes WHERE n > ?1 ORDER BY n "
            "LIMIT ?2");
        changes.bindAll(lastChange, kBatch);
        while (changes.step())
            snap.changes.push_back(
                {changes.int64(0), changes.optionalInt64(1), changes.int64(2), changes.int64(3)});
        // A deleted chat may have held the highest ids, which SQLite then gives out again.
        for (const auto& change : snap.changes)
            if (!change.messageId)
                lastId = std::min(lastId, change.floorId);
        auto fresh = c.prepare(
            "SELECT id, chat_id, text, deleted FROM messages WHERE id > ?1 ORDER BY id LIMIT ?2");
        fresh.bindAll(lastId, kBatch);
        int read = 0;
        snap.lastId = lastId;
        while (fresh.step()) {
            ++read;
            snap.lastId = fresh.int64(0);
            snap.rows[snap.lastId] = {fresh.int64(1), fresh.int64(3) ? "" : fresh.text(2)};
        }
        auto one = c.prepare("SELECT chat_id, text, deleted FROM messages WHERE id = ?1");
        for (const auto& change : snap.changes) {
            if (!change.messageId || *change.messageId > snap.lastId)
                continue;  // past the ids read: indexed as it is when its id is reached
            one.reset();
            one.bind(1, *change.messageId);
            snap.rows[*change.messageId] =
                one.step() ? Text{one.int64(0), one.int64(2) ? "" : one.text(1)} : Text{};
        }
        snap.full = read == kBatch || static_cast<int>(snap.changes.size()) == kBatch;
        c.execScript("COMMIT");
    } catch (...) {
        c.execScript("ROLLBACK");
        throw;
    }
    return snap;
}

}  // namespace

SearchIndex::SearchIndex(Database& database, Writer& writer, std::filesystem::path file,
                         std::function<void(const std::string&)> reportError)
    : m_database(database),
      m_writer(writer),
      m_file(std::move(file)),
      m_reportError(std::move(reportError)) {
    open();
    m_thread = std::thread([this] { loop(); });
    platform::nameThread(m_thread, "search-index");
}

SearchIndex::~SearchIndex() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_thread.join();
}

std::filesystem::path SearchIndex::fileFor(const std::filesystem::path& databaseFile) {
    auto name = databaseFile.stem();
    name += "-search";
    name += databaseFile.extension();
    return databaseFile.parent_path() / name;
}

void SearchIndex::open() {
    auto connect = [this] {
        m_index = std::make_unique<Connection>(m_file, false);
        // Derived data: a crash may lose the last passes, whose cursor is lost with them.
        m_index->execScript("PRAGMA synchronous=NORMAL");
        m_index->execScript("BEGIN IMMEDIATE");
        try {
            if (m_index->pragmaInt("user_version") != kIndexVersion) {
                m_index->execScript(kSchema);
                m_index->execScript("PRAGMA user_version = " + std::to_string(kIndexVersion));
            }
            m_index->execScript("COMMIT");
        } catch (...) {
            m_index->execScript("ROLLBACK");
            throw;
        }
        m_reader = std::make_unique<Connection>(m_file, true);
    };
    try {
        connect();
    } catch (const StoreError& error) {
        // A damaged index, or a file that is not SQLite, is rebuilt from the messages; any other
        // failure (busy in another process, permissions) is the operator's to see.
        const int primary = error.code() & 0xff;
        if (primary != SQLITE_CORRUPT && primary != SQLITE_NOTADB)
            throw;
        m_reader.reset();
        m_index.reset();
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm"})
            std::filesystem::remove(m_file.string() + suffix, ignored);
        connect();
    }
    // An index of another database (restored from a backup, say) starts again.
    const auto [maxId, changes] = m_database.read([](Connection& c) {
        auto s = c.prepare("SELECT coalesce(max(id), 0) FROM messages");
        s.step();
        return std::pair{s.int64(0), maxChange(c)};
    });
    auto s = m_index->prepare("SELECT last_id, last_change FROM cursor");
    s.step();
    const Cursor cursor{s.int64(0), s.int64(1)};
    s.reset();
    if (cursor.lastChange > changes || (cursor.lastId > maxId && cursor.lastChange == changes)) {
        m_index->prepare("DELETE FROM message_fts").exec();
        m_index->prepare("UPDATE cursor SET last_id = 0, last_change = ?1").bind(1, changes).exec();
    }
}

void SearchIndex::catchUp() {
    std::unique_lock lock(m_mutex);
    const auto ticket = ++m_requested;
    m_wake.notify_all();
    m_caughtUp.wait(lock, [&] { return m_served >= ticket || m_stopping; });
}

std::vector<std::int64_t> SearchIndex::search(std::int64_t chatId, std::string_view ftsQuery,
                                              int limit) {
    std::lock_guard lock(m_readerMutex);
    auto s = m_reader->prepare(
        "SELECT rowid FROM message_fts WHERE message_fts MATCH ?2 AND chat_id = ?1 "
        "ORDER BY rowid DESC LIMIT ?3");
    s.bindAll(chatId, ftsQuery, limit);
    std::vector<std::int64_t> ids;
    while (s.step())
        ids.push_back(s.int64(0));
    return ids;
}

void SearchIndex::checkIntegrity() {
    catchUp();
    std::lock_guard lock(m_indexMutex);
    m_index->execScript("INSERT INTO message_fts (message_fts) VALUES ('integrity-check')");
}

void SearchIndex::loop() {
    platform::lowerThisThreadsPriority();
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        const auto serving = m_requested;
        lock.unlock();
        try {
            while (pass() && !m_stopping) {
            }
        } catch (const std::exception& error) {
            if (m_reportError)
                m_reportError(std::string("search index: ") + error.what());
        }
        lock.lock();
        m_served = serving;
        m_caughtUp.notify_all();
        if (m_requested == serving && !m_stopping)
            m_wake.wait_for(lock, kPollEvery);
    }
    m_caughtUp.notify_all();
}

bool SearchIndex::pass() {
    std::lock_guard lock(m_indexMutex);
    auto& index = *m_index;
    // The index's write lock first, then its cursor and the database's state after it: another
    // server process on the same files applies each change once too.
    index.execScript("BEGIN IMMEDIATE");
    try {
        auto c = index.prepare("SELECT last_id, last_change FROM cursor");
        c.step();
        const Cursor cursor{c.int64(0), c.int64(1)};
        c.reset();
        const auto snap = m_database.read(
            [&](Connection& db) { return readSnapshot(db, cursor.lastId, cursor.lastChange); });
        auto byChat = index.prepare("DELETE FROM message_fts WHERE chat_id = ?1");
        for (const auto& change : snap.changes)
            if (!change.messageId) {
                byChat.reset();
                byChat.bind(1, change.chatId).exec();
            }
        auto drop = index.prepare("DELETE FROM message_fts WHERE rowid = ?1");
        auto add =
            index.prepare("INSERT INTO message_fts (rowid, text, chat_id) VALUES (?1, ?2, ?3)");
        for (const auto& change : snap.changes)
            if (change.messageId && *change.messageId > snap.lastId) {
                drop.reset();
                drop.bind(1, *change.messageId).exec();
            }
        for (const auto& [id, row] : snap.rows) {
            drop.reset();
            drop.bind(1, id).exec();
            if (row.text.empty())
                continue;
            add.reset();
            add.bindAll(id, row.text, row.chatId).exec();
        }
        const auto lastChange = snap.changes.empty() ? cursor.lastChange : snap.changes.back().n;
        index.prepare("UPDATE cursor SET last_id = ?1, last_change = ?2")
            .bindAll(snap.lastId, lastChange)
            .exec();
        index.execScript("COMMIT");
        if (lastChange - m_pruned >= kPruneEvery)
            prune(lastChange);
        return snap.full;
    } catch (...) {
        if (index.inTransaction())
            index.execScript("ROLLBACK");
        throw;
    }
}

void SearchIndex::prune(std::int64_t throughChange) {
    m_pruned = throughChange;
    m_writer.submit(
        [throughChange](Connection& c) {
            c.prepare("DELETE FROM search_changes WHERE n <= ?1").bind(1, throughChange).exec();
        },
        nullptr);
}

}  // namespace server::store
