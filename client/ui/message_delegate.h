// Paints the messages of a conversation from a MessageListModel, one cached MessageLayout per
// visible message and width plus every row's height, and turns clicks into signals.
#pragma once

#include <QHash>
#include <QSet>
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
    // A system row (a member event) becomes an item with `system` set and its sentence.
    static MessageItem itemAt(const QModelIndex& index);
    // The sentence of a system row for the viewer `me` (ViewerIdRole).
    static QString systemTextAt(const QModelIndex& index, qint64 me);
    // itemAt plus what this delegate knows of the chat: the mentions in the text.
    MessageItem paintedItemAt(const QModelIndex& index) const;
    // The viewer's username and the chat's members' (any case): `@name` of a member is drawn
    // as a mention, and a message naming the viewer is highlighted. Empty sets: no mentions.
    void setMentionContext(const QString& myUsername, const QSet<QString>& memberUsernames);
    // The row's layout at `width`, built or taken from the cache; valid until the next call.
    const MessageLayout& layoutFor(const QModelIndex& index, int width, const QFont& font) const;
    void clearCache() {
        m_cache.clear();
        m_heights.clear();
    }
    int cachedLayouts() const { return static_cast<int>(m_cache.size()); }
    // Text layouts built since construction: a relayout of known rows builds none.
    qint64 layoutsBuilt() const { return m_layoutsBuilt; }

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
    struct Height {
        size_t version = 0;  // hash of the MessageItem the height was measured for
        int width = 0;
        QFont font;
        int height = 0;
    };
    static MessageItem systemItemAt(const QModelIndex& index);
    MessageLayout::Hit hitAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                             const QPoint& pos) const;

    // Keyed by message key; a width, data or font change rebuilds the entry.
    mutable QHash<QString, Entry> m_cache;
    // Keyed by message key, unbounded (a few dozen bytes a row): the view asks every row's size
    // again at each page of history inserted above, and must not lay text out for it.
    mutable QHash<QString, Height> m_heights;
    mutable qint64 m_layoutsBuilt = 0;
    QString m_myUsername;         // lowercase
    QSet<QString> m_memberNames;  // lowercase
};

}  // namespace client::ui
