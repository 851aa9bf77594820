#include "server/store/writer.h"

#include <stdexcept>

#include "server/platform/thread.h"

namespace server::store {
namespace {

// Runs a cached statement that returns no rows and rewinds it for the next batch.
void rerun(Statement& statement) {
    statement.reset();
    statement.exec();
}

}  // namespace

Writer::Writer(Database& database)
    : m_connection(database.writeConnection()), m_thread([this] { loop(); }) {
    // Named, so that per-thread CPU figures (top -H, perf, messenger-load) tell it apart.
    platform::nameThread(m_thread, "db-writer");
}

Writer::~Writer() {
    stop();
}

void Writer::submit(Op op, Completion done) {
    {
        std::lock_guard lock(m_mutex);
        if (!m_stopping) {
            m_queue.push_back(Pending{std::move(op), std::move(done), nullptr});
            if (m_queue.size() == 1)
                m_wake.notify_one();
            return;
        }
    }
    if (done)
        done(std::make_exception_ptr(std::runtime_error("the writer has stopped")));
}

void Writer::stop() {
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_one();
    if (m_thread.joinable() && m_thread.get_id() != std::this_thread::get_id())
        m_thread.join();
}

std::uint64_t Writer::commits() const {
    std::lock_guard lock(m_mutex);
    return m_commits;
}

void Writer::loop() {
    std::vector<Pending> batch;
    for (;;) {
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty())
                return;  // stopping, and everything queued is committed
            // The swap hands the queue the capacity of the last batch: no allocation per batch.
            batch.swap(m_queue);
        }
        commitBatch(batch);
        batch.clear();
    }
}

void Writer::commitBatch(std::vector<Pending>& batch) {
    // Leased once per batch: the statements are prepared once for the writer's life.
    auto begin = m_connection.prepare("BEGIN IMMEDIATE");
    auto savepoint = m_connection.prepare("SAVEPOINT op");
    auto release = m_connection.prepare("RELEASE op");
    auto rollbackTo = m_connection.prepare("ROLLBACK TO op");
    auto commit = m_connection.prepare("COMMIT");

    auto failAll = [&batch](std::exception_ptr error) {
        for (auto& pending : batch)
            if (!pending.error)
                pending.error = error;
    };

    try {
        rerun(begin);
        for (auto& pending : batch) {
            try {
                rerun(savepoint);
                pending.op(m_connection);
                rerun(release);
            } catch (...) {
                pending.error = std::current_exception();
                // Some errors (disk full, I/O) roll back the whole transaction: then nothing of
                // the batch is stored and every operation fails.
                if (!m_connection.inTransaction())
                    throw;
                rerun(rollbackTo);
                rerun(release);
            }
        }
        rerun(commit);
        std::lock_guard lock(m_mutex);
        ++m_commits;
    } catch (...) {
        failAll(std::current_exception());
        if (m_connection.inTransaction()) {
            try {
                m_connection.execScript("ROLLBACK");
            } catch (...) {
                // The connection rolls back by itself when it cannot; nothing more to undo.
            }
        }
    }

    for (auto& pending : batch) {
        if (!pending.done)
            continue;
        try {
            pending.done(pending.error);
        } catch (...) {
            // A completion must not throw; one that does must not take the writer down.
        }
    }
}

}  // namespace server::store
