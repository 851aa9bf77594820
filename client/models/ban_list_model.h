// The users banned from one group, as the server last listed them (GET /chats/{id}/bans), newest
// ban first, each with who banned them, why and when.
#pragma once

#include <QAbstractListModel>
#include <functional>
#include <vector>

#include "common/wire_types.h"

namespace client::models {

class BanListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,  // qint64
        UsernameRole,                   // QString
        DisplayNameRole,                // QString
        ActorIdRole,                    // qint64
        ActorNameRole,                  // QString: who banned them, as the viewer knows them
        ReasonRole,                     // QString, empty when none was given
        TimestampMsRole,                // qint64 ms since the epoch
    };
    // The display name of a user the viewer knows; empty when unknown.
    using NameOf = std::function<QString(qint64 userId)>;

    explicit BanListModel(NameOf nameOf = {}, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    int rowOf(qint64 userId) const;

    // Replaces the whole list.
    void setBans(const std::vector<protocol::BanEntry>& bans);
    // Drops one ban at once (an unban the server accepted).
    void remove(qint64 userId);

private:
    NameOf m_nameOf;
    std::vector<protocol::BanEntry> m_rows;
};

}  // namespace client::models
