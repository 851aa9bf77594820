#include "client/ui/chat_filter_model.h"

#include "client/models/chat_list_model.h"
#include "client/ui/chat_list_delegate.h"

namespace client::ui {

ChatFilterModel::ChatFilterModel(QObject* parent) : QSortFilterProxyModel(parent) {
    setFilterRole(models::ChatListModel::TitleRole);
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    // The source is already ordered by activity; the proxy keeps that order.
    setDynamicSortFilter(true);
}

QVariant ChatFilterModel::data(const QModelIndex& index, int role) const {
    if (role == Qt::AccessibleTextRole) {
        return ChatListDelegate::accessibleText(index);
    }
    if (role == Qt::DisplayRole) {
        return index.data(models::ChatListModel::TitleRole);
    }
    return QSortFilterProxyModel::data(index, role);
}

}  // namespace client::ui
