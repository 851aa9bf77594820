// The server's storage: migrations, pragmas, the group-commit writer and the read pool, on real
// SQLite files.
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <future>
#include <stdexcept>
#include <thread>

#include "server/store/database.h"
#include "server/store/migrations.h"
#include "server/store/store_error.h"
#include "server/store/token_repository.h"
#include "server/store/user_repository.h"
#include "server/store/writer.h"

using server::store::Connection;
using server::store::Database;
using server::store::UserRepository;
using server::store::Writer;

namespace {

std::int64_t countUsers(Database& db) {
    return db.read([](Connection& c) {
        auto s = c.prepare("SELECT count(*) FROM users");
        s.step();
        return s.int64(0);
    });
}

bool userExists(Database& db, const std::string& name) {
    return db.read([&](Connection& c) { return UserRepository(c).usernameExists(name); });
}

// Holds the writer's thread inside an operation until released, so that what is submitted
// meanwhile queues up and is taken as one batch.
class WriterGate {
public:
    explicit WriterGate(Writer& writer) {
        writer.submit(
            [this](Connection&) {
                m_entered.set_value();
                m_release.get_future().wait();
            },
            {});
        m_entered.get_future().wait();
    }
    void open() { m_release.set_value(); }

private:
    std::promise<void> m_entered;
    std::promise<void> m_release;
};

}  // namespace

class TestStore : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::filesystem::path file(const char* name) const {
        return std::filesystem::path(m_dir.path().toStdString()) / name;
    }

private slots:
    void opensInNestedFolderAndMigrates() {
        const auto path = file("nested/deeper/server.sqlite");
        Database db(path);
        QVERIFY(std::filesystem::exists(path));
        QCOMPARE(db.schemaVersion(), server::store::migrations().back().version);
        QVERIFY(db.healthy());
        QCOMPARE(countUsers(db), 0);
    }

    void reopeningKeepsDataAndSchema() {
        const auto path = file("reopen.sqlite");
        {
            Database db(path);
            Writer writer(db);
            writer.run<std::int64_t>(
                [](Connection& c) { return UserRepository(c).insert("alice", "Alice", "h", 1); });
        }
        auto schema = [](Database& db) {
            return db.read([](Connection& c) {
                auto s = c.prepare("SELECT group_concat(name) FROM sqlite_schema");
                s.step();
                return s.text(0);
            });
        };
        Database first(path);
        const auto before = schema(first);
        Database second(path);  // a second server on the same file migrates nothing twice
        QCOMPARE(schema(second), before);
        QCOMPARE(second.schemaVersion(), first.schemaVersion());
        QVERIFY(userExists(second, "alice"));
        QVERIFY(userExists(second, "ALICE"));  // usernames compare without case
    }

    void refusesAFileFromANewerServer() {
        const auto path = file("newer.sqlite");
        {
            Database db(path);
            Writer writer(db);
            writer.run<void>([](Connection& c) { c.execScript("PRAGMA user_version = 999"); });
        }
        QVERIFY_THROWS_EXCEPTION(std::runtime_error, Database{path});
    }

    void walAndFullSyncAreInEffect() {
        Database db(file("pragmas.sqlite"));
        const auto [journal, synchronous, foreignKeys] = db.read([](Connection& c) {
            return std::tuple(c.pragmaText("journal_mode"), c.pragmaInt("synchronous"),
                              c.pragmaInt("foreign_keys"));
        });
        QCOMPARE(QString::fromStdString(journal), QString("wal"));
        QCOMPARE(synchronous, 2);  // FULL
        QCOMPARE(foreignKeys, 1);
        Writer writer(db);
        const auto writerSync =
            writer.run<std::int64_t>([](Connection& c) { return c.pragmaInt("synchronous"); });
        QCOMPARE(writerSync, 2);
    }

    void concurrentSubmitsAreAllCommittedInOneBatch() {
        Database db(file("group.sqlite"));
        Writer writer(db);
        constexpr int kThreads = 4;
        constexpr int kPerThread = 50;
        WriterGate gate(writer);
        const auto commitsBefore = writer.commits();
        std::atomic<int> succeeded{0};
        std::atomic<int> completed{0};
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < kPerThread; ++i) {
                    const auto name = "user_" + std::to_string(t) + "_" + std::to_string(i);
                    writer.submit(
                        [name](Connection& c) { UserRepository(c).insert(name, name, "h", 1); },
                        [&](std::exception_ptr error) {
                            if (!error)
                                ++succeeded;
                            ++completed;
                        });
                }
            });
        for (auto& thread : threads)
            thread.join();
        gate.open();
        writer.run<void>([](Connection&) {});  // FIFO: everything before it is complete
        QCOMPARE(completed.load(), kThreads * kPerThread);
        QCOMPARE(succeeded.load(), kThreads * kPerThread);
        QCOMPARE(countUsers(db), kThreads * kPerThread);
        // The gate's batch, the queued batch, and the flush: one fsync for all 200 writes.
        QVERIFY(writer.commits() - commitsBefore <= 3);
    }

    void aFailingOperationRollsBackAloneInItsBatch() {
        Database db(file("savepoint.sqlite"));
        Writer writer(db);
        std::promise<std::exception_ptr> a, b, c, d;
        auto record = [](std::promise<std::exception_ptr>& p) {
            return [&p](std::exception_ptr error) { p.set_value(error); };
        };
        {
            WriterGate gate(writer);
            writer.submit(
                [](Connection& conn) { UserRepository(conn).insert("anna", "A", "h", 1); },
                record(a));
            writer.submit(
                [](Connection& conn) {
                    UserRepository(conn).insert("bert", "B", "h", 1);
                    throw std::logic_error("the rules refuse this");
                },
                record(b));
            writer.submit(
                [](Connection& conn) { UserRepository(conn).insert("carl", "C", "h", 1); },
                record(c));
            writer.submit(
                [](Connection& conn) { UserRepository(conn).insert("ANNA", "D", "h", 1); },
                record(d));
            gate.open();
        }
        QVERIFY(a.get_future().get() == nullptr);
        QVERIFY(c.get_future().get() == nullptr);
        QVERIFY_THROWS_EXCEPTION(std::logic_error, std::rethrow_exception(b.get_future().get()));
        QVERIFY_THROWS_EXCEPTION(server::store::ConstraintError,
                                 std::rethrow_exception(d.get_future().get()));
        QVERIFY(userExists(db, "anna"));
        QVERIFY(userExists(db, "carl"));
        QVERIFY(!userExists(db, "bert"));
        QCOMPARE(countUsers(db), 2);
    }

    void runReturnsTheResultOrRethrows() {
        Database db(file("run.sqlite"));
        Writer writer(db);
        const auto id = writer.run<std::int64_t>(
            [](Connection& c) { return UserRepository(c).insert("dora", "Dora", "h", 5); });
        QVERIFY(id > 0);
        QVERIFY_THROWS_EXCEPTION(server::store::ConstraintError,
                                 writer.run<std::int64_t>([](Connection& c) {
                                     return UserRepository(c).insert("Dora", "x", "h", 5);
                                 }));
        const auto row = db.read([&](Connection& c) { return UserRepository(c).findById(id); });
        QVERIFY(row.has_value());
        QCOMPARE(QString::fromStdString(row->displayName), QString("Dora"));
        QCOMPARE(row->createdTs, 5);
        QVERIFY(!row->lastSeen.has_value());
    }

    void readsDoNotWaitForTheWritersTransaction() {
        Database db(file("readers.sqlite"));
        Writer writer(db);
        std::promise<void> inserted, release;
        writer.submit(
            [&](Connection& c) {
                UserRepository(c).insert("eve", "Eve", "h", 1);
                inserted.set_value();
                release.get_future().wait();
            },
            {});
        inserted.get_future().wait();
        // The write transaction is open and holds its lock: a read still answers, with the
        // last committed state.
        QVERIFY(!userExists(db, "eve"));
        QVERIFY(db.healthy());
        release.set_value();
        writer.run<void>([](Connection&) {});
        QVERIFY(userExists(db, "eve"));
    }

    void stopCommitsWhatIsQueuedThenRefuses() {
        Database db(file("stop.sqlite"));
        std::promise<std::exception_ptr> queued, late;
        {
            Writer writer(db);
            {
                WriterGate gate(writer);
                writer.submit(
                    [](Connection& c) { UserRepository(c).insert("fred", "Fred", "h", 1); },
                    [&](std::exception_ptr e) { queued.set_value(e); });
                std::thread opener([&gate] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(20));
                    gate.open();
                });
                writer.stop();
                opener.join();
            }
            writer.submit([](Connection&) {}, [&](std::exception_ptr e) { late.set_value(e); });
        }
        QVERIFY(queued.get_future().get() == nullptr);
        QVERIFY(userExists(db, "fred"));
        QVERIFY(late.get_future().get() != nullptr);
    }

    void prefixSearchTreatsWildcardsLiterallyAndIgnoresCase() {
        Database db(file("search.sqlite"));
        Writer writer(db);
        writer.run<void>([](Connection& c) {
            UserRepository users(c);
            users.insert("a_b", "Zed", "h", 1);
            users.insert("axb", "Quinn", "h", 1);
            users.insert("bob", "Alpha Bob", "h", 1);
            users.insert("carol", "100% Carol", "h", 1);
        });
        auto names = [&](std::string_view prefix) {
            QStringList out;
            for (const auto& row : db.read(
                     [&](Connection& c) { return UserRepository(c).searchByPrefix(prefix, 20); }))
                out << QString::fromStdString(row.username);
            return out;
        };
        QCOMPARE(names("a_"), QStringList{"a_b"});
        QCOMPARE(names("A"), (QStringList{"a_b", "axb", "bob"}));
        QCOMPARE(names("alpha b"), QStringList{"bob"});
        QCOMPARE(names("100%"), QStringList{"carol"});
        QCOMPARE(names("%"), QStringList{});
        QCOMPARE(names("zz"), QStringList{});
        const auto plan = db.read([](Connection& c) {
            auto s = c.prepare(
                "EXPLAIN QUERY PLAN SELECT id FROM users WHERE lower(display_name) >= 'a' "
                "AND lower(display_name) < 'b'");
            std::string detail;
            while (s.step())
                detail += s.text(3);
            return detail;
        });
        QVERIFY2(plan.find("USING INDEX") != std::string::npos, plan.c_str());
    }

    void revokingOtherTokensKeepsTheCallers() {
        Database db(file("tokens.sqlite"));
        Writer writer(db);
        using server::store::TokenRepository;
        const auto revoked = writer.run<std::vector<std::string>>([](Connection& c) {
            const auto id = UserRepository(c).insert("gina", "Gina", "h", 1);
            TokenRepository tokens(c);
            tokens.insert(id, "h1", std::nullopt, 1);
            tokens.insert(id, "h2", std::string("laptop"), 1);
            tokens.insert(id, "h3", std::nullopt, 1);
            return tokens.revokeAllExcept(id, "h2");
        });
        QCOMPARE(revoked.size(), 2u);
        db.read([](Connection& c) {
            TokenRepository tokens(c);
            QVERIFY(!tokens.findLive("h1"));
            QVERIFY(tokens.findLive("h2"));
            QVERIFY(!tokens.findLive("h3"));
        });
    }
};

QTEST_GUILESS_MAIN(TestStore)
#include "tst_store.moc"
