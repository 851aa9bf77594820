// The rail's chats filtered by the search field (by name, any case); rows answer their accessible
// text for screen readers.
#pragma once

#include <QSortFilterProxyModel>

namespace client::ui {

class ChatFilterModel : public QSortFilterProxyModel {
    Q_OBJECT
public:
    explicit ChatFilterModel(QObject* parent = nullptr);

    QVariant data(const QModelIndex& index, int role) const override;
};

}  // namespace client::ui
