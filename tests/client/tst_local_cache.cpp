// The local cache: created from nothing, migrated, read back, and kept across restarts.
#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QVariant>

#include "client/cache/local_cache.h"
#include "client/cache/schema.h"

using client::cache::LocalCache;

namespace {

protocol::User alice() {
    protocol::User user;
    user.id = 42;
    user.username = "alice";
    user.displayName = "Alice Liddell";
    user.status = protocol::Presence::Online;
    user.lastSeen = 1'700'000'000'000;
    return user;
}

// A second, independent look at the file, the way a fresh process would see it.
QStringList tablesIn(const QString& file) {
    QStringList names;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("peek"));
        db.setDatabaseName(file);
        if (db.open()) {
            QSqlQuery query(db);
            query.exec(QStringLiteral("SELECT name FROM sqlite_master WHERE type = 'table'"));
            while (query.next()) {
                names << query.value(0).toString();
            }
        }
    }
    QSqlDatabase::removeDatabase(QStringLiteral("peek"));
    return names;
}

void setUserVersion(const QString& file, int version) {
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("poke"));
        db.setDatabaseName(file);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("PRAGMA user_version = %1").arg(version)));
    }
    QSqlDatabase::removeDatabase(QStringLiteral("poke"));
}

}  // namespace

class TestLocalCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void createsEveryTableFromAnEmptyFolder() {
        QTemporaryDir dir;
        LocalCache cache(dir.path());
        QVERIFY2(cache.open(), qPrintable(cache.lastError()));
        QCOMPARE(cache.schemaVersion(), client::cache::schema::latestVersion());
        QVERIFY(cache.schemaVersion() >= 1);
        const QStringList tables = tablesIn(cache.filePath());
        for (const char* table : {"users", "chats", "messages", "outbox", "chat_sync", "meta"}) {
            QVERIFY2(tables.contains(QLatin1String(table)), table);
        }
        if (!cache.hasFullTextSearch()) {
            QWARN("this Qt SQLite driver has no FTS5: message search will fall back to LIKE");
        } else {
            QVERIFY(tables.contains(QStringLiteral("messages_fts")));
        }
    }

    void storesAndUpdatesUsers() {
        QTemporaryDir dir;
        LocalCache cache(dir.path());
        QVERIFY(cache.open());
        QVERIFY(!cache.user(42));
        QVERIFY(cache.upsertUser(alice()));
        QCOMPARE(*cache.user(42), alice());

        protocol::User renamed = alice();
        renamed.displayName = "Alice in Wonderland";
        renamed.avatar = std::string(64, 'a');
        renamed.status = protocol::Presence::Offline;
        renamed.lastSeen.reset();
        QVERIFY(cache.upsertUser(renamed));
        QCOMPARE(*cache.user(42), renamed);
    }

    void keepsMetaValues() {
        QTemporaryDir dir;
        LocalCache cache(dir.path());
        QVERIFY(cache.open());
        QVERIFY(!cache.meta(QStringLiteral("account")));
        QVERIFY(cache.setMeta(QStringLiteral("account"), QStringLiteral("one")));
        QVERIFY(cache.setMeta(QStringLiteral("account"), QStringLiteral("two ünïcode")));
        QCOMPARE(*cache.meta(QStringLiteral("account")), QStringLiteral("two ünïcode"));
    }

    void survivesReopen() {
        QTemporaryDir dir;
        {
            LocalCache cache(dir.path());
            QVERIFY(cache.open());
            QVERIFY(cache.upsertUser(alice()));
            QVERIFY(cache.setMeta(QStringLiteral("k"), QStringLiteral("v")));
        }
        LocalCache again(dir.path());
        QVERIFY2(again.open(), qPrintable(again.lastError()));
        QCOMPARE(again.schemaVersion(), client::cache::schema::latestVersion());
        QCOMPARE(*again.user(42), alice());
        QCOMPARE(*again.meta(QStringLiteral("k")), QStringLiteral("v"));
    }

    void twoInstancesOfOneFileCoexist() {
        QTemporaryDir dir;
        LocalCache first(dir.path());
        LocalCache second(dir.path());
        QVERIFY(first.open());
        QVERIFY(second.open());
        QVERIFY(first.upsertUser(alice()));
        QCOMPARE(*second.user(42), alice());
        first.close();
        QVERIFY(!first.isOpen());
        QCOMPARE(*second.user(42), alice());
    }

    void refusesACacheFromANewerVersion() {
        QTemporaryDir dir;
        {
            LocalCache cache(dir.path());
            QVERIFY(cache.open());
        }
        setUserVersion(QDir(dir.path()).filePath(QStringLiteral("cache.sqlite")), 999);
        LocalCache cache(dir.path());
        QVERIFY(!cache.open());
        QVERIFY(cache.lastError().contains(QStringLiteral("newer")));
        QVERIFY(!cache.isOpen());
        QVERIFY(!cache.user(42));
    }

    void refusesAFileThatIsNotSqlite() {
        QTemporaryDir dir;
        QFile junk(QDir(dir.path()).filePath(QStringLiteral("cache.sqlite")));
        QVERIFY(junk.open(QIODevice::WriteOnly));
        junk.write(QByteArray(4096, 'x'));
        junk.close();
        LocalCache cache(dir.path());
        QVERIFY(!cache.open());
        QVERIFY(!cache.upsertUser(alice()));
    }
};

QTEST_GUILESS_MAIN(TestLocalCache)
#include "tst_local_cache.moc"
