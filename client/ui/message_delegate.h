// Paints the messages of a conversation from a MessageListModel, one cached MessageLayout per
// message and width, and turns clicks on links, reactions and "retry" into signals.
#pragma once

#include <QHash>
#include <QStyledItemDelegate>
#include <QUrl>
#include <memory>

#include "client/ui/message_item.h"
#include "client/ui/message_layout.h"

namespace client::ui {

class MessageDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    explicit MessageDelegate(QObject* parent = nullptr);

    // The row's message with what its neighbours decide (day separator, grouping).
    static MessageItem itemAt(const QModelIndex& index);
    // The row's layout at `width`, built or taken from the cache; valid until the next call.
    const MessageLayout& layoutFor(const QModelIndex& index, int width, const QFont& font) const;
    void clearCache() { m_cache.clear(); }
    int cachedLayouts() const { return static_cast<int>(m_cache.size()); }

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;
    bool helpEvent(QHelpEvent* event, QAbstractItemView* view, const QStyleOptionViewItem& option,
                   const QModelIndex& index) override;

Q_SIGNALS:
    void linkActivated(const QUrl& url);
    void reactionClicked(const QModelIndex& index, const QString& emoji);
    void retryClicked(const QModelIndex& index);
    void quoteClicked(const QModelIndex& index);

private:
    struct Entry {
        std::shared_ptr<MessageLayout> layout;
        QFont font;
    };
    MessageLayout::Hit hitAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                             const QPoint& pos) const;

    // Keyed by message key; a width, data or font change rebuilds the entry.
    mutable QHash<QString, Entry> m_cache;
};

}  // namespace client::ui
