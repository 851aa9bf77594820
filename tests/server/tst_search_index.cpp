// The full-text index in its own file behind the messages: edits, deletions, deleted chats whose
// ids come again, restarts, a damaged file, two indexes on one database, pruning.
#include <QFile>
#include <QTemporaryDir>
#include <QTest>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "server/store/chat_repository.h"
#include "server/store/search_index.h"
#include "tests/server/domain_fixture.h"

using test::Domain;

namespace {

std::int64_t count(Domain& d, const std::string& sql) {
    return d.database.read([&](server::store::Connection& c) {
        auto s = c.prepare(sql);
        s.step();
        return s.int64(0);
    });
}

}  // namespace

class TestSearchIndex : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.emplace().isValid());
        open();
    }
    void cleanup() {
        m_domain.reset();
        m_dir.reset();
    }

    void editsAndDeletionsReachTheIndex() {
        auto& d = *m_domain;
        const auto message = d.send(m_alice, m_chat, "apple pie", "c-1");
        QCOMPARE(d.messages.search(m_bob, m_chat, "apple").size(), std::size_t{1});
        d.messages.edit(m_alice, message.id, "banana split");
        QVERIFY(d.messages.search(m_bob, m_chat, "apple").empty());
        QCOMPARE(d.messages.search(m_bob, m_chat, "banana").size(), std::size_t{1});
        d.messages.remove(m_alice, message.id);
        QVERIFY(d.messages.search(m_bob, m_chat, "banana").empty());
        d.search.checkIntegrity();
    }

    // SQLite gives out max(id) + 1: the ids of a deleted chat that held the highest ones are
    // given out again, and the index must take them as new.
    void aDeletedChatsTextGoesAndItsIdsMayComeAgain() {
        auto& d = *m_domain;
        const auto carol = d.addUser("carol");
        const auto other = d.befriend(m_alice, carol);
        d.send(m_alice, m_chat, "old words", "c-1");
        const auto firstGone = d.send(m_alice, other, "gone words", "c-2");
        d.send(carol, other, "gone words again", "c-3");
        QCOMPARE(d.messages.search(carol, other, "gone").size(), std::size_t{2});
        d.writer.run<void>([&](server::store::Connection& c) {
            // A direct chat outlives its friendship in the product; the store deletes any chat.
            c.prepare("DELETE FROM friendships WHERE chat_id = ?1").bind(1, other).exec();
            server::store::ChatRepository(c).deleteChat(other);
        });
        const auto fresh = d.send(m_alice, m_chat, "fresh words", "c-4");
        QCOMPARE(fresh.id, firstGone.id);
        QCOMPARE(d.messages.search(m_bob, m_chat, "fresh").size(), std::size_t{1});
        QCOMPARE(d.messages.search(m_bob, m_chat, "words").size(), std::size_t{2});
        QVERIFY(d.messages.search(m_bob, m_chat, "gone").empty());
        QCOMPARE(count(d, "SELECT count(*) FROM messages"), std::int64_t{2});
        d.search.checkIntegrity();
    }

    void theIndexResumesAfterARestartAndIsRebuiltWhenDamaged() {
        m_domain->send(m_alice, m_chat, "before the restart", "c-1");
        QCOMPARE(m_domain->messages.search(m_bob, m_chat, "before").size(), std::size_t{1});
        reopen();
        m_domain->send(m_alice, m_chat, "after the restart", "c-2");
        QCOMPARE(m_domain->messages.search(m_bob, m_chat, "restart").size(), std::size_t{2});

        m_domain.reset();
        const auto file = QString::fromStdString(
            server::store::SearchIndex::fileFor(std::filesystem::path(m_dir->path().toStdString()) /
                                                "messenger.db")
                .string());
        for (const auto& suffix : {"-wal", "-shm"})
            QFile::remove(file + suffix);
        QFile damaged(file);
        QVERIFY(damaged.open(QIODevice::WriteOnly | QIODevice::Truncate));
        damaged.write(QByteArray(8192, 'x'));
        damaged.close();
        reopen();
        QCOMPARE(m_domain->messages.search(m_bob, m_chat, "restart").size(), std::size_t{2});
        m_domain->search.checkIntegrity();
    }

    // Two server processes on one database share one index file: each message indexed once.
    void twoIndexesOnOneDatabaseIndexEachMessageOnce() {
        auto& d = *m_domain;
        std::mutex mutex;
        std::vector<std::string> errors;
        server::store::SearchIndex second(d.database, d.writer,
                                          server::store::SearchIndex::fileFor(d.database.file()),
                                          [&](const std::string& error) {
                                              std::lock_guard lock(mutex);
                                              errors.push_back(error);
                                          });
        for (int i = 0; i < 30; ++i) {
            d.send(m_alice, m_chat, "twice " + std::to_string(i), "c-" + std::to_string(i));
            if (i % 3 == 0)
                second.catchUp();
        }
        second.catchUp();
        QCOMPARE(d.messages.search(m_bob, m_chat, "twice").size(), std::size_t{30});
        QCOMPARE(second.search(m_chat, "twice", 100).size(), std::size_t{30});
        second.checkIntegrity();
        std::lock_guard lock(mutex);
        QVERIFY2(errors.empty(), errors.empty() ? "" : errors.front().c_str());
    }

    void appliedChangesArePruned() {
        auto& d = *m_domain;
        const auto message = d.send(m_alice, m_chat, "to be edited", "c-1");
        d.writer.run<void>([&](server::store::Connection& c) {
            for (int i = 0; i < 300; ++i)
                c.prepare("INSERT INTO search_changes (message_id, chat_id) VALUES (?1, ?2)")
                    .bindAll(message.id, m_chat)
                    .exec();
        });
        d.search.catchUp();
        // The prune was handed to the writer before catchUp returned: this op commits after it.
        d.writer.run<void>([](server::store::Connection&) {});
        QCOMPARE(count(d, "SELECT count(*) FROM search_changes"), std::int64_t{0});
        QCOMPARE(d.messages.search(m_bob, m_chat, "edited").size(), std::size_t{1});
        // Pruned rows leave their numbers used: the next change still comes after the cursor.
        d.messages.edit(m_alice, message.id, "changed again");
        QVERIFY(d.messages.search(m_bob, m_chat, "edited").empty());
        QCOMPARE(d.messages.search(m_bob, m_chat, "changed").size(), std::size_t{1});
    }

private:
    void open() {
        m_domain.emplace(m_dir->path());
        m_alice = m_domain->addUser("alice");
        m_bob = m_domain->addUser("bob");
        m_chat = m_domain->befriend(m_alice, m_bob);
    }
    // The same files, a new domain: users and chats are found again, not created.
    void reopen() {
        m_domain.reset();
        m_domain.emplace(m_dir->path());
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Domain> m_domain;
    std::int64_t m_alice = 0, m_bob = 0, m_chat = 0;
};

QTEST_GUILESS_MAIN(TestSearchIndex)
#include "tst_search_index.moc"
