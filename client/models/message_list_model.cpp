#include "client/models/message_list_model.h"

#include <QDateTime>
#include <QVariantList>
#include <QVariantMap>
#include <algorithm>

namespace client::models {

MessageListModel::MessageListModel(cache::ChatCache& cache, qint64 chatId, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_chatId(chatId) {
    auto load = [this] {
        if (const auto chat = m_cache.chat(m_chatId)) {
            m_peerReadSeq = chat->peerReadSeq;
        }
        m_rows = m_cache.messages(m_chatId, 0, kPageSize);
        m_cacheExhausted = static_cast<int>(m_rows.size()) < kPageSize;
        const auto outbox = m_cache.outbox(m_chatId);
        m_outboxCount = outbox.size();
        m_rows.insert(m_rows.end(), outbox.begin(), outbox.end());
    };
    load();
    connect(&m_cache, &cache::ChatCache::reset, this, [this, load] {
        beginResetModel();
        load();
        endResetModel();
    });
    connect(&m_cache, &cache::ChatCache::messageAdded, this, &MessageListModel::onMessageAdded);
    connect(&m_cache, &cache::ChatCache::messageChanged, this, &MessageListModel::onMessageChanged);
    connect(&m_cache, &cache::ChatCache::outboxChanged, this, &MessageListModel::onOutboxChanged);
    connect(&m_cache, &cache::ChatCache::chatChanged, this, &MessageListModel::onChatChanged);
    connect(&m_cache, &cache::ChatCache::userChanged, this, &MessageListModel::onUserChanged);
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

MessageListModel::Delivery MessageListModel::deliveryOf(const cache::MessageRow& row) const {
    switch (row.delivery) {
        case cache::MessageRow::Delivery::Pending:
            return Delivery::Pending;
        case cache::MessageRow::Delivery::Failed:
            return Delivery::Failed;
        case cache::MessageRow::Delivery::Sent:
        case cache::MessageRow::Delivery::Read:
            break;
    }
    return row.seq > 0 && row.seq <= m_peerReadSeq ? Delivery::Read : Delivery::Sent;
}

QDate MessageListModel::localDayOf(qint64 ts) const {
    auto found = m_localDays.constFind(ts);
    if (found == m_localDays.cend()) {
        found = m_localDays.insert(ts, QDateTime::fromMSecsSinceEpoch(ts).date());
    }
    return *found;
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cache::MessageRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return row.text;
        case MessageIdRole:
            return row.id;
        case SeqRole:
            return row.seq;
        case SenderIdRole:
            return row.sender;
        case SenderNameRole:
            return row.senderName;
        case IsOwnRole:
            return row.sender == m_cache.me();
        case TimestampRole:
            return QDateTime::fromMSecsSinceEpoch(row.ts);
        case EditedRole:
            return row.editedTs.has_value();
        case DeletedRole:
            return row.deleted;
        case ReplyToRole:
            return row.replyTo.value_or(0);
        case ReplyPreviewRole: {
            if (!row.replyTo) {
                return QString();
            }
            const QString text = row.replyDeleted ? tr("Message deleted") : row.replyText;
            return row.replySenderName.isEmpty()
                       ? text
                       : row.replySenderName + QStringLiteral(": ") + text;
        }
        case ReactionsRole: {
            QVariantList reactions;
            for (auto it = row.reactions.cbegin(); it != row.reactions.cend(); ++it) {
                reactions.append(
                    QVariantMap{{QStringLiteral("emoji"), it.key()},
                                {QStringLiteral("count"), int(it.value().size())},
                                {QStringLiteral("mine"), it.value().contains(m_cache.me())}});
            }
            return reactions;
        }
        case DeliveryRole:
            return static_cast<int>(deliveryOf(row));
        case PinnedRole:
            return row.pinned;
        case ClientIdRole:
            return row.clientId;
        case FailureRole:
            return row.failure;
        case TimestampMsRole:
            return row.ts;
        case LocalDayRole:
            return localDayOf(row.ts);
        default:
            return {};
    }
}

QHash<int, QByteArray> MessageListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{MessageIdRole, "messageId"},
                  {SeqRole, "seq"},
                  {SenderIdRole, "senderId"},
                  {SenderNameRole, "senderName"},
                  {IsOwnRole, "isOwn"},
                  {TextRole, "text"},
                  {TimestampRole, "timestamp"},
                  {EditedRole, "edited"},
                  {DeletedRole, "deleted"},
                  {ReplyToRole, "replyTo"},
                  {ReplyPreviewRole, "replyPreview"},
                  {ReactionsRole, "reactions"},
                  {DeliveryRole, "delivery"},
                  {PinnedRole, "pinned"},
                  {ClientIdRole, "clientId"},
                  {FailureRole, "failure"},
                  {TimestampMsRole, "timestampMs"},
                  {LocalDayRole, "localDay"}});
    return names;
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const {
    if (parent.isValid()) {
        return false;
    }
    const qint64 oldest = confirmedCount() > 0 ? m_rows.front().seq : 0;
    // Below the oldest cached message there is more, in the cache or on the server.
    return !m_cacheExhausted || (oldest > 1 && !m_serverAsked);
}

void MessageListModel::fetchMore(const QModelIndex& parent) {
    if (parent.isValid()) {
        return;
    }
    const qint64 oldest = confirmedCount() > 0 ? m_rows.front().seq : 0;
    if (!m_cacheExhausted) {
        auto older = m_cache.messages(m_chatId, oldest, kPageSize);
        if (static_cast<int>(older.size()) < kPageSize) {
            m_cacheExhausted = true;
        }
        if (!older.empty()) {
            beginInsertRows({}, 0, static_cast<int>(older.size()) - 1);
            m_rows.insert(m_rows.begin(), older.begin(), older.end());
            endInsertRows();
            return;
        }
    }
    const qint64 first = confirmedCount() > 0 ? m_rows.front().seq : 0;
    if (first > 1 && !m_serverAsked) {
        m_serverAsked = true;
        Q_EMIT olderHistoryNeeded(m_chatId, first);
    }
}

int MessageListModel::rowOfMessage(qint64 messageId) const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        if (m_rows[static_cast<size_t>(i)].id == messageId) {
            return i;
        }
    }
    return -1;
}

int MessageListModel::rowOfClientId(const QString& clientId) const {
    for (int i = rowCount() - 1; i >= 0; --i) {
        if (m_rows[static_cast<size_t>(i)].clientId == clientId) {
            return i;
        }
    }
    return -1;
}

qint64 MessageListModel::lastOwnMessageId() const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        const auto& row = m_rows[static_cast<size_t>(i)];
        if (row.sender == m_cache.me() && !row.deleted) {
            return row.id;
        }
    }
    return 0;
}

void MessageListModel::onMessageAdded(qint64 chatId, qint64 messageId, qint64 seq) {
    if (chatId != m_chatId || rowOfMessage(messageId) >= 0) {
        return;
    }
    const int confirmed = confirmedCount();
    // Older than what is loaded (a history page from the server, or a part not loaded yet):
    // fetchMore brings it when the user scrolls up.
    if (confirmed > 0 && seq < m_rows.front().seq) {
        m_cacheExhausted = false;
        m_serverAsked = false;
        return;
    }
    const auto row = m_cache.message(messageId);
    if (!row) {
        return;
    }
    const auto at =
        std::upper_bound(m_rows.begin(), m_rows.begin() + confirmed, seq,
                         [](qint64 s, const cache::MessageRow& r) { return s < r.seq; });
    const int position = static_cast<int>(at - m_rows.begin());
    beginInsertRows({}, position, position);
    m_rows.insert(m_rows.begin() + position, *row);
    endInsertRows();
}

void MessageListModel::onMessageChanged(qint64 chatId, qint64 messageId) {
    if (chatId != m_chatId) {
        return;
    }
    const auto row = m_cache.message(messageId);
    for (int i = 0; i < confirmedCount(); ++i) {
        auto& mine = m_rows[static_cast<size_t>(i)];
        // A reply's quote changes with the message it quotes.
        if (row && (mine.id == messageId || mine.replyTo == messageId)) {
            if (mine.id == messageId) {
                mine = *row;
            } else if (const auto reply = m_cache.message(mine.id)) {
                mine = *reply;
            }
            Q_EMIT dataChanged(index(i), index(i));
        }
    }
}

void MessageListModel::onOutboxChanged(qint64 chatId) {
    if (chatId != m_chatId) {
        return;
    }
    const int confirmed = confirmedCount();
    if (m_outboxCount > 0) {
        beginRemoveRows({}, confirmed, rowCount() - 1);
        m_rows.resize(static_cast<size_t>(confirmed));
        m_outboxCount = 0;
        endRemoveRows();
    }
    const auto outbox = m_cache.outbox(m_chatId);
    if (!outbox.empty()) {
        beginInsertRows({}, confirmed, confirmed + static_cast<int>(outbox.size()) - 1);
        m_rows.insert(m_rows.end(), outbox.begin(), outbox.end());
        m_outboxCount = outbox.size();
        endInsertRows();
    }
}

void MessageListModel::onChatChanged(qint64 chatId) {
    if (chatId != m_chatId) {
        return;
    }
    const auto chat = m_cache.chat(chatId);
    if (!chat || chat->peerReadSeq == m_peerReadSeq) {
        return;
    }
    m_peerReadSeq = chat->peerReadSeq;
    if (confirmedCount() > 0) {
        Q_EMIT dataChanged(index(0), index(confirmedCount() - 1), {DeliveryRole});
    }
}

void MessageListModel::onUserChanged(qint64 userId) {
    const auto user = m_cache.user(userId);
    if (!user) {
        return;
    }
    for (int i = 0; i < confirmedCount(); ++i) {
        auto& row = m_rows[static_cast<size_t>(i)];
        if (row.sender == userId && row.senderName != user->displayName) {
            row.senderName = user->displayName;
            Q_EMIT dataChanged(index(i), index(i), {SenderNameRole});
        }
    }
}

}  // namespace client::models
