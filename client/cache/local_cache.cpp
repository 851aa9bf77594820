#include "client/cache/local_cache.h"

#include <QDir>
#include <QFileInfo>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "client/cache/schema.h"

namespace client::cache {
namespace {

QVariant nullable(const std::optional<std::string>& value) {
    return value ? QVariant(QString::fromStdString(*value)) : QVariant();
}

QVariant nullable(const std::optional<protocol::Timestamp>& value) {
    return value ? QVariant(qint64(*value)) : QVariant();
}

}  // namespace

LocalCache::LocalCache(const QString& dataDir)
    : m_filePath(QDir(dataDir).filePath(QStringLiteral("cache.sqlite"))),
      m_connectionName(QStringLiteral("messenger-cache-") +
                       QUuid::createUuid().toString(QUuid::WithoutBraces)) {}

LocalCache::~LocalCache() {
    close();
}

bool LocalCache::open() {
    if (isOpen()) {
        return true;
    }
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), m_connectionName);
        db.setDatabaseName(m_filePath);
        if (!db.open()) {
            m_lastError = db.lastError().text();
        } else {
            QSqlQuery pragma(db);
            // The cache can be rebuilt from the server, so NORMAL durability is enough under WAL.
            for (const char* sql : {"PRAGMA journal_mode = WAL", "PRAGMA synchronous = NORMAL",
                                    "PRAGMA foreign_keys = ON", "PRAGMA busy_timeout = 5000"}) {
                pragma.exec(QString::fromLatin1(sql));
            }
            QString error;
            if (schema::migrate(db, &error)) {
                m_hasFts = schema::ensureFullTextSearch(db);
                return true;
            }
            m_lastError = error;
        }
    }
    close();
    return false;
}

bool LocalCache::isOpen() const {
    return QSqlDatabase::contains(m_connectionName) && database().isOpen();
}

void LocalCache::close() {
    if (!QSqlDatabase::contains(m_connectionName)) {
        return;
    }
    {
        QSqlDatabase db = database();
        db.close();
    }
    QSqlDatabase::removeDatabase(m_connectionName);
    m_hasFts = false;
}

QSqlDatabase LocalCache::database() const {
    return QSqlDatabase::database(m_connectionName, false);
}

int LocalCache::schemaVersion() const {
    if (!isOpen()) {
        return 0;
    }
    QSqlQuery query(database());
    if (query.exec(QStringLiteral("PRAGMA user_version")) && query.next()) {
        return query.value(0).toInt();
    }
    return 0;
}

bool LocalCache::write(const std::function<bool(QSqlDatabase&)>& work) {
    if (!isOpen()) {
        return false;
    }
    QSqlDatabase db = database();
    QSqlQuery control(db);
    if (!control.exec(QStringLiteral("BEGIN IMMEDIATE"))) {
        m_lastError = control.lastError().text();
        return false;
    }
    if (work(db) && control.exec(QStringLiteral("COMMIT"))) {
        return true;
    }
    m_lastError = control.lastError().text();
    control.exec(QStringLiteral("ROLLBACK"));
    return false;
}

bool LocalCache::upsertUser(const protocol::User& user) {
    return write([&user](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(QStringLiteral(
            "INSERT INTO users (id, username, display_name, avatar, status, last_seen)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " username = excluded.username, display_name = excluded.display_name,"
            " avatar = excluded.avatar, status = excluded.status, last_seen = excluded.last_seen"));
        query.addBindValue(qint64(user.id));
        query.addBindValue(QString::fromStdString(user.username));
        query.addBindValue(QString::fromStdString(user.displayName));
        query.addBindValue(nullable(user.avatar));
        query.addBindValue(user.status == protocol::Presence::Online ? QStringLiteral("online")
                                                                     : QStringLiteral("offline"));
        query.addBindValue(nullable(user.lastSeen));
        return query.exec();
    });
}

std::optional<protocol::User> LocalCache::user(protocol::Id id) const {
    if (!isOpen()) {
        return std::nullopt;
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral(
        "SELECT username, display_name, avatar, status, last_seen FROM users WHERE id = ?"));
    query.addBindValue(qint64(id));
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    protocol::User user;
    user.id = id;
    user.username = query.value(0).toString().toStdString();
    user.displayName = query.value(1).toString().toStdString();
    if (!query.value(2).isNull()) {
        user.avatar = query.value(2).toString().toStdString();
    }
    user.status = query.value(3).toString() == QLatin1String("online")
                      ? protocol::Presence::Online
                      : protocol::Presence::Offline;
    if (!query.value(4).isNull()) {
        user.lastSeen = query.value(4).toLongLong();
    }
    return user;
}

std::optional<QString> LocalCache::meta(const QString& key) const {
    if (!isOpen()) {
        return std::nullopt;
    }
    QSqlQuery query(database());
    query.prepare(QStringLiteral("SELECT value FROM meta WHERE key = ?"));
    query.addBindValue(key);
    if (!query.exec() || !query.next()) {
        return std::nullopt;
    }
    return query.value(0).toString();
}

bool LocalCache::setMeta(const QString& key, const QString& value) {
    return write([&](QSqlDatabase& db) {
        QSqlQuery query(db);
        query.prepare(
            QStringLiteral("INSERT INTO meta (key, value) VALUES (?, ?)"
                           " ON CONFLICT (key) DO UPDATE SET value = excluded.value"));
        query.addBindValue(key);
        query.addBindValue(value);
        return query.exec();
    });
}

}  // namespace client::cache
