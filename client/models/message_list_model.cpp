#include "client/models/message_list_model.h"

#include <QDateTime>
#include <QVariantList>
#include <QVariantMap>
#include <algorithm>

namespace client::models {

MessageListModel::MessageListModel(cache::ChatCache& cache, qint64 chatId, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_chatId(chatId) {
    load();
    connect(&m_cache, &cache::ChatCache::reset, this, [this] {
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

void MessageListModel::load() {
    if (const auto chat = m_cache.chat(m_chatId)) {
        m_peerReadSeq = chat->peerReadSeq;
    }
    m_rows.clear();
    const auto newest = m_cache.messages(m_chatId, 0, kPageSize);
    m_cacheExhausted = static_cast<int>(newest.size()) < kPageSize;
    m_rows.insert(0, newest, m_cache.me());
    const auto outbox = m_cache.outbox(m_chatId);
    m_outboxCount = static_cast<int>(outbox.size());
    m_rows.insert(m_rows.size(), outbox, m_cache.me());
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows.size();
}

MessageListModel::Delivery MessageListModel::deliveryOf(int row) const {
    switch (m_rows.delivery(row)) {
        case cache::MessageRow::Delivery::Pending:
            return Delivery::Pending;
        case cache::MessageRow::Delivery::Failed:
            return Delivery::Failed;
        case cache::MessageRow::Delivery::Sent:
        case cache::MessageRow::Delivery::Read:
            break;
    }
    const qint64 seq = m_rows.seq(row);
    return seq > 0 && seq <= m_peerReadSeq ? Delivery::Read : Delivery::Sent;
}

QVariantList MessageListModel::reactionsOf(int row) const {
    QVariantList reactions;
    for (const MessageRowStore::Reaction& reaction : m_rows.reactions(row)) {
        reactions.append(QVariantMap{{QStringLiteral("emoji"), reaction.emoji},
                                     {QStringLiteral("count"), reaction.count},
                                     {QStringLiteral("mine"), reaction.mine}});
    }
    return reactions;
}

QString MessageListModel::replyPreviewOf(int row) const {
    if (m_rows.replyTo(row) == 0) {
        return QString();
    }
    const QString text = m_rows.replyDeleted(row) ? tr("Message deleted") : m_rows.replyText(row);
    const QString sender = m_rows.replySenderName(row);
    return sender.isEmpty() ? text : sender + QStringLiteral(": ") + text;
}

QVariant MessageListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return m_rows.text(row);
        case MessageIdRole:
            return m_rows.id(row);
        case SeqRole:
            return m_rows.seq(row);
        case SenderIdRole:
            return m_rows.sender(row);
        case SenderNameRole:
            return m_rows.senderName(row);
        case IsOwnRole:
            return m_rows.sender(row) == m_cache.me();
        case TimestampRole:
            return QDateTime::fromMSecsSinceEpoch(m_rows.ts(row));
        case EditedRole:
            return m_rows.edited(row);
        case DeletedRole:
            return m_rows.deleted(row);
        case ReplyToRole:
            return m_rows.replyTo(row);
        case ReplyPreviewRole:
            return replyPreviewOf(row);
        case ReactionsRole:
            return reactionsOf(row);
        case DeliveryRole:
            return static_cast<int>(deliveryOf(row));
        case PinnedRole:
            return m_rows.pinned(row);
        case ClientIdRole:
            return m_rows.clientId(row);
        case FailureRole:
            return m_rows.failure(row);
        case TimestampMsRole:
            return m_rows.ts(row);
        case LocalDayRole:
            return m_rows.localDay(row);
        case KindRole:
            return static_cast<int>(m_rows.kind(row));
        case LayoutVersionRole: {
            const auto versionAt = [this](int at) {
                return at >= 0 && at < m_rows.size() ? m_rows.version(at) : 0U;
            };
            return qulonglong(qHashMulti(0, versionAt(row), static_cast<int>(deliveryOf(row)),
                                         versionAt(row - 1), versionAt(row + 1)));
        }
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
                  {LocalDayRole, "localDay"},
                  {KindRole, "kind"},
                  {LayoutVersionRole, "layoutVersion"}});
    return names;
}

int MessageListModel::olderPageSize() const {
    return std::clamp(confirmedCount() / kPageGrowthDivisor, kPageSize, kMaxPageSize);
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const {
    if (parent.isValid()) {
        return false;
    }
    const qint64 oldest = confirmedCount() > 0 ? m_rows.seq(0) : 0;
    // Below the oldest cached message there is more, in the cache or on the server.
    return !m_fetching && (!m_cacheExhausted || (oldest > 1 && !m_serverAsked));
}

void MessageListModel::fetchMore(const QModelIndex& parent) {
    // A slot of rowsInserted asking again gets nothing until this page is in.
    if (parent.isValid() || m_fetching) {
        return;
    }
    const qint64 oldest = confirmedCount() > 0 ? m_rows.seq(0) : 0;
    if (!m_cacheExhausted) {
        const int pageSize = olderPageSize();
        const auto older = m_cache.messages(m_chatId, oldest, pageSize);
        if (static_cast<int>(older.size()) < pageSize) {
            m_cacheExhausted = true;
        }
        if (!older.empty()) {
            m_fetching = true;
            beginInsertRows({}, 0, static_cast<int>(older.size()) - 1);
            m_rows.insert(0, older, m_cache.me());
            endInsertRows();
            m_fetching = false;
            return;
        }
    }
    const qint64 first = confirmedCount() > 0 ? m_rows.seq(0) : 0;
    if (first > 1 && !m_serverAsked) {
        m_serverAsked = true;
        Q_EMIT olderHistoryNeeded(m_chatId, first);
    }
}

int MessageListModel::rowOfMessage(qint64 messageId) const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        if (m_rows.id(i) == messageId) {
            return i;
        }
    }
    return -1;
}

int MessageListModel::rowOfClientId(const QString& clientId) const {
    for (int i = rowCount() - 1; i >= 0; --i) {
        if (m_rows.clientId(i) == clientId) {
            return i;
        }
    }
    return -1;
}

qint64 MessageListModel::lastOwnMessageId() const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        if (m_rows.sender(i) == m_cache.me() && !m_rows.deleted(i)) {
            return m_rows.id(i);
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
    if (confirmed > 0 && seq < m_rows.seq(0)) {
        m_cacheExhausted = false;
        m_serverAsked = false;
        return;
    }
    const auto row = m_cache.message(messageId);
    if (!row) {
        return;
    }
    // The first row with a higher seq (rows are ascending by seq).
    int position = confirmed;
    for (int lo = 0, hi = confirmed; lo < hi;) {
        const int mid = lo + (hi - lo) / 2;
        if (m_rows.seq(mid) > seq) {
            position = hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    beginInsertRows({}, position, position);
    m_rows.insert(position, {*row}, m_cache.me());
    endInsertRows();
    // The neighbours' grouping may change with the new row.
    for (const int neighbour : {position - 1, position + 1}) {
        if (neighbour >= 0 && neighbour < rowCount()) {
            Q_EMIT dataChanged(index(neighbour), index(neighbour), {LayoutVersionRole});
        }
    }
}

void MessageListModel::onMessageChanged(qint64 chatId, qint64 messageId) {
    if (chatId != m_chatId) {
        return;
    }
    const auto row = m_cache.message(messageId);
    if (!row) {
        return;
    }
    for (int i = 0; i < confirmedCount(); ++i) {
        // A reply's quote changes with the message it quotes.
        if (m_rows.id(i) == messageId) {
            m_rows.assign(i, *row, m_cache.me());
        } else if (m_rows.replyTo(i) == messageId) {
            const auto reply = m_cache.message(m_rows.id(i));
            if (!reply) {
                continue;
            }
            m_rows.assign(i, *reply, m_cache.me());
        } else {
            continue;
        }
        Q_EMIT dataChanged(index(i), index(i));
    }
}

void MessageListModel::onOutboxChanged(qint64 chatId) {
    if (chatId != m_chatId) {
        return;
    }
    const int confirmed = confirmedCount();
    if (m_outboxCount > 0) {
        beginRemoveRows({}, confirmed, rowCount() - 1);
        m_rows.erase(confirmed, m_outboxCount);
        m_outboxCount = 0;
        endRemoveRows();
    }
    const auto outbox = m_cache.outbox(m_chatId);
    if (!outbox.empty()) {
        beginInsertRows({}, confirmed, confirmed + static_cast<int>(outbox.size()) - 1);
        m_rows.insert(confirmed, outbox, m_cache.me());
        m_outboxCount = static_cast<int>(outbox.size());
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
        Q_EMIT dataChanged(index(0), index(confirmedCount() - 1),
                           {DeliveryRole, LayoutVersionRole});
    }
}

void MessageListModel::onUserChanged(qint64 userId) {
    const auto user = m_cache.user(userId);
    if (!user || !m_rows.renameSender(userId, user->displayName)) {
        return;
    }
    for (int i = 0; i < confirmedCount(); ++i) {
        if (m_rows.sender(i) == userId) {
            Q_EMIT dataChanged(index(i), index(i), {SenderNameRole, LayoutVersionRole});
        }
    }
}

}  // namespace client::models
