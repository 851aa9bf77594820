#include "client/ui/empty_state.h"

#include <QEvent>
#include <QLabel>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/style_hooks.h"

namespace client::ui {

namespace {
constexpr int kBadgeSize = 72;
}

EmptyState::EmptyState(IconSet::Glyph glyph, const QString& title, const QString& body,
                       QWidget* parent)
    : QWidget(parent),
      m_glyph(glyph),
      m_badge(new QLabel(this)),
      m_title(new QLabel(title, this)),
      m_body(new QLabel(body, this)) {
    m_badge->setAlignment(Qt::AlignCenter);
    m_badge->setFixedSize(kBadgeSize, kBadgeSize);
    m_title->setObjectName(QStringLiteral("emptyStateTitle"));
    m_body->setObjectName(QStringLiteral("emptyStateBody"));
    for (QLabel* label : {m_title, m_body}) {
        label->setAlignment(Qt::AlignCenter);
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    style::set(m_title, style::Text::Title);
    style::set(m_body, style::Text::Muted);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 24, 32, 24);
    layout->setSpacing(8);
    layout->addStretch(1);
    layout->addWidget(m_badge, 0, Qt::AlignHCenter);
    layout->addSpacing(8);
    // No alignment flag on wrapping labels: it would pin them to one line's width and clip them.
    layout->addWidget(m_title);
    layout->addWidget(m_body);
    layout->addStretch(1);
    paintGlyph();
}

QPushButton* EmptyState::addAction(const QString& text, IconSet::Glyph glyph) {
    m_action = new QPushButton(text, this);
    m_actionGlyph = glyph;
    style::set(m_action, style::Button::Primary);
    m_action->setCursor(Qt::PointingHandCursor);
    auto* layout = static_cast<QVBoxLayout*>(this->layout());
    layout->insertSpacing(layout->count() - 1, 12);
    layout->insertWidget(layout->count() - 1, m_action, 0, Qt::AlignHCenter);
    paintGlyph();
    return m_action;
}

QString EmptyState::title() const {
    return m_title->text();
}
QString EmptyState::body() const {
    return m_body->text();
}

void EmptyState::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        paintGlyph();
    }
    QWidget::changeEvent(event);
}

void EmptyState::paintGlyph() {
    const qreal dpr = devicePixelRatioF();
    const QColor accent = palette().color(QPalette::Highlight);
    QColor soft = accent;
    soft.setAlphaF(0.14);
    QPixmap badge(QSize(kBadgeSize, kBadgeSize) * dpr);
    badge.setDevicePixelRatio(dpr);
    badge.fill(Qt::transparent);
    QPainter painter(&badge);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(soft);
    painter.drawEllipse(QRectF(0, 0, kBadgeSize, kBadgeSize));
    const int glyph = 34;
    const qreal offset = (kBadgeSize - glyph) / 2.0;
    painter.drawPixmap(QPointF(offset, offset), IconSet::pixmap(m_glyph, accent, glyph, dpr));
    painter.end();
    m_badge->setPixmap(badge);
    if (m_action != nullptr) {
        m_action->setIcon(IconSet::icon(
            m_actionGlyph, m_action->isEnabled() ? palette().color(QPalette::HighlightedText)
                                                 : palette().color(QPalette::PlaceholderText)));
    }
}

}  // namespace client::ui
