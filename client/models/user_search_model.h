// The answer of the last user search: people to send a friend request to.
#pragma once

#include <QAbstractListModel>
#include <QString>
#include <vector>

#include "common/wire_types.h"

namespace client::models {

class UserSearchModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,  // qint64
        UsernameRole,                   // QString
        DisplayNameRole,                // QString
        OnlineRole,                     // bool
    };

    explicit UserSearchModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    QString query() const { return m_query; }
    // Replaces the results; the signed-in user (selfId) is left out.
    void setResults(const QString& query, const std::vector<protocol::User>& users, qint64 selfId);
    void clear();

private:
    QString m_query;
    std::vector<protocol::User> m_users;
};

}  // namespace client::models
