#include "client/ui/member_delegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QPainter>

#include "client/models/member_list_model.h"
#include "client/ui/avatar_widget.h"
#include "client/ui/chat_list_delegate.h"
#include "client/ui/theme.h"

namespace client::ui {
namespace {

using Model = models::MemberListModel;
constexpr qreal kInset = 8;

// Asked of the row above in the view's own model, so a filtered list still heads each role.
bool startsSection(const QModelIndex& index) {
    if (index.row() == 0) {
        return true;
    }
    const QModelIndex above = index.siblingAtRow(index.row() - 1);
    return above.data(Model::MemberRoleRole) != index.data(Model::MemberRoleRole);
}

}  // namespace

MemberDelegate::MemberDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QString MemberDelegate::sectionText(const QModelIndex& index) {
    return QStringLiteral("%1 — %2")
        .arg(index.data(Model::RoleNameRole).toString().toUpper())
        .arg(index.data(Model::SectionCountRole).toInt());
}

QString MemberDelegate::accessibleText(const QModelIndex& index) {
    QStringList parts{index.data(Model::NameRole).toString(),
                      index.data(Model::RoleNameRole).toString()};
    parts << (index.data(Model::OnlineRole).toBool() ? tr("online") : tr("offline"));
    if (index.data(Model::MutedUntilRole).toLongLong() > 0) {
        parts << tr("muted");
    }
    return parts.join(QStringLiteral(", "));
}

QSize MemberDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const {
    return {qMax(option.rect.width(), 160),
            kRowHeight + (startsSection(index) ? kSectionHeight : 0)};
}

void MemberDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                           const QModelIndex& index) const {
    const Theme theme = Theme::forPalette(QApplication::palette());
    const Theme::Colors& c = theme.colors();
    QRectF area(option.rect);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);

    if (startsSection(index)) {
        QFont section = option.font;
        section.setPixelSize(theme.type().caption - 1);
        section.setWeight(QFont::DemiBold);
        section.setLetterSpacing(QFont::AbsoluteSpacing, 0.6);
        painter->setFont(section);
        painter->setPen(c.textMuted);
        const QRectF heading(area.left() + kInset + 10, area.top() + 8, area.width() - 36,
                             kSectionHeight - 8);
        painter->drawText(heading, Qt::AlignLeft | Qt::AlignVCenter, sectionText(index));
        area.setTop(area.top() + kSectionHeight);
    }

    const QRectF row = area.adjusted(kInset, 2, -kInset, -2);
    const bool selected = option.state.testFlag(QStyle::State_Selected);
    const bool hovered = option.state.testFlag(QStyle::State_MouseOver);
    if (selected || hovered) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(selected ? c.selection : c.hover);
        painter->drawRoundedRect(row, theme.radius().md, theme.radius().md);
    }

    const QString name = index.data(Model::NameRole).toString();
    const QString username = index.data(Model::UsernameRole).toString();
    const QRectF avatar(row.left() + 10, row.center().y() - kAvatarSize / 2.0, kAvatarSize,
                        kAvatarSize);
    painter->setFont(option.font);
    paintAvatar(*painter, avatar, name, AvatarWidget::seedOf(username));
    const bool online = index.data(Model::OnlineRole).toBool();
    if (online) {
        const QRectF dot(avatar.right() - 9, avatar.bottom() - 9, 11, 11);
        painter->setPen(QPen(selected ? c.selection : (hovered ? c.hover : c.rail), 2));
        painter->setBrush(c.online);
        painter->drawEllipse(dot);
    }

    const qreal textLeft = avatar.right() + 10;
    const qreal textRight = row.right() - 10;
    QFont nameFont = option.font;
    nameFont.setPixelSize(theme.type().body);
    nameFont.setWeight(QFont::DemiBold);
    QFont smallFont = option.font;
    smallFont.setPixelSize(theme.type().caption);

    QString tag;
    if (index.data(Model::IsMeRole).toBool()) {
        tag = tr("you");
    }
    const QFontMetricsF smallFm(smallFont);
    const qreal tagWidth = tag.isEmpty() ? 0 : smallFm.horizontalAdvance(tag) + 8;
    painter->setFont(smallFont);
    painter->setPen(c.textMuted);
    if (!tag.isEmpty()) {
        painter->drawText(QRectF(textRight - tagWidth, row.top() + 6, tagWidth, 18),
                          Qt::AlignRight | Qt::AlignVCenter, tag);
    }

    const qreal nameWidth = textRight - textLeft - tagWidth;
    painter->setFont(nameFont);
    painter->setPen(online ? c.text : c.textSecondary);
    painter->drawText(QRectF(textLeft, row.top() + 5, nameWidth, 20),
                      Qt::AlignLeft | Qt::AlignVCenter,
                      QFontMetricsF(nameFont).elidedText(name, Qt::ElideRight, nameWidth));

    QString second = QStringLiteral("@") + username;
    const bool muted = index.data(Model::MutedUntilRole).toLongLong() > 0;
    painter->setFont(smallFont);
    const qreal secondWidth = textRight - textLeft;
    painter->setPen(c.textMuted);
    const QString elided = smallFm.elidedText(second, Qt::ElideRight, secondWidth - 60);
    painter->drawText(QRectF(textLeft, row.top() + 24, secondWidth, 18),
                      Qt::AlignLeft | Qt::AlignVCenter, elided);
    if (muted) {
        const qreal at = textLeft + smallFm.horizontalAdvance(elided) + 8;
        painter->setPen(c.warning);
        painter->drawText(QRectF(at, row.top() + 24, textRight - at, 18),
                          Qt::AlignLeft | Qt::AlignVCenter, tr("muted"));
    }
    painter->restore();
}

}  // namespace client::ui
