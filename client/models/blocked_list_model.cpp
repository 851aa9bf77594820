#include "client/models/blocked_list_model.h"

#include <algorithm>

#include "client/net/convert.h"

namespace client::models {

BlockedListModel::BlockedListModel(QObject* parent) : QAbstractListModel(parent) {}

int BlockedListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant BlockedListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cache::UserRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return row.displayName;
        case UserIdRole:
            return row.id;
        case UsernameRole:
            return row.username;
        default:
            return {};
    }
}

QHash<int, QByteArray> BlockedListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(
        {{UserIdRole, "userId"}, {UsernameRole, "username"}, {DisplayNameRole, "displayName"}});
    return names;
}

int BlockedListModel::rowOf(qint64 userId) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].id == userId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// The list is short and only changes on a block, an unblock or a sync: one reset per change.
void BlockedListModel::setUsers(const std::vector<protocol::User>& users) {
    std::vector<cache::UserRow> rows;
    rows.reserve(users.size());
    for (const auto& user : users) {
        cache::UserRow row;
        row.id = user.id;
        row.username = net::toQString(user.username);
        row.displayName =
            user.displayName.empty() ? row.username : net::toQString(user.displayName);
        rows.push_back(std::move(row));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.displayName.localeAwareCompare(b.displayName) < 0;
    });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void BlockedListModel::remove(qint64 userId) {
    const int row = rowOf(userId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

}  // namespace client::models
