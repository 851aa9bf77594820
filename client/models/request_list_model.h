// Pending friend requests as the cache holds them: incoming first, then outgoing, newest first.
#pragma once

#include <QAbstractListModel>
#include <vector>

#include "client/cache/chat_cache.h"

namespace client::models {

class RequestListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        RequestIdRole = Qt::UserRole + 1,  // qint64
        IncomingRole,                      // bool
        UserIdRole,                        // qint64: the other person
        UsernameRole,                      // QString
        DisplayNameRole,                   // QString
        TimestampRole,                     // QDateTime
    };

    explicit RequestListModel(cache::ChatCache& cache, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int incomingCount() const;

private:
    void reload();

    cache::ChatCache& m_cache;
    std::vector<cache::RequestRow> m_rows;
};

}  // namespace client::models
