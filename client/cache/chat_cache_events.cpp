// ChatCache: applying the event log and storing messages known from elsewhere.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>

#include "client/cache/chat_cache.h"
#include "client/cache/event_data.h"
#include "common/codec.h"

namespace client::cache {
namespace {

QString reactionsJson(const std::map<std::string, std::vector<protocol::Id>>& reactions) {
    QJsonObject object;
    for (const auto& [emoji, users] : reactions) {
        QJsonArray ids;
        for (protocol::Id id : users) {
            ids.append(qint64(id));
        }
        object.insert(QString::fromStdString(emoji), ids);
    }
    return QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

struct Existing {
    qint64 seq = 0;
    qint64 sender = 0;
    bool deleted = false;
    QString reactions;
};

std::optional<Existing> existing(QSqlDatabase& db, qint64 messageId) {
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT seq, sender, deleted, reactions FROM messages WHERE id = ?"));
    q.addBindValue(messageId);
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    return Existing{q.value(0).toLongLong(), q.value(1).toLongLong(), q.value(2).toBool(),
                    q.value(3).toString()};
}

bool exec(QSqlDatabase& db, const QString& sql, const QVariantList& values) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& value : values) {
        q.addBindValue(value);
    }
    return q.exec();
}

}  // namespace

bool ChatCache::writeMessage(QSqlDatabase& db, const protocol::Message& message, Effects& effects) {
    const bool known = existing(db, message.id).has_value();
    QSqlQuery q(db);
    q.prepare(QStringLiteral(
        "INSERT INTO messages (id, chat_id, seq, sender, ts, client_id, text, reply_to, edited_ts,"
        " deleted, reactions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
        " ON CONFLICT (id) DO UPDATE SET text = excluded.text, edited_ts = excluded.edited_ts,"
        " deleted = excluded.deleted, reactions = excluded.reactions"));
    q.addBindValue(qint64(message.id));
    q.addBindValue(qint64(message.chatId));
    q.addBindValue(qint64(message.seq));
    q.addBindValue(qint64(message.sender));
    q.addBindValue(qint64(message.ts));
    q.addBindValue(message.clientId.empty() ? QVariant()
                                            : QVariant(QString::fromStdString(message.clientId)));
    // A null QString binds as NULL, which the NOT NULL text column refuses.
    q.addBindValue(message.deleted ? QStringLiteral("") : QString::fromStdString(message.text));
    q.addBindValue(message.replyTo ? QVariant(qint64(*message.replyTo)) : QVariant());
    q.addBindValue(message.editedTs ? QVariant(qint64(*message.editedTs)) : QVariant());
    q.addBindValue(message.deleted ? 1 : 0);
    q.addBindValue(reactionsJson(message.reactions));
    if (!q.exec()) {
        return false;
    }
    if (known) {
        effects.changed.append({message.chatId, message.id});
    } else {
        effects.added.append({message.chatId, message.id, message.seq});
    }
    if (!exec(db,
              QStringLiteral("UPDATE chats SET last_activity_ts = max(last_activity_ts, ?)"
                             " WHERE id = ?"),
              {qint64(message.ts), qint64(message.chatId)})) {
        return false;
    }
    if (!effects.chats.contains(message.chatId)) {
        effects.chats.append(message.chatId);
    }
    if (message.sender == m_me && !message.clientId.empty()) {
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
        drop.addBindValue(QString::fromStdString(message.clientId));
        if (!drop.exec()) {
            return false;
        }
        if (drop.numRowsAffected() > 0 && !effects.outbox.contains(message.chatId)) {
            effects.outbox.append(message.chatId);
        }
    }
    return true;
}

bool ChatCache::storeMessages(const std::vector<protocol::Message>& messages) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        for (const auto& message : messages) {
            if (!writeMessage(db, message, effects)) {
                return false;
            }
        }
        return true;
    });
}

ChatCache::Applied ChatCache::applyEvent(const protocol::Event& event) {
    Applied outcome = Applied::Failed;
    GroupEffects group;
    const bool ok = write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(QStringLiteral("SELECT last_applied_seq FROM chat_sync WHERE chat_id = ?"));
        q.addBindValue(qint64(event.chatId));
        const qint64 applied = q.exec() && q.next() ? q.value(0).toLongLong() : 0;
        if (event.seq <= applied) {
            outcome = Applied::AlreadyApplied;
            return true;
        }
        if (event.seq > applied + 1) {
            outcome = Applied::Gap;
            return true;
        }
        try {
            if (!applyEventData(db, event, effects, group)) {
                return false;
            }
        } catch (const std::exception&) {
            // An event whose data this client cannot read still takes its place in the log.
        }
        if (!exec(db,
                  QStringLiteral("INSERT INTO chat_sync (chat_id, last_applied_seq) VALUES (?, ?)"
                                 " ON CONFLICT (chat_id) DO UPDATE SET"
                                 " last_applied_seq = excluded.last_applied_seq"),
                  {qint64(event.chatId), qint64(event.seq)}) ||
            !exec(db, QStringLiteral("UPDATE chats SET last_seq = max(last_seq, ?) WHERE id = ?"),
                  {qint64(event.seq), qint64(event.chatId)})) {
            return false;
        }
        outcome = Applied::Applied;
        return true;
    });
    if (ok) {
        announceGroup(group);
    }
    return ok ? outcome : Applied::Failed;
}

bool ChatCache::applyEventData(QSqlDatabase& db, const protocol::Event& event, Effects& effects,
                               GroupEffects& group) {
    const std::string& type = event.type;
    if (type.starts_with("member.") || type == protocol::eventType::ChatUpdated) {
        return applyGroupEvent(db, event, effects, group);
    }
    const qint64 chatId = event.chatId;
    if (type == protocol::eventType::MessageCreated || type == protocol::eventType::MessageEdited) {
        const protocol::Message message = eventMessage(event);
        const bool created = type == protocol::eventType::MessageCreated;
        if (!writeMessage(db, message, effects)) {
            return false;
        }
        if (!created) {
            return true;
        }
        if (message.sender == m_me) {
            // Posting moves the poster's own read marker to the message.
            return exec(db,
                        QStringLiteral("UPDATE chats SET read_seq = max(read_seq, ?) WHERE id = ?"),
                        {qint64(message.seq), chatId}) &&
                   recountUnread(db, chatId);
        }
        // Likewise the peer's marker of a direct chat: the peer has read everything before it.
        if (!exec(db,
                  QStringLiteral("UPDATE chats SET peer_read_seq = ? WHERE id = ? AND kind = ?"
                                 " AND peer_id = ? AND coalesce(peer_read_seq, 0) < ?"),
                  {qint64(message.seq), chatId, QStringLiteral("direct"), qint64(message.sender),
                   qint64(message.seq)})) {
            return false;
        }
        return exec(db,
                    QStringLiteral("UPDATE chats SET unread = unread + 1, unread_base_seq = ?"
                                   " WHERE id = ? AND ? > read_seq AND ? > unread_base_seq"),
                    {qint64(message.seq), chatId, qint64(message.seq), qint64(message.seq)});
    }
    if (type == protocol::eventType::MessageDeleted) {
        const EventTarget target = eventTarget(event);
        const auto before = existing(db, target.messageId);
        if (!before) {
            return true;
        }
        if (!exec(db,
                  QStringLiteral("UPDATE messages SET deleted = 1, text = '', media = '[]'"
                                 " WHERE id = ?"),
                  {qint64(target.messageId)})) {
            return false;
        }
        effects.changed.append({chatId, target.messageId});
        if (!effects.chats.contains(chatId)) {
            effects.chats.append(chatId);
        }
        // An unread message of the peer stops counting, unless the count was taken from the
        // server after this deletion (unread_base_seq at or past the event), which already left
        // it out.
        if (!before->deleted && before->sender != m_me) {
            return exec(db,
                        QStringLiteral("UPDATE chats SET unread = max(unread - 1, 0) WHERE id = ?"
                                       " AND ? > read_seq AND ? > unread_base_seq"),
                        {chatId, before->seq, qint64(event.seq)});
        }
        return true;
    }
    if (type == protocol::eventType::ReactionChanged) {
        const EventTarget target = eventTarget(event);
        const auto before = existing(db, target.messageId);
        if (!before) {
            return true;
        }
        QJsonObject reactions = QJsonDocument::fromJson(before->reactions.toUtf8()).object();
        const QString emoji = QString::fromStdString(target.emoji);
        QJsonArray users = reactions.value(emoji).toArray();
        for (qsizetype i = users.size() - 1; i >= 0; --i) {
            if (users.at(i).toInteger() == target.userId) {
                users.removeAt(i);
            }
        }
        if (target.on) {
            users.append(qint64(target.userId));
        }
        if (users.isEmpty()) {
            reactions.remove(emoji);
        } else {
            reactions.insert(emoji, users);
        }
        effects.changed.append({chatId, target.messageId});
        return exec(db, QStringLiteral("UPDATE messages SET reactions = ? WHERE id = ?"),
                    {QString::fromUtf8(QJsonDocument(reactions).toJson(QJsonDocument::Compact)),
                     qint64(target.messageId)});
    }
    if (type == protocol::eventType::PinChanged) {
        const EventTarget target = eventTarget(event);
        effects.changed.append({chatId, target.messageId});
        return exec(db, QStringLiteral("UPDATE messages SET pinned = ? WHERE id = ?"),
                    {target.on ? 1 : 0, qint64(target.messageId)});
    }
    return true;
}

}  // namespace client::cache
