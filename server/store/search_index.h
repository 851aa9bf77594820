// The full-text index of message text: its own SQLite file, kept in step by a background thread.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

class Database;
class Writer;

// A send writes nothing for the index: the index is derived data, read from the messages table
// behind the writer. Its thread (at a lower priority than the server's others) indexes messages
// by id past its cursor, and applies the edits, deletions and deleted chats the writer logs in
// `search_changes` (MessageRepository, ChatRepository). FTS5 writes a segment per transaction
// and merges them later, so indexing in large batches away from the writer keeps its cost off
// every commit (measured: a once-a-second batch on the writer stalled commits 14-37 ms under
// load). Its cursor lives in its own file with the index, so after a crash it resumes where
// its last transaction ended, and several server processes on one database share one index
// (each pass takes the index's write lock and reads the cursor first). A missing, damaged or
// older index file is rebuilt from the messages. Thread-safe.
class SearchIndex {
public:
    // `file`: the index's SQLite file. `writer` prunes `search_changes` once applied.
    // `reportError` hears of a pass that failed (the next one tries again).
    SearchIndex(Database& database, Writer& writer, std::filesystem::path file,
                std::function<void(const std::string&)> reportError = {});
    ~SearchIndex();
    SearchIndex(const SearchIndex&) = delete;
    SearchIndex& operator=(const SearchIndex&) = delete;

    // The index file next to the database file `databaseFile`.
    static std::filesystem::path fileFor(const std::filesystem::path& databaseFile);

    // Returns once every message committed before the call is indexed as it is now.
    void catchUp();
    // The ids of chat `chatId`'s messages whose text matches `ftsQuery` (an FTS5 MATCH
    // expression), newest first, at most `limit`. Throws StoreError for a malformed query.
    std::vector<std::int64_t> search(std::int64_t chatId, std::string_view ftsQuery, int limit);
    // Runs FTS5's integrity check; throws StoreError when the index is damaged.
    void checkIntegrity();

private:
    struct Cursor {
        std::int64_t lastId = 0;      // every message id up to it is indexed
        std::int64_t lastChange = 0;  // every search_changes row up to it is applied
    };
    void open();
    void loop();
    // One transaction of the index: returns whether more work is waiting.
    bool pass();
    void prune(std::int64_t throughChange);

    Database& m_database;
    Writer& m_writer;
    const std::filesystem::path m_file;
    const std::function<void(const std::string&)> m_reportError;
    std::unique_ptr<Connection> m_index;   // writes: the thread's passes, checkIntegrity()
    std::mutex m_indexMutex;               // guards m_index
    std::unique_ptr<Connection> m_reader;  // search()
    std::mutex m_readerMutex;              // guards m_reader

    std::mutex m_mutex;
    std::condition_variable m_wake;
    std::condition_variable m_caughtUp;
    std::uint64_t m_requested = 0;  // catch-ups asked for
    std::uint64_t m_served = 0;     // catch-ups answered
    std::int64_t m_pruned = 0;      // the thread's
    std::atomic<bool> m_stopping = false;
    std::thread m_thread;
};

}  // namespace server::store
