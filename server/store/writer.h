// The single writer: every write of the server is a queued operation committed in groups.
#pragma once

#include <chrono>
#include <condition_variable>
#include <exception>
#include <functional>
#include <future>
#include <mutex>
#include <optional>
#include <thread>
#include <vector>

#include "server/store/connection.h"
#include "server/store/database.h"

namespace server::store {

// A writer thread takes every operation waiting, runs them in one BEGIN IMMEDIATE ... COMMIT
// (one fsync), each inside its own SAVEPOINT so that an operation that throws rolls back and
// fails alone, and then completes each one. Under load one commit serves a whole batch; when
// idle a lone operation commits at once. submit() and run() may be called from any thread
// except the writer's own (an operation must not wait for another operation).
class Writer {
public:
    using Op = std::function<void(Connection&)>;
    // Called on the writer thread after COMMIT: nullptr on success, else the failure (the op's
    // own exception, or the commit's). Callers post it to their strand; it must not block.
    using Completion = std::function<void(std::exception_ptr)>;

    explicit Writer(Database& database);
    ~Writer();
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

    void submit(Op op, Completion done);

    // Submits, waits for the commit, and returns the op's result or rethrows its failure.
    template <class T>
    T run(std::function<T(Connection&)> op) {
        std::promise<void> committed;
        auto future = committed.get_future();
        if constexpr (std::is_void_v<T>) {
            submit(std::move(op), [&committed](const std::exception_ptr& error) {
                error ? committed.set_exception(error) : committed.set_value();
            });
            future.get();
        } else {
            std::optional<T> result;
            submit([&result, &op](Connection& c) { result.emplace(op(c)); },
                   [&committed](const std::exception_ptr& error) {
                       error ? committed.set_exception(error) : committed.set_value();
                   });
            future.get();
            return std::move(*result);
        }
    }

    // Commits what is queued, then ends the thread. Later submits fail with std::runtime_error.
    // Idempotent.
    void stop();

    // Batches committed so far (for metrics and tests of grouping).
    std::uint64_t commits() const;

private:
    struct Pending {
        Op op;
        Completion done;
        std::exception_ptr error;
    };
    void loop();
    void commitBatch(std::vector<Pending>& batch);

    Connection& m_connection;
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    std::vector<Pending> m_queue;
    bool m_stopping = false;
    std::uint64_t m_commits = 0;
    std::thread m_thread;
};

}  // namespace server::store
