#include "client/models/message_list_model.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QJsonObject>
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
    connect(&m_cache, &cache::ChatCache::systemLineAdded, this,
            &MessageListModel::onSystemLineAdded);
}

void MessageListModel::load() {
    if (const auto chat = m_cache.chat(m_chatId)) {
        m_peerReadSeq = chat->peerReadSeq;
    }
    m_rows.clear();
    const auto newest = m_cache.messages(m_chatId, 0, kPageSize);
    m_cacheExhausted = static_cast<int>(newest.size()) < kPageSize;
    // The lines among the loaded messages; all of them once the cache has no older message.
    const qint64 floor = m_cacheExhausted || newest.empty() ? 0 : newest.front().seq;
    m_rows.insertMerged(0, newest, m_cache.systemLines(m_chatId, floor, 0), m_cache.me());
    const auto outbox = m_cache.outbox(m_chatId);
    m_outboxCount = static_cast<int>(outbox.size());
    m_rows.insert(m_rows.size(), outbox, m_cache.me());
    m_focus = std::max(0, confirmedCount() - 1);
}

int MessageListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : m_rows.size();
}

MessageListModel::Delivery MessageListModel::deliveryOf(int row) const {
    if (isSystem(row)) {
        return Delivery::Sent;
    }
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
            ensureTexts(row);
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
            return !isSystem(row) && m_rows.sender(row) == m_cache.me();
        case TimestampRole:
            return QDateTime::fromMSecsSinceEpoch(m_rows.ts(row));
        case EditedRole:
            return m_rows.edited(row);
        case DeletedRole:
            return m_rows.deleted(row);
        case ReplyToRole:
            return m_rows.replyTo(row);
        case ReplyPreviewRole:
            ensureTexts(row);
            return replyPreviewOf(row);
        case ReactionsRole:
            return reactionsOf(row);
        case DeliveryRole:
            return static_cast<int>(deliveryOf(row));
        case PinnedRole:
            return m_rows.pinned(row);
        case ClientIdRole:
            ensureTexts(row);
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
        case SystemTypeRole:
            return m_rows.systemType(row);
        case SystemDataRole:
            return m_rows.systemData(row);
        case SubjectIdRole:
            return m_rows.subject(row);
        case SubjectNameRole:
            return m_rows.subjectName(row);
        case PreviousChatRole:
            return previousChatOf(row);
        case ViewerIdRole:
            return m_cache.me();
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
                  {LayoutVersionRole, "layoutVersion"},
                  {SystemTypeRole, "systemType"},
                  {SystemDataRole, "systemData"},
                  {SubjectIdRole, "subjectId"},
                  {SubjectNameRole, "subjectName"},
                  {PreviousChatRole, "previousChat"},
                  {ViewerIdRole, "viewerId"}});
    return names;
}

int MessageListModel::olderPageSize() const {
    return std::clamp(confirmedCount() / kPageGrowthDivisor, kPageSize, kMaxPageSize);
}

bool MessageListModel::canFetchMore(const QModelIndex& parent) const {
    if (parent.isValid()) {
        return false;
    }
    const qint64 oldest = oldestMessageSeq();
    const qint64 first = confirmedCount() > 0 ? m_rows.seq(0) : 0;
    // Below the oldest cached message there is more, in the cache or on the server (none below
    // a first row of seq 1, be it a system line).
    return !m_fetching && (!m_cacheExhausted || (oldest > 1 && first > 1 && !m_serverAsked));
}

void MessageListModel::fetchMore(const QModelIndex& parent) {
    // A slot of rowsInserted asking again gets nothing until this page is in.
    if (parent.isValid() || m_fetching) {
        return;
    }
    if (!m_cacheExhausted) {
        const qint64 oldest = oldestMessageSeq();
        const int pageSize = olderPageSize();
        auto older = m_cache.messages(m_chatId, oldest, pageSize);
        if (static_cast<int>(older.size()) < pageSize) {
            m_cacheExhausted = true;
        }
        const qint64 floor = m_cacheExhausted || older.empty() ? 0 : older.front().seq;
        auto lines = m_cache.systemLines(m_chatId, floor, oldest);
        m_fetching = true;
        const int inserted = insertConfirmed(std::move(older), std::move(lines), false);
        m_fetching = false;
        trimTexts();
        if (inserted > 0) {
            return;
        }
    }
    const qint64 oldest = oldestMessageSeq();
    const qint64 first = confirmedCount() > 0 ? m_rows.seq(0) : 0;
    if (oldest > 1 && first > 1 && !m_serverAsked) {
        m_serverAsked = true;
        Q_EMIT olderHistoryNeeded(m_chatId, oldest);
    }
}

qint64 MessageListModel::oldestMessageSeq() const {
    for (int i = 0; i < confirmedCount(); ++i) {
        if (!isSystem(i)) {
            return m_rows.seq(i);
        }
    }
    return 0;
}

int MessageListModel::positionOf(qint64 seq) const {
    int lo = 0;
    for (int hi = confirmedCount(); lo < hi;) {
        const int mid = lo + (hi - lo) / 2;
        if (m_rows.seq(mid) < seq) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

int MessageListModel::insertConfirmed(std::vector<cache::MessageRow> messages,
                                      std::vector<cache::SystemLineRow> lines,
                                      bool announceNeighbours) {
    const auto shown = [this](qint64 seq) {
        const int at = positionOf(seq);
        return at < confirmedCount() && m_rows.seq(at) == seq;
    };
    std::erase_if(messages, [&](const cache::MessageRow& row) { return shown(row.seq); });
    std::erase_if(lines, [&](const cache::SystemLineRow& row) { return shown(row.seq); });
    const int total = static_cast<int>(messages.size() + lines.size());
    // Runs from the newest back, so the positions found before them stay valid.
    size_t messagesEnd = messages.size();
    size_t linesEnd = lines.size();
    while (messagesEnd > 0 || linesEnd > 0) {
        const qint64 last = std::max(messagesEnd > 0 ? messages[messagesEnd - 1].seq : 0,
                                     linesEnd > 0 ? lines[linesEnd - 1].seq : 0);
        const int position = positionOf(last);
        // Everything above the row before `position` lands there too.
        const qint64 below = position > 0 ? m_rows.seq(position - 1) : 0;
        size_t messagesBegin = messagesEnd;
        while (messagesBegin > 0 && messages[messagesBegin - 1].seq > below) {
            --messagesBegin;
        }
        size_t linesBegin = linesEnd;
        while (linesBegin > 0 && lines[linesBegin - 1].seq > below) {
            --linesBegin;
        }
        const std::vector<cache::MessageRow> runMessages(
            std::make_move_iterator(messages.begin() + static_cast<qsizetype>(messagesBegin)),
            std::make_move_iterator(messages.begin() + static_cast<qsizetype>(messagesEnd)));
        const std::vector<cache::SystemLineRow> runLines(
            lines.begin() + static_cast<qsizetype>(linesBegin),
            lines.begin() + static_cast<qsizetype>(linesEnd));
        const int count = static_cast<int>(runMessages.size() + runLines.size());
        beginInsertRows({}, position, position + count - 1);
        m_rows.insertMerged(position, runMessages, runLines, m_cache.me());
        if (position <= m_focus) {
            m_focus += count;
        }
        endInsertRows();
        if (announceNeighbours) {
            // The neighbours' grouping may change with the new rows.
            for (const int neighbour : {position - 1, position + count}) {
                if (neighbour >= 0 && neighbour < rowCount()) {
                    Q_EMIT dataChanged(index(neighbour), index(neighbour), {LayoutVersionRole});
                }
            }
        }
        messagesEnd = messagesBegin;
        linesEnd = linesBegin;
    }
    return total;
}

QString MessageListModel::previousChatOf(int row) const {
    if (!isSystem(row) || m_rows.systemType(row) != QLatin1String("chat.updated")) {
        return {};
    }
    for (int i = row - 1; i >= 0; --i) {
        if (isSystem(i) && m_rows.systemType(i) == QLatin1String("chat.updated")) {
            const QJsonObject data =
                QJsonDocument::fromJson(m_rows.systemData(i).toUtf8()).object();
            return QString::fromUtf8(QJsonDocument(data.value(QStringLiteral("chat")).toObject())
                                         .toJson(QJsonDocument::Compact));
        }
    }
    // No earlier change, and the history starts at the group's creation (seq 1): the settings
    // were the defaults a new group gets. Its first name and description are not known, so they
    // count as unchanged and a rename still reads as "updated the group".
    if (confirmedCount() == 0 || m_rows.seq(0) != 1) {
        return {};
    }
    QJsonObject before = QJsonDocument::fromJson(m_rows.systemData(row).toUtf8())
                             .object()
                             .value(QStringLiteral("chat"))
                             .toObject();
    before.insert(QStringLiteral("settings"),
                  QJsonObject{{QStringLiteral("slow_mode_s"), 0},
                              {QStringLiteral("only_admins_post"), false}});
    return QString::fromUtf8(QJsonDocument(before).toJson(QJsonDocument::Compact));
}

int MessageListModel::rowOfMessage(qint64 messageId) const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        if (!isSystem(i) && m_rows.id(i) == messageId) {
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
    // A dropped row's client id is only in the cache.
    if (m_rows.droppedCount() > 0) {
        const qint64 seq = m_cache.seqOfClientId(m_chatId, clientId);
        const int at = seq > 0 ? positionOf(seq) : confirmedCount();
        if (at < confirmedCount() && m_rows.seq(at) == seq && !isSystem(at)) {
            return at;
        }
    }
    return -1;
}

void MessageListModel::ensureTexts(int row) const {
    if (row >= confirmedCount()) {
        return;
    }
    m_focus = row;
    if (!m_rows.dropped(row)) {
        return;
    }
    const int first = std::max(0, row - kReloadRadius);
    const int last = std::min(confirmedCount() - 1, row + kReloadRadius);
    const auto fresh = m_cache.messagesBetween(m_chatId, m_rows.seq(first), m_rows.seq(last));
    int at = first;
    for (const cache::MessageRow& message : fresh) {
        while (at <= last && m_rows.seq(at) < message.seq) {
            ++at;
        }
        if (at <= last && m_rows.seq(at) == message.seq && m_rows.dropped(at)) {
            m_rows.restore(at, message, m_cache.me());
        }
    }
    trimTexts();
}

void MessageListModel::trimTexts() const {
    const int confirmed = confirmedCount();
    if (confirmed - m_rows.droppedCount() <= kMaxTextRows) {
        return;
    }
    for (int i = 0; i < confirmed; ++i) {
        if (std::abs(i - m_focus) > kTextRadius) {
            m_rows.dropTexts(i);
        }
    }
    m_rows.compactIfWasteful();
}

void MessageListModel::prepareRows(int first, int last) {
    last = std::min(last, confirmedCount() - 1);
    for (int row = std::max(0, first); row <= last; ++row) {
        if (m_rows.dropped(row)) {
            ensureTexts(row);
        }
    }
    if (first <= last) {
        m_focus = first + (last - first) / 2;
    }
}

qint64 MessageListModel::lastOwnMessageId() const {
    for (int i = confirmedCount() - 1; i >= 0; --i) {
        if (!isSystem(i) && m_rows.sender(i) == m_cache.me() && !m_rows.deleted(i)) {
            return m_rows.id(i);
        }
    }
    return 0;
}

void MessageListModel::onMessageAdded(qint64 chatId, qint64 messageId, qint64 seq) {
    if (chatId != m_chatId || rowOfMessage(messageId) >= 0) {
        return;
    }
    // Older than what is loaded (a history page from the server, or a part not loaded yet):
    // fetchMore brings it when the user scrolls up.
    const qint64 oldest = oldestMessageSeq();
    if (oldest > 0 && seq < oldest) {
        m_cacheExhausted = false;
        m_serverAsked = false;
        return;
    }
    const auto row = m_cache.message(messageId);
    if (!row) {
        return;
    }
    insertConfirmed({*row}, {}, true);
}

void MessageListModel::onSystemLineAdded(qint64 chatId, qint64 seq) {
    if (chatId != m_chatId) {
        return;
    }
    // Below a part of the history not loaded yet: fetchMore brings it with that part.
    const qint64 oldest = oldestMessageSeq();
    if (!m_cacheExhausted && oldest > 0 && seq < oldest) {
        return;
    }
    insertConfirmed({}, m_cache.systemLines(m_chatId, seq - 1, seq + 1), true);
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
        if (isSystem(i)) {
            continue;
        }
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
        if (m_rows.sender(i) == userId || m_rows.subject(i) == userId) {
            Q_EMIT dataChanged(index(i), index(i),
                               {SenderNameRole, SubjectNameRole, LayoutVersionRole});
        }
    }
}

}  // namespace client::models
