#include "client/models/friend_list_model.h"

#include <QDateTime>
#include <algorithm>

namespace client::models {

FriendListModel::FriendListModel(cache::ChatCache& cache, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache) {
    reload();
    connect(&m_cache, &cache::ChatCache::reset, this, &FriendListModel::reload);
    connect(&m_cache, &cache::ChatCache::friendsChanged, this, &FriendListModel::reload);
    connect(&m_cache, &cache::ChatCache::userChanged, this, &FriendListModel::onUserChanged);
}

int FriendListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant FriendListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cache::FriendRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return row.user.displayName;
        case UserIdRole:
            return row.user.id;
        case UsernameRole:
            return row.user.username;
        case OnlineRole:
            return row.user.online;
        case LastSeenRole:
            return row.user.lastSeen ? QDateTime::fromMSecsSinceEpoch(*row.user.lastSeen)
                                     : QDateTime();
        case ChatIdRole:
            return row.chatId;
        default:
            return {};
    }
}

QHash<int, QByteArray> FriendListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"},
                  {UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {OnlineRole, "online"},
                  {LastSeenRole, "lastSeen"},
                  {ChatIdRole, "chatId"}});
    return names;
}

int FriendListModel::rowOf(qint64 userId) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].user.id == userId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The list is short and changes rarely as a whole (an accept, an unfriend): one reset per change.
void FriendListModel::reload() {
    beginResetModel();
    m_rows = m_cache.friends();
    endResetModel();
}

void FriendListModel::onUserChanged(qint64 userId) {
    const int row = rowOf(userId);
    if (row < 0) {
        return;
    }
    if (const auto user = m_cache.user(userId)) {
        m_rows[static_cast<size_t>(row)].user = *user;
        Q_EMIT dataChanged(index(row), index(row));
    }
}

}  // namespace client::models
