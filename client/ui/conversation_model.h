// The conversation's view of a MessageListModel: rows answer their accessible text, and older
// history loads only when the view asks (fetchOlder), never from Qt's bottom-of-list fetchMore.
#pragma once

#include <QIdentityProxyModel>

#include "client/models/message_list_model.h"

namespace client::ui {

class ConversationModel : public QIdentityProxyModel {
    Q_OBJECT
public:
    explicit ConversationModel(models::MessageListModel& source, QObject* parent = nullptr);

    models::MessageListModel& messages() const { return m_source; }
    QVariant data(const QModelIndex& index, int role) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    bool hasOlder() const;
    void fetchOlder();
    // The highest seq among the rows (outbox rows have none); 0 when empty.
    qint64 latestSeq() const;

private:
    models::MessageListModel& m_source;
};

}  // namespace client::ui
