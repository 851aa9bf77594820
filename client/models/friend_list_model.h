// The signed-in user's friends as the cache holds them, with presence, by display name.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "client/cache/chat_cache.h"

namespace client::models {

class FriendListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,  // qint64
        UsernameRole,                   // QString
        DisplayNameRole,                // QString
        OnlineRole,                     // bool
        LastSeenRole,                   // QDateTime, invalid when unknown
        ChatIdRole,                     // qint64: the direct chat with them
    };

    explicit FriendListModel(cache::ChatCache& cache, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(qint64 userId) const;

private:
    void reload();
    void onUserChanged(qint64 userId);

    cache::ChatCache& m_cache;
    std::vector<cache::FriendRow> m_rows;
};

}  // namespace client::models
