#include "client/ui/chat_list_delegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

#include "client/models/chat_list_model.h"
#include "client/ui/avatar_widget.h"
#include "client/ui/theme.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {
using Model = models::ChatListModel;
constexpr qreal kInset = 8;  // the rounded hover and selection sit inside the rail's edges
}  // namespace

void paintAvatar(QPainter& painter, const QRectF& rect, const QString& name, qint64 seed) {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const QColor color = AvatarWidget::colorFor(name, seed);
    QLinearGradient fill(rect.topLeft(), rect.bottomLeft());
    fill.setColorAt(0, color.lighter(112));
    fill.setColorAt(1, color);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(rect);
    QFont font = painter.font();
    font.setPixelSize(qMax(9, static_cast<int>(rect.height() * 0.38)));
    font.setWeight(QFont::DemiBold);
    font.setItalic(false);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(rect, Qt::AlignCenter, AvatarWidget::initialsOf(name));
    painter.restore();
}

ChatListDelegate::ChatListDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QString ChatListDelegate::badgeText(int unread) {
    return unread > 99 ? QStringLiteral("99+") : QString::number(unread);
}

QString ChatListDelegate::accessibleText(const QModelIndex& index) {
    QStringList parts{index.data(Model::TitleRole).toString()};
    if (index.data(Model::PeerOnlineRole).toBool()) {
        parts << tr("online");
    }
    const int unread = index.data(Model::UnreadRole).toInt();
    if (unread > 0) {
        parts << tr("%n unread", nullptr, unread);
    }
    parts << (index.data(Model::TypingRole).toBool() ? tr("typing")
                                                     : index.data(Model::PreviewRole).toString());
    parts << timefmt::rowTime(index.data(Model::TimestampRole).toDateTime());
    return parts.join(QStringLiteral(", "));
}

QSize ChatListDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return {qMax(option.rect.width(), 200), kRowHeight};
}

void ChatListDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                             const QModelIndex& index) const {
    const Theme theme = Theme::forPalette(QApplication::palette());
    const Theme::Colors& c = theme.colors();
    const QRectF row = QRectF(option.rect).adjusted(kInset, 2, -kInset, -2);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);

    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (selected || hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? c.selection : c.hover);
        painter->drawRoundedRect(row, 10, 10);
    }
    if (option.state.testFlag(QStyle::State_HasFocus) && !selected) {
        painter->setPen(QPen(c.accent, 1));
        painter->setBrush(Qt::NoBrush);
        painter->drawRoundedRect(row.adjusted(0.5, 0.5, -0.5, -0.5), 10, 10);
    }

    const QString title = index.data(Model::TitleRole).toString();
    const QString seed = index.data(Model::AvatarSeedRole).toString();
    const QRectF avatar(row.left() + 10, row.center().y() - kAvatarSize / 2.0, kAvatarSize,
                        kAvatarSize);
    painter->setFont(option.font);
    paintAvatar(*painter, avatar, title, AvatarWidget::seedOf(seed));
    if (index.data(Model::PeerOnlineRole).toBool()) {
        const QRectF dot(avatar.right() - 12, avatar.bottom() - 12, 13, 13);
        painter->setPen(QPen(selected ? c.selection : (hovered ? c.hover : c.rail), 2.5));
        painter->setBrush(c.online);
        painter->drawEllipse(dot);
    }

    const qreal textLeft = avatar.right() + 12;
    const qreal textRight = row.right() - 12;
    QFont nameFont = option.font;
    nameFont.setWeight(QFont::DemiBold);
    nameFont.setPixelSize(15);
    QFont smallFont = option.font;
    smallFont.setPixelSize(12);
    QFont previewFont = option.font;
    previewFont.setPixelSize(13);

    const QString time = timefmt::rowTime(index.data(Model::TimestampRole).toDateTime());
    const int unread = index.data(Model::UnreadRole).toInt();
    const QFontMetricsF smallFm(smallFont);
    const qreal timeWidth = smallFm.horizontalAdvance(time);
    const qreal lineOne = row.top() + 13;
    const qreal lineTwo = row.center().y() + 2;

    painter->setFont(smallFont);
    painter->setPen(unread > 0 ? c.accent : c.textMuted);
    painter->drawText(QRectF(textRight - timeWidth, lineOne, timeWidth, 20),
                      Qt::AlignRight | Qt::AlignVCenter, time);

    painter->setFont(nameFont);
    painter->setPen(c.text);
    const qreal nameWidth = textRight - textLeft - timeWidth - 8;
    painter->drawText(QRectF(textLeft, lineOne, nameWidth, 20), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(title, Qt::ElideRight, nameWidth));

    qreal previewRight = textRight;
    if (unread > 0) {
        QFont badgeFont = smallFont;
        badgeFont.setWeight(QFont::Bold);
        const QString text = badgeText(unread);
        const qreal w = qMax<qreal>(20, QFontMetricsF(badgeFont).horizontalAdvance(text) + 12);
        const QRectF badge(textRight - w, lineTwo + 1, w, 20);
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.accent);
        painter->drawRoundedRect(badge, 10, 10);
        painter->setFont(badgeFont);
        painter->setPen(c.onAccent);
        painter->drawText(badge, Qt::AlignCenter, text);
        previewRight = badge.left() - 8;
    }
    const bool typing = index.data(Model::TypingRole).toBool();
    const QString preview =
        typing ? tr("typing…") : index.data(Model::PreviewRole).toString().simplified();
    painter->setFont(previewFont);
    painter->setPen(typing ? c.accent : c.textSecondary);
    const qreal previewWidth = previewRight - textLeft;
    painter->drawText(QRectF(textLeft, lineTwo, previewWidth, 22), Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(previewFont).elidedText(preview, Qt::ElideRight, previewWidth));
    painter->restore();
}

}  // namespace client::ui
