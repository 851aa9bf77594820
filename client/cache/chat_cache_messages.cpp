// ChatCache: reading messages and searching them.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStringList>
#include <QVariant>
#include <algorithm>
#include <limits>

#include "client/cache/chat_cache.h"

namespace client::cache {
namespace {

const QString kMessageColumns = QStringLiteral(
    "m.id, m.chat_id, m.seq, m.sender, coalesce(u.display_name, u.username, ''), m.ts,"
    " coalesce(m.client_id, ''), m.text, m.reply_to, coalesce(ru.display_name, ''), r.text,"
    " r.deleted, m.edited_ts, m.deleted, m.pinned, m.reactions"
    " FROM messages m LEFT JOIN users u ON u.id = m.sender"
    " LEFT JOIN messages r ON r.id = m.reply_to LEFT JOIN users ru ON ru.id = r.sender");

MessageRow readMessage(const QSqlQuery& q) {
    MessageRow row;
    row.id = q.value(0).toLongLong();
    row.chatId = q.value(1).toLongLong();
    row.seq = q.value(2).toLongLong();
    row.sender = q.value(3).toLongLong();
    row.senderName = q.value(4).toString();
    row.ts = q.value(5).toLongLong();
    row.clientId = q.value(6).toString();
    row.text = q.value(7).toString();
    if (!q.value(8).isNull()) {
        row.replyTo = q.value(8).toLongLong();
    }
    row.replySenderName = q.value(9).toString();
    row.replyText = q.value(10).toString();
    row.replyDeleted = q.value(11).toBool();
    if (!q.value(12).isNull()) {
        row.editedTs = q.value(12).toLongLong();
    }
    row.deleted = q.value(13).toBool();
    row.pinned = q.value(14).toBool();
    const QJsonObject reactions = QJsonDocument::fromJson(q.value(15).toString().toUtf8()).object();
    for (auto it = reactions.begin(); it != reactions.end(); ++it) {
        QList<qint64> users;
        for (const auto& user : it.value().toArray()) {
            users.append(user.toInteger());
        }
        row.reactions.insert(it.key(), users);
    }
    row.delivery = MessageRow::Delivery::Sent;
    return row;
}

// The messages the clause after the column list selects, in the order it gives.
std::vector<MessageRow> selectMessages(const QSqlDatabase& db, const QString& clause,
                                       const QVariantList& values) {
    std::vector<MessageRow> rows;
    QSqlQuery q(db);
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kMessageColumns + clause);
    for (const QVariant& value : values) {
        q.addBindValue(value);
    }
    if (q.exec()) {
        while (q.next()) {
            rows.push_back(readMessage(q));
        }
    }
    return rows;
}

// Every word as a quoted prefix term: "alp"* "bet"*, so punctuation cannot inject FTS syntax.
QString matchExpression(const QString& words) {
    QStringList terms;
    const QStringList parts =
        words.split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts);
    for (const QString& word : parts) {
        terms << QLatin1Char('"') + word + QStringLiteral("\"*");
    }
    return terms.join(QLatin1Char(' '));
}

}  // namespace

std::vector<MessageRow> ChatCache::messages(qint64 chatId, qint64 beforeSeq, int limit) const {
    if (!m_store.isOpen()) {
        return {};
    }
    auto rows = selectMessages(
        m_store.database(),
        QStringLiteral(" WHERE m.chat_id = ? AND m.seq < ? ORDER BY m.seq DESC LIMIT ?"),
        {chatId, beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max(), limit});
    std::reverse(rows.begin(), rows.end());
    return rows;
}

std::optional<MessageRow> ChatCache::message(qint64 messageId) const {
    if (!m_store.isOpen()) {
        return std::nullopt;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kMessageColumns + QStringLiteral(" WHERE m.id = ?"));
    q.addBindValue(messageId);
    if (q.exec() && q.next()) {
        return readMessage(q);
    }
    return std::nullopt;
}

std::vector<MessageRow> ChatCache::messagesBetween(qint64 chatId, qint64 firstSeq,
                                                   qint64 lastSeq) const {
    if (!m_store.isOpen()) {
        return {};
    }
    return selectMessages(
        m_store.database(),
        QStringLiteral(" WHERE m.chat_id = ? AND m.seq >= ? AND m.seq <= ? ORDER BY m.seq"),
        {chatId, firstSeq, lastSeq});
}

qint64 ChatCache::seqOfClientId(qint64 chatId, const QString& clientId) const {
    if (!m_store.isOpen() || clientId.isEmpty()) {
        return 0;
    }
    QSqlQuery q(m_store.database());
    q.prepare(
        QStringLiteral("SELECT seq FROM messages WHERE chat_id = ? AND client_id = ?"
                       " ORDER BY seq DESC LIMIT 1"));
    q.addBindValue(chatId);
    q.addBindValue(clientId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

qint64 ChatCache::oldestSeq(qint64 chatId) const {
    if (!m_store.isOpen()) {
        return 0;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT min(seq) FROM messages WHERE chat_id = ?"));
    q.addBindValue(chatId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : 0;
}

std::vector<MessageRow> ChatCache::search(qint64 chatId, const QString& words, int limit) const {
    const QString match = matchExpression(words);
    if (!m_store.isOpen() || match.isEmpty()) {
        return {};
    }
    QString where;
    QVariantList values;
    if (m_store.hasFullTextSearch()) {
        where = QStringLiteral(
            " WHERE m.id IN (SELECT rowid FROM messages_fts"
            " WHERE messages_fts MATCH ?)");
        values << match;
    } else {
        where = QStringLiteral(" WHERE 1");
        for (const QString& word :
             words.split(QRegularExpression(QStringLiteral("[^\\w]+")), Qt::SkipEmptyParts)) {
            where += QStringLiteral(" AND m.text LIKE ?");
            values << QLatin1Char('%') + word + QLatin1Char('%');
        }
    }
    where += QStringLiteral(" AND m.deleted = 0");
    if (chatId > 0) {
        where += QStringLiteral(" AND m.chat_id = ?");
        values << chatId;
    }
    values << limit;
    return selectMessages(m_store.database(),
                          where + QStringLiteral(" ORDER BY m.ts DESC, m.id DESC LIMIT ?"), values);
}

}  // namespace client::cache
