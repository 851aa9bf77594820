#include "client/models/user_search_model.h"

namespace client::models {

UserSearchModel::UserSearchModel(QObject* parent) : QAbstractListModel(parent) {}

int UserSearchModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_users.size());
}

QVariant UserSearchModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const protocol::User& user = m_users[static_cast<size_t>(index.row())];
    switch (role) {
        case Qt::DisplayRole:
        case DisplayNameRole:
            return QString::fromStdString(user.displayName);
        case UserIdRole:
            return qint64(user.id);
        case UsernameRole:
            return QString::fromStdString(user.username);
        case OnlineRole:
            return user.status == protocol::Presence::Online;
        default:
            return {};
    }
}

QHash<int, QByteArray> UserSearchModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{UserIdRole, "userId"},
                  {UsernameRole, "username"},
                  {DisplayNameRole, "displayName"},
                  {OnlineRole, "online"}});
    return names;
}

void UserSearchModel::setResults(const QString& query, const std::vector<protocol::User>& users,
                                 qint64 selfId) {
    beginResetModel();
    m_query = query;
    m_users.clear();
    for (const auto& user : users) {
        if (user.id != selfId) {
            m_users.push_back(user);
        }
    }
    endResetModel();
}

void UserSearchModel::clear() {
    setResults(QString(), {}, 0);
}

}  // namespace client::models
