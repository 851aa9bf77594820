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
    // A row's height as last measured, for the layout version and width it was measured at.
    struct Height {
        quint64 version = 0;
        int width = 0;
        int height = 0;
    };
    static MessageItem systemItemAt(const QModelIndex& index);
    // The row's identity among the chat's rows: its seq, or for an outbox row its client id.
    static quint64 heightKeyOf(const QModelIndex& index);
    // Changes whenever the row's look may: the model's layout version, or for a system line
    // (whose sentence may depend on rows further up) a hash of its whole item.
    static quint64 layoutVersionOf(const QModelIndex& index);
    // The heights are measured in one font: another font forgets them all.
    void useFont(const QFont& font) const;
    MessageLayout::Hit hitAt(const QStyleOptionViewItem& option, const QModelIndex& index,
                             const QPoint& pos) const;

    // Keyed by message key; a width, data or font change rebuilds the entry.
    mutable QHash<QString, Entry> m_cache;
    // Keyed by heightKeyOf, unbounded (about 30 bytes a row): the view asks every row's size
    // again at each page of history inserted above, and must neither lay text out for it nor
    // read the row's texts (the model may have dropped those of rows far from the viewport).
    mutable QHash<quint64, Height> m_heights;
    mutable QFont m_heightsFont;
    mutable qint64 m_layoutsBuilt = 0;
    QString m_myUsername;         // lowercase
    QSet<QString> m_memberNames;  // lowercase
};

}  // namespace client::ui
