// ChatCache: friends and pending friend requests.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "client/cache/chat_cache.h"

namespace client::cache {
namespace {

UserRow readUser(const QSqlQuery& q, int from) {
    UserRow user;
    user.id = q.value(from).toLongLong();
    user.username = q.value(from + 1).toString();
    user.displayName = q.value(from + 2).toString();
    user.online = q.value(from + 3).toString() == QLatin1String("online");
    if (!q.value(from + 4).isNull()) {
        user.lastSeen = q.value(from + 4).toLongLong();
    }
    return user;
}

}  // namespace

bool ChatCache::setFriends(const std::vector<protocol::User>& users,
                           const std::vector<qint64>& chatIds) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM friends"))) {
            return false;
        }
        for (size_t i = 0; i < users.size(); ++i) {
            if (!writeUser(db, users[i], effects)) {
                return false;
            }
            q.prepare(
                QStringLiteral("INSERT OR REPLACE INTO friends (user_id, chat_id) VALUES (?, ?)"));
            q.addBindValue(qint64(users[i].id));
            q.addBindValue(i < chatIds.size() ? chatIds[i] : 0);
            if (!q.exec()) {
                return false;
            }
        }
        effects.friends = true;
        return true;
    });
}

std::vector<FriendRow> ChatCache::friends() const {
    std::vector<FriendRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral(
            "SELECT u.id, u.username, u.display_name, u.status, u.last_seen, f.chat_id"
            " FROM friends f JOIN users u ON u.id = f.user_id"
            " ORDER BY lower(u.display_name), u.id"))) {
        while (q.next()) {
            rows.push_back({readUser(q, 0), q.value(5).toLongLong()});
        }
    }
    return rows;
}

bool ChatCache::setRequests(const std::vector<protocol::FriendRequest>& incoming,
                            const std::vector<protocol::FriendRequest>& outgoing) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        if (!q.exec(QStringLiteral("DELETE FROM friend_requests"))) {
            return false;
        }
        for (const bool in : {true, false}) {
            for (const auto& request : in ? incoming : outgoing) {
                const protocol::User& other = in ? request.from : request.to;
                if (!writeUser(db, other, effects)) {
                    return false;
                }
                q.prepare(
                    QStringLiteral("INSERT OR REPLACE INTO friend_requests"
                                   " (id, incoming, user_id, ts) VALUES (?, ?, ?, ?)"));
                q.addBindValue(qint64(request.id));
                q.addBindValue(in ? 1 : 0);
                q.addBindValue(qint64(other.id));
                q.addBindValue(qint64(request.ts));
                if (!q.exec()) {
                    return false;
                }
            }
        }
        effects.requests = true;
        return true;
    });
}

std::vector<RequestRow> ChatCache::requests() const {
    std::vector<RequestRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral(
            "SELECT u.id, u.username, u.display_name, u.status, u.last_seen, r.id, r.incoming,"
            " r.ts FROM friend_requests r JOIN users u ON u.id = r.user_id"
            " ORDER BY r.incoming DESC, r.ts DESC, r.id DESC"))) {
        while (q.next()) {
            RequestRow row;
            row.other = readUser(q, 0);
            row.id = q.value(5).toLongLong();
            row.incoming = q.value(6).toBool();
            row.ts = q.value(7).toLongLong();
            rows.push_back(row);
        }
    }
    return rows;
}

}  // namespace client::cache
