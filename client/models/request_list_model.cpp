#include "client/models/request_list_model.h"

#include <QDateTime>
#include <algorithm>

namespace client::models {

RequestListModel::RequestListModel(cache::ChatCache& cache, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache) {
    reload();
    connect(&m_cache, &cache::ChatCache::reset, this, &RequestListModel::reload);
    connect(&m_cache, &cache::ChatCache::requestsChanged, this, &RequestListModel::reload);
}

int RequestListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant RequestListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const cache::RequestRow& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return row.other.displayName;
        case RequestIdRole:
            return row.id;
        case IncomingRole:
            return row.incoming;
        case UserIdRole:
            return row.other.id;
        case UsernameRole:
            return row.other.username;
        case TimestampRole:
            return QDateTime::fromMSecsSinceEpoch(row.ts);
        default:
            return {};
    }
}

QHash<int, QByteArray> RequestListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{RequestIdRole, "requestId"},
                  {IncomingRole, "incoming"},
                  {UserIdRole, "userId"},
                  {UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {TimestampRole, "timestamp"}});
    return names;
}

int RequestListModel::incomingCount() const {
    return static_cast<int>(
        std::count_if(m_rows.begin(), m_rows.end(), [](const auto& row) { return row.incoming; }));
}

void RequestListModel::reload() {
    beginResetModel();
    m_rows = m_cache.requests();
    endResetModel();
}

}  // namespace client::models
