// The users the signed-in user has blocked, as the server last listed them, by display name.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "client/cache/rows.h"
#include "common/wire_types.h"

namespace client::models {

class BlockedListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,  // qint64
        UsernameRole,                   // QString
        DisplayNameRole,                // QString
    };

    explicit BlockedListModel(QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(qint64 userId) const;

    // Replaces the whole list (the answer of GET /api/v1/blocks).
    void setUsers(const std::vector<protocol::User>& users);
    // Drops one user at once, before the server's list confirms it (an unblock just sent).
    void remove(qint64 userId);

private:
    std::vector<cache::UserRow> m_rows;
};

}  // namespace client::models
