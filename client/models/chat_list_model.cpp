#include "client/models/chat_list_model.h"

#include <QDateTime>
#include <algorithm>

namespace client::models {
namespace {

bool before(const cache::ChatRow& a, const cache::ChatRow& b) {
    if (a.activityTs != b.activityTs) {
        return a.activityTs > b.activityTs;
    }
    return a.id > b.id;
}

}  // namespace

ChatListModel::ChatListModel(cache::ChatCache& cache, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_rows(cache.chats()) {
    connect(&m_cache, &cache::ChatCache::reset, this, [this] {
        beginResetModel();
        m_rows = m_cache.chats();
        endResetModel();
    });
    connect(&m_cache, &cache::ChatCache::chatChanged, this, &ChatListModel::reloadChat);
    connect(&m_cache, &cache::ChatCache::chatRemoved, this, &ChatListModel::removeChat);
    connect(&m_cache, &cache::ChatCache::userChanged, this, &ChatListModel::onUserChanged);
    m_typingTimer.setSingleShot(true);
    connect(&m_typingTimer, &QTimer::timeout, this, &ChatListModel::expireTyping);
}

int ChatListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant ChatListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cache::ChatRow& chat = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case TitleRole:
            return chat.title();
        case ChatIdRole:
            return chat.id;
        case AvatarSeedRole:
            return chat.peer ? chat.peer->username : chat.name;
        case PreviewRole:
            if (chat.lastMessageId == 0) {
                return QString();
            }
            if (chat.lastMessageDeleted) {
                return tr("Message deleted");
            }
            return chat.lastMessageSender == m_cache.me() ? tr("You: %1").arg(chat.lastMessageText)
                                                          : chat.lastMessageText;
        case TimestampRole:
            return chat.activityTs > 0 ? QDateTime::fromMSecsSinceEpoch(chat.activityTs)
                                       : QDateTime();
        case UnreadRole:
            return static_cast<int>(chat.unread);
        case TypingRole:
            return isTyping(chat.id);
        case PeerOnlineRole:
            return chat.peer && chat.peer->online;
        case IsDirectRole:
            return chat.direct;
        default:
            return {};
    }
}

QHash<int, QByteArray> ChatListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{ChatIdRole, "chatId"},
                  {TitleRole, "title"},
                  {AvatarSeedRole, "avatarSeed"},
                  {PreviewRole, "preview"},
                  {TimestampRole, "timestamp"},
                  {UnreadRole, "unread"},
                  {TypingRole, "typing"},
                  {PeerOnlineRole, "peerOnline"},
                  {IsDirectRole, "isDirect"}});
    return names;
}

int ChatListModel::rowOf(qint64 chatId) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == chatId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

qint64 ChatListModel::chatIdAt(int row) const {
    return row >= 0 && row < rowCount() ? m_rows[static_cast<size_t>(row)].id : 0;
}

int ChatListModel::targetRow(const cache::ChatRow& chat, int ignoreRow) const {
    int target = 0;
    for (int i = 0; i < rowCount(); ++i) {
        if (i != ignoreRow && before(m_rows[static_cast<size_t>(i)], chat)) {
            ++target;
        }
    }
    return target;
}

void ChatListModel::reloadChat(qint64 chatId) {
    const auto fresh = m_cache.chat(chatId);
    const int row = rowOf(chatId);
    if (!fresh) {
        if (row >= 0) {
            removeChat(chatId);
        }
        return;
    }
    if (row < 0) {
        const int target = targetRow(*fresh, -1);
        beginInsertRows({}, target, target);
        m_rows.insert(m_rows.begin() + target, *fresh);
        endInsertRows();
        return;
    }
    const int target = targetRow(*fresh, row);
    if (target != row) {
        // beginMoveRows counts the destination before the row is taken out.
        beginMoveRows({}, row, row, {}, target > row ? target + 1 : target);
        m_rows.erase(m_rows.begin() + row);
        m_rows.insert(m_rows.begin() + target, *fresh);
        endMoveRows();
    } else {
        m_rows[static_cast<size_t>(row)] = *fresh;
    }
    const QModelIndex changed = index(target);
    Q_EMIT dataChanged(changed, changed);
}

void ChatListModel::removeChat(qint64 chatId) {
    const int row = rowOf(chatId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
    m_typingUntil.remove(chatId);
}

void ChatListModel::onUserChanged(qint64 userId) {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].peer && m_rows[i].peer->id == userId) {
            if (const auto user = m_cache.user(userId)) {
                m_rows[i].peer = *user;
            }
            const QModelIndex changed = index(static_cast<int>(i));
            Q_EMIT dataChanged(changed, changed, {TitleRole, AvatarSeedRole, PeerOnlineRole});
        }
    }
}

void ChatListModel::noteTyping(qint64 chatId) {
    const bool was = isTyping(chatId);
    m_typingUntil.insert(chatId, QDateTime::currentMSecsSinceEpoch() + kTypingMs);
    if (!m_typingTimer.isActive()) {
        m_typingTimer.start(kTypingMs);
    }
    const int row = rowOf(chatId);
    if (!was && row >= 0) {
        Q_EMIT dataChanged(index(row), index(row), {TypingRole});
    }
}

bool ChatListModel::isTyping(qint64 chatId) const {
    const auto found = m_typingUntil.constFind(chatId);
    return found != m_typingUntil.cend() && *found > QDateTime::currentMSecsSinceEpoch();
}

void ChatListModel::expireTyping() {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 next = 0;
    for (auto it = m_typingUntil.begin(); it != m_typingUntil.end();) {
        if (it.value() <= now) {
            const int row = rowOf(it.key());
            it = m_typingUntil.erase(it);
            if (row >= 0) {
                Q_EMIT dataChanged(index(row), index(row), {TypingRole});
            }
        } else {
            next = next == 0 ? it.value() : std::min(next, it.value());
            ++it;
        }
    }
    if (next > 0) {
        m_typingTimer.start(static_cast<int>(next - now) + 1);
    }
}

}  // namespace client::models
