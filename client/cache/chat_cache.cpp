#include "client/cache/chat_cache.h"

#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "common/codec.h"

namespace client::cache {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QVariant nullableId(std::optional<qint64> value) {
    return value ? QVariant(*value) : QVariant();
}

const QString kChatColumns = QStringLiteral(
    "c.id, c.kind, c.name, c.last_seq, c.read_seq, c.unread, c.peer_read_seq,"
    " c.last_activity_ts, c.peer_id, u.username, u.display_name, u.status, u.last_seen,"
    " m.id, m.text, m.deleted, m.sender"
    " FROM chats c LEFT JOIN users u ON u.id = c.peer_id"
    " LEFT JOIN messages m ON m.id = (SELECT id FROM messages WHERE chat_id = c.id"
    " ORDER BY seq DESC LIMIT 1)");

ChatRow readChat(const QSqlQuery& q) {
    ChatRow chat;
    chat.id = q.value(0).toLongLong();
    chat.direct = q.value(1).toString() == QLatin1String("direct");
    chat.name = q.value(2).toString();
    chat.lastSeq = q.value(3).toLongLong();
    chat.readSeq = q.value(4).toLongLong();
    chat.unread = q.value(5).toLongLong();
    chat.peerReadSeq = q.value(6).toLongLong();
    chat.activityTs = q.value(7).toLongLong();
    if (!q.value(8).isNull()) {
        UserRow peer;
        peer.id = q.value(8).toLongLong();
        peer.username = q.value(9).toString();
        peer.displayName = q.value(10).toString();
        peer.online = q.value(11).toString() == QLatin1String("online");
        if (!q.value(12).isNull()) {
            peer.lastSeen = q.value(12).toLongLong();
        }
        chat.peer = peer;
    }
    chat.lastMessageId = q.value(13).toLongLong();
    chat.lastMessageText = q.value(14).toString();
    chat.lastMessageDeleted = q.value(15).toBool();
    chat.lastMessageSender = q.value(16).toLongLong();
    return chat;
}

}  // namespace

QString ChatRow::title() const {
    if (peer) {
        return peer->displayName.isEmpty() ? peer->username : peer->displayName;
    }
    return name;
}

ChatCache::ChatCache(LocalCache& store, QObject* parent) : QObject(parent), m_store(store) {}

bool ChatCache::write(const std::function<bool(QSqlDatabase&, Effects&)>& work) {
    Effects effects;
    const bool ok = m_store.write([&](QSqlDatabase& db) { return work(db, effects); });
    if (ok) {
        announce(effects);
    }
    return ok;
}

void ChatCache::announce(const Effects& effects) {
    for (qint64 user : effects.users) {
        Q_EMIT userChanged(user);
    }
    for (const auto& [chat, message, seq] : effects.added) {
        Q_EMIT messageAdded(chat, message, seq);
    }
    for (const auto& [chat, message] : effects.changed) {
        Q_EMIT messageChanged(chat, message);
    }
    for (qint64 chat : effects.outbox) {
        Q_EMIT outboxChanged(chat);
    }
    for (qint64 chat : effects.chats) {
        Q_EMIT chatChanged(chat);
    }
    for (qint64 chat : effects.removedChats) {
        Q_EMIT chatRemoved(chat);
    }
    if (effects.friends) {
        Q_EMIT friendsChanged();
    }
    if (effects.requests) {
        Q_EMIT requestsChanged();
    }
}

bool ChatCache::writeUser(QSqlDatabase& db, const protocol::User& user, Effects& effects) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO users (id, username, display_name, avatar, status, last_seen)"
        " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
        " username = excluded.username, display_name = excluded.display_name,"
        " avatar = excluded.avatar, status = excluded.status, last_seen = excluded.last_seen"));
    q.addBindValue(qint64(user.id));
    q.addBindValue(qs(user.username));
    q.addBindValue(qs(user.displayName));
    q.addBindValue(user.avatar ? QVariant(qs(*user.avatar)) : QVariant());
    q.addBindValue(user.status == protocol::Presence::Online ? QStringLiteral("online")
                                                             : QStringLiteral("offline"));
    q.addBindValue(nullableId(user.lastSeen));
    if (!q.exec()) {
        return false;
    }
    if (!effects.users.contains(user.id)) {
        effects.users.append(user.id);
    }
    return true;
}

bool ChatCache::upsertUser(const protocol::User& user) {
    return write([&](QSqlDatabase& db, Effects& effects) { return writeUser(db, user, effects); });
}

bool ChatCache::setPresence(qint64 userId, bool online, std::optional<qint64> lastSeen) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE users SET status = ?, last_seen = ? WHERE id = ?"));
        q.addBindValue(online ? QStringLiteral("online") : QStringLiteral("offline"));
        q.addBindValue(nullableId(lastSeen));
        q.addBindValue(userId);
        if (!q.exec()) {
            return false;
        }
        if (q.numRowsAffected() > 0) {
            effects.users.append(userId);
        }
        return true;
    });
}

std::optional<UserRow> ChatCache::user(qint64 userId) const {
    const auto found = m_store.user(userId);
    if (!found) {
        return std::nullopt;
    }
    UserRow row;
    row.id = found->id;
    row.username = qs(found->username);
    row.displayName = qs(found->displayName);
    row.online = found->status == protocol::Presence::Online;
    row.lastSeen = found->lastSeen;
    return row;
}

bool ChatCache::writeChat(QSqlDatabase& db, const protocol::Chat& chat, Effects& effects) {
    if (chat.peer && !writeUser(db, *chat.peer, effects)) {
        return false;
    }
    qint64 activity = chat.createdTs;
    if (chat.lastMessage) {
        activity = std::max<qint64>(activity, chat.lastMessage->ts);
    }
    // A Chat holds the group as of its last_seq. One older than the events this cache applied
    // (an answer that took its time, a list fetched while live events came) changes none of the
    // fields those events keep: unread, name, description, avatar, role, count and settings.
    // Its unread is none when this cache has read past its last_seq already (a read marker the
    // server had not taken yet when it answered).
    static const QString sql = [] {
        QString newer;  // "col = the Chat's col unless it is older than the cached row"
        for (const char* column : {"name", "description", "avatar", "unread_base_seq", "my_role",
                                   "member_count", "slow_mode_s", "only_admins_post"}) {
            newer += QStringLiteral(
                         " %1 = CASE WHEN excluded.last_seq >= last_seq"
                         " THEN excluded.%1 ELSE %1 END,")
                         .arg(QLatin1String(column));
        }
        return QStringLiteral(
                   "INSERT INTO chats (id, kind, name, description, avatar, created_ts, last_seq,"
                   " read_seq, unread, unread_base_seq, my_role, member_count, peer_id,"
                   " peer_read_seq, notifications_muted_until, slow_mode_s, only_admins_post,"
                   " last_activity_ts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
                   " ?) ON CONFLICT (id) DO UPDATE SET kind = excluded.kind,") +
               newer +
               QStringLiteral(
                   " created_ts = excluded.created_ts, last_seq = max(last_seq, excluded.last_seq),"
                   " read_seq = max(read_seq, excluded.read_seq),"
                   " unread = CASE WHEN excluded.last_seq < last_seq THEN unread"
                   " WHEN read_seq >= excluded.last_seq THEN 0 ELSE excluded.unread END,"
                   " peer_id = excluded.peer_id,"
                   " peer_read_seq = max(coalesce(peer_read_seq, 0),"
                   " coalesce(excluded.peer_read_seq, 0)),"
                   " notifications_muted_until = excluded.notifications_muted_until,"
                   " last_activity_ts = max(last_activity_ts, excluded.last_activity_ts)");
    }();
    QSqlQuery q(db);
    q.prepare(sql);
    q.addBindValue(qint64(chat.id));
    q.addBindValue(QString::fromLatin1(protocol::toString(chat.kind).data()));
    q.addBindValue(qs(chat.name));
    q.addBindValue(qs(chat.description));
    q.addBindValue(chat.avatar ? QVariant(qs(*chat.avatar)) : QVariant());
    q.addBindValue(qint64(chat.createdTs));
    q.addBindValue(qint64(chat.lastSeq));
    q.addBindValue(qint64(chat.readSeq));
    q.addBindValue(qint64(chat.unread));
    q.addBindValue(qint64(chat.lastSeq));
    q.addBindValue(QString::fromLatin1(protocol::toString(chat.myRole).data()));
    q.addBindValue(qint64(chat.memberCount));
    q.addBindValue(chat.peer ? QVariant(qint64(chat.peer->id)) : QVariant());
    q.addBindValue(nullableId(chat.peerReadSeq));
    q.addBindValue(nullableId(chat.notificationsMutedUntil));
    q.addBindValue(chat.settings.slowModeS);
    q.addBindValue(chat.settings.onlyAdminsPost ? 1 : 0);
    q.addBindValue(activity);
    if (!q.exec()) {
        return false;
    }
    if (chat.lastMessage && !writeMessage(db, *chat.lastMessage, effects)) {
        return false;
    }
    if (!effects.chats.contains(chat.id)) {
        effects.chats.append(chat.id);
    }
    return true;
}

bool ChatCache::upsertChat(const protocol::Chat& chat) {
    return write([&](QSqlDatabase& db, Effects& effects) { return writeChat(db, chat, effects); });
}

bool ChatCache::removeChat(qint64 chatId) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        for (const char* sql :
             {"DELETE FROM messages WHERE chat_id = ?", "DELETE FROM outbox WHERE chat_id = ?",
              "DELETE FROM chat_sync WHERE chat_id = ?", "DELETE FROM chats WHERE id = ?"}) {
            q.prepare(QString::fromLatin1(sql));
            q.addBindValue(chatId);
            if (!q.exec()) {
                return false;
            }
        }
        effects.removedChats.append(chatId);
        return true;
    });
}

std::vector<ChatRow> ChatCache::chats() const {
    std::vector<ChatRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    if (q.exec(QStringLiteral("SELECT ") + kChatColumns +
               QStringLiteral(" ORDER BY c.last_activity_ts DESC, c.id DESC"))) {
        while (q.next()) {
            rows.push_back(readChat(q));
        }
    }
    return rows;
}

std::optional<ChatRow> ChatCache::chat(qint64 chatId) const {
    if (!m_store.isOpen()) {
        return std::nullopt;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kChatColumns + QStringLiteral(" WHERE c.id = ?"));
    q.addBindValue(chatId);
    if (q.exec() && q.next()) {
        return readChat(q);
    }
    return std::nullopt;
}

qint64 ChatCache::lastAppliedSeq(qint64 chatId) const {
    if (!m_store.isOpen()) {
        return 0;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT last_applied_seq FROM chat_sync WHERE chat_id = ?"));
    q.addBindValue(chatId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

bool ChatCache::setReadSeq(qint64 chatId, qint64 seq) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("UPDATE chats SET read_seq = ? WHERE id = ? AND read_seq < ?"));
        q.addBindValue(seq);
        q.addBindValue(chatId);
        q.addBindValue(seq);
        if (!q.exec()) {
            return false;
        }
        if (q.numRowsAffected() == 0) {
            return true;
        }
        effects.chats.append(chatId);
        return recountUnread(db, chatId);
    });
}

bool ChatCache::recountUnread(QSqlDatabase& db, qint64 chatId) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "UPDATE chats SET unread = (SELECT count(*) FROM messages m WHERE m.chat_id = chats.id"
        " AND m.seq > chats.read_seq AND m.sender != ? AND m.deleted = 0),"
        " unread_base_seq = max(unread_base_seq, last_seq) WHERE id = ?"));
    q.addBindValue(m_me);
    q.addBindValue(chatId);
    return q.exec();
}

bool ChatCache::setPeerReadSeq(qint64 chatId, qint64 seq) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("UPDATE chats SET peer_read_seq = ? WHERE id = ?"
                           " AND coalesce(peer_read_seq, 0) < ?"));
        q.addBindValue(seq);
        q.addBindValue(chatId);
        q.addBindValue(seq);
        if (!q.exec()) {
            return false;
        }
        if (q.numRowsAffected() > 0) {
            effects.chats.append(chatId);
        }
        return true;
    });
}

}  // namespace client::cache
