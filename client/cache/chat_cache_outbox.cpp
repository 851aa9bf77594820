// ChatCache: the outbox of sends waiting for their ack.
#include <QDateTime>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>
#include <QVariant>

#include "client/cache/chat_cache.h"

namespace client::cache {
namespace {

// Rows keep their insertion order by rowid: a retried row is inserted again, behind the others.
const QString kOutboxColumns = QStringLiteral(
    "o.client_id, o.chat_id, o.text, o.reply_to, o.state, o.created_ts, o.failure,"
    " coalesce(u.display_name, ''), coalesce(ru.display_name, ''), r.text, r.deleted"
    " FROM outbox o LEFT JOIN users u ON u.id = ?"
    " LEFT JOIN messages r ON r.id = o.reply_to LEFT JOIN users ru ON ru.id = r.sender");

MessageRow readOutbox(const QSqlQuery& q, qint64 me) {
    MessageRow row;
    row.clientId = q.value(0).toString();
    row.chatId = q.value(1).toLongLong();
    row.text = q.value(2).toString();
    if (!q.value(3).isNull()) {
        row.replyTo = q.value(3).toLongLong();
    }
    row.delivery = q.value(4).toString() == QLatin1String("failed") ? MessageRow::Delivery::Failed
                                                                    : MessageRow::Delivery::Pending;
    row.ts = q.value(5).toLongLong();
    row.failure = q.value(6).toString();
    row.sender = me;
    row.senderName = q.value(7).toString();
    row.replySenderName = q.value(8).toString();
    row.replyText = q.value(9).toString();
    row.replyDeleted = q.value(10).toBool();
    return row;
}

}  // namespace

QString ChatCache::enqueue(qint64 chatId, const QString& text, std::optional<qint64> replyTo) {
    const QString clientId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    const bool ok = write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("INSERT INTO outbox (client_id, chat_id, text, reply_to, state,"
                           " created_ts) VALUES (?, ?, ?, ?, 'pending', ?)"));
        q.addBindValue(clientId);
        q.addBindValue(chatId);
        q.addBindValue(text);
        q.addBindValue(replyTo ? QVariant(*replyTo) : QVariant());
        q.addBindValue(QDateTime::currentMSecsSinceEpoch());
        effects.outbox.append(chatId);
        return q.exec();
    });
    return ok ? clientId : QString();
}

std::vector<MessageRow> ChatCache::outbox(qint64 chatId) const {
    std::vector<MessageRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kOutboxColumns +
              QStringLiteral(" WHERE o.chat_id = ? ORDER BY o.rowid"));
    q.addBindValue(m_me);
    q.addBindValue(chatId);
    if (q.exec()) {
        while (q.next()) {
            rows.push_back(readOutbox(q, m_me));
        }
    }
    return rows;
}

std::vector<MessageRow> ChatCache::pendingHeads() const {
    std::vector<MessageRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kOutboxColumns +
              QStringLiteral(" WHERE o.rowid IN (SELECT min(rowid) FROM outbox"
                             " WHERE state = 'pending' GROUP BY chat_id) ORDER BY o.rowid"));
    q.addBindValue(m_me);
    if (q.exec()) {
        while (q.next()) {
            rows.push_back(readOutbox(q, m_me));
        }
    }
    return rows;
}

bool ChatCache::confirm(const QString& clientId, const protocol::Message& message) {
    if (clientId != QString::fromStdString(message.clientId)) {
        return false;
    }
    return write(
        [&](QSqlDatabase& db, Effects& effects) { return writeMessage(db, message, effects); });
}

bool ChatCache::fail(const QString& clientId, const QString& reason) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        QSqlQuery q(db);
        q.prepare(
            QStringLiteral("UPDATE outbox SET state = 'failed', failure = ?,"
                           " attempts = attempts + 1 WHERE client_id = ?"
                           " RETURNING chat_id"));
        q.addBindValue(reason);
        q.addBindValue(clientId);
        if (!q.exec()) {
            return false;
        }
        if (q.next()) {
            effects.outbox.append(q.value(0).toLongLong());
        }
        return true;
    });
}

bool ChatCache::retry(const QString& clientId) {
    return write([&](QSqlDatabase& db, Effects& effects) {
        // The row moves behind the chat's others: it is taken out and inserted again.
        QSqlQuery read(db);
        read.prepare(
            QStringLiteral("SELECT chat_id, text, reply_to, created_ts, attempts"
                           " FROM outbox WHERE client_id = ? AND state = 'failed'"));
        read.addBindValue(clientId);
        if (!read.exec()) {
            return false;
        }
        if (!read.next()) {
            return true;
        }
        const qint64 chatId = read.value(0).toLongLong();
        const QVariantList values = {clientId,      chatId,        read.value(1),
                                     read.value(2), read.value(3), read.value(4)};
        read.finish();
        QSqlQuery drop(db);
        drop.prepare(QStringLiteral("DELETE FROM outbox WHERE client_id = ?"));
        drop.addBindValue(clientId);
        QSqlQuery insert(db);
        insert.prepare(QStringLiteral(
            "INSERT INTO outbox (client_id, chat_id, text, reply_to, state, created_ts, attempts)"
            " VALUES (?, ?, ?, ?, 'pending', ?, ?)"));
        for (const QVariant& value : values) {
            insert.addBindValue(value);
        }
        effects.outbox.append(chatId);
        return drop.exec() && insert.exec();
    });
}

}  // namespace client::cache
