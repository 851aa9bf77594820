// Paints one row of the chat rail from a ChatListModel: avatar with presence dot, name, time,
// last message (or "typing…") and the unread badge.
#pragma once

#include <QStyledItemDelegate>

namespace client::ui {

class ChatListDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kRowHeight = 68;
    static constexpr int kAvatarSize = 46;

    explicit ChatListDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // "99+" past 99.
    static QString badgeText(int unread);
    // The words a screen reader says for a row.
    static QString accessibleText(const QModelIndex& index);
};

// Paints an initials avatar (the AvatarWidget look) at `rect`, for painted lists.
void paintAvatar(QPainter& painter, const QRectF& rect, const QString& name, qint64 seed);

}  // namespace client::ui
