#include "client/models/ban_list_model.h"

#include <algorithm>

#include "client/net/convert.h"

namespace client::models {

BanListModel::BanListModel(NameOf nameOf, QObject* parent)
    : QAbstractListModel(parent), m_nameOf(std::move(nameOf)) {}

int BanListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

QVariant BanListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const protocol::BanEntry& row = m_rows[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return row.user.displayName.empty() ? net::toQString(row.user.username)
                                                : net::toQString(row.user.displayName);
        case UserIdRole:
            return static_cast<qint64>(row.user.id);
        case UsernameRole:
            return net::toQString(row.user.username);
        case ActorIdRole:
            return static_cast<qint64>(row.actor);
        case ActorNameRole: {
            const QString name = m_nameOf ? m_nameOf(row.actor) : QString();
            return name.isEmpty() ? tr("a former member") : name;
        }
        case ReasonRole:
            return net::toQString(row.reason);
        case TimestampMsRole:
            return static_cast<qint64>(row.ts);
        default:
            return {};
    }
}

QHash<int, QByteArray> BanListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"},
                  {UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {ActorIdRole, "actorId"},
                  {ActorNameRole, "actorName"},
                  {ReasonRole, "reason"},
                  {TimestampMsRole, "timestampMs"}});
    return names;
}

int BanListModel::rowOf(qint64 userId) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].user.id == userId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

// A ban list is short and changes on a ban, an unban or a refresh: one reset per change.
void BanListModel::setBans(const std::vector<protocol::BanEntry>& bans) {
    std::vector<protocol::BanEntry> rows = bans;
    std::stable_sort(rows.begin(), rows.end(),
                     [](const auto& a, const auto& b) { return a.ts > b.ts; });
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void BanListModel::remove(qint64 userId) {
    const int row = rowOf(userId);
    if (row < 0) {
        return;
    }
    beginRemoveRows({}, row, row);
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

}  // namespace client::models
