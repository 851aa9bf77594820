#include "client/ui/contact_delegate.h"

#include <QApplication>
#include <QFontMetricsF>
#include <QMouseEvent>
#include <QPainter>

#include "client/ui/chat_list_delegate.h"
#include "client/ui/theme.h"

namespace client::ui {

namespace {
constexpr qreal kButtonHeight = 32;
constexpr qreal kGap = 8;

QFont buttonFont(const QFont& base) {
    QFont font = base;
    font.setPixelSize(13);
    font.setWeight(QFont::DemiBold);
    return font;
}
}  // namespace

ContactDelegate::ContactDelegate(Describe describe, QObject* parent)
    : QStyledItemDelegate(parent), m_describe(std::move(describe)) {}

QSize ContactDelegate::sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const {
    return {qMax(option.rect.width(), 200), kRowHeight};
}

QVector<QRectF> ContactDelegate::buttonRects(const QStyleOptionViewItem& option,
                                             const Row& row) const {
    const QFontMetricsF fm(buttonFont(option.font));
    QVector<QRectF> rects(row.buttons.size());
    qreal right = option.rect.right() - 16;
    for (qsizetype i = row.buttons.size() - 1; i >= 0; --i) {
        const qreal w = row.buttons[i].label.size() <= 1
                            ? kButtonHeight
                            : fm.horizontalAdvance(row.buttons[i].label) + 28;
        rects[i] =
            QRectF(right - w, option.rect.center().y() - kButtonHeight / 2, w, kButtonHeight);
        right -= w + kGap;
    }
    return rects;
}

void ContactDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const Theme theme = Theme::forPalette(QApplication::palette());
    const Theme::Colors& c = theme.colors();
    const Row row = m_describe(index);
    const QRectF rect = QRectF(option.rect).adjusted(8, 2, -8, -2);
    painter->save();
    painter->setRenderHint(QPainter::Antialiasing);
    if (option.state.testFlag(QStyle::State_MouseOver)) {
        painter->setPen(Qt::NoPen);
        painter->setBrush(c.hover);
        painter->drawRoundedRect(rect, 10, 10);
    }
    const QRectF avatar(rect.left() + 10, rect.center().y() - 20, 40, 40);
    painter->setFont(option.font);
    paintAvatar(*painter, avatar, row.name, row.seed);
    if (row.online) {
        painter->setPen(
            QPen(option.state.testFlag(QStyle::State_MouseOver) ? c.hover : c.surface, 2.5));
        painter->setBrush(c.online);
        painter->drawEllipse(QRectF(avatar.right() - 11, avatar.bottom() - 11, 12, 12));
    }

    const QVector<QRectF> buttons = buttonRects(option, row);
    const qreal textRight = buttons.isEmpty() ? rect.right() - 12 : buttons.front().left() - 12;
    const qreal textLeft = avatar.right() + 12;
    QFont name = option.font;
    name.setPixelSize(15);
    name.setWeight(QFont::DemiBold);
    painter->setFont(name);
    painter->setPen(c.text);
    painter->drawText(
        QRectF(textLeft, rect.center().y() - 20, textRight - textLeft, 20),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(name).elidedText(row.name, Qt::ElideRight, textRight - textLeft));
    QFont small = option.font;
    small.setPixelSize(13);
    painter->setFont(small);
    painter->setPen(row.online ? c.accent : c.textMuted);
    painter->drawText(
        QRectF(textLeft, rect.center().y() + 1, textRight - textLeft, 18),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(small).elidedText(row.subtitle, Qt::ElideRight, textRight - textLeft));

    painter->setFont(buttonFont(option.font));
    for (qsizetype i = 0; i < row.buttons.size(); ++i) {
        const Button& button = row.buttons[i];
        const QRectF r = buttons[i];
        QColor fill = c.input;
        QColor text = c.text;
        QPen border = Qt::NoPen;
        switch (button.style) {
            case Button::Style::Primary:
                fill = c.accent;
                text = c.onAccent;
                break;
            case Button::Style::Secondary:
                fill = c.surface;
                border = QPen(c.border, 1);
                break;
            case Button::Style::Danger:
                fill = c.dangerSoft;
                text = c.danger;
                break;
            case Button::Style::Chip:
                fill = c.input;
                text = c.textSecondary;
                break;
        }
        painter->setPen(border);
        painter->setBrush(fill);
        painter->drawRoundedRect(r.adjusted(0.5, 0.5, -0.5, -0.5), 8, 8);
        painter->setPen(text);
        painter->drawText(r, Qt::AlignCenter, button.label);
    }
    painter->restore();
}

bool ContactDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const Row row = m_describe(index);
        const QVector<QRectF> rects = buttonRects(option, row);
        for (qsizetype i = 0; i < rects.size(); ++i) {
            if (rects[i].contains(mouse->position()) &&
                row.buttons[i].style != Button::Style::Chip) {
                Q_EMIT actionTriggered(index, row.buttons[i].id, rects[i].toAlignedRect());
                return true;
            }
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

}  // namespace client::ui
