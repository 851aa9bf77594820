#include "client/ui/conversation_model.h"

#include <QDateTime>

#include "client/ui/message_delegate.h"

namespace client::ui {

ConversationModel::ConversationModel(models::MessageListModel& source, QObject* parent)
    : QIdentityProxyModel(parent), m_source(source) {
    setSourceModel(&source);
}

QVariant ConversationModel::data(const QModelIndex& index, int role) const {
    if (role == Qt::AccessibleTextRole || role == Qt::DisplayRole) {
        if (!index.isValid()) {
            return {};
        }
        const MessageItem item = MessageDelegate::itemAt(index);
        if (item.system) {
            return item.systemText;
        }
        const QString who = item.own ? tr("You") : item.senderName;
        const QString text = item.deleted ? tr("This message was deleted") : item.text;
        return role == Qt::DisplayRole ? text
                                       : tr("%1: %2, %3")
                                             .arg(who, text,
                                                  QDateTime::fromMSecsSinceEpoch(item.timeMs)
                                                      .toString(QStringLiteral("HH:mm")));
    }
    return QIdentityProxyModel::data(index, role);
}

bool ConversationModel::canFetchMore(const QModelIndex&) const {
    return false;
}

void ConversationModel::fetchMore(const QModelIndex&) {}

bool ConversationModel::hasOlder() const {
    return m_source.canFetchMore({});
}

void ConversationModel::fetchOlder() {
    if (m_source.canFetchMore({})) {
        m_source.fetchMore({});
    }
}

qint64 ConversationModel::latestSeq() const {
    for (int row = m_source.rowCount() - 1; row >= 0; --row) {
        const qint64 seq = m_source.index(row).data(models::MessageListModel::SeqRole).toLongLong();
        if (seq > 0) {
            return seq;
        }
    }
    return 0;
}

}  // namespace client::ui
