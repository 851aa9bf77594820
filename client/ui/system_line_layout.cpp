#include "client/ui/system_line_layout.h"

#include <QPainter>
#include <QTextOption>

namespace client::ui {

namespace {

constexpr qreal kPadH = 12;
constexpr qreal kPadV = 5;
constexpr qreal kMaxWidth = 520;
constexpr qreal kSideRoom = 32;

}  // namespace

SystemLineLayout::SystemLineLayout(const QString& text, int width, qreal top, const QFont& font)
    : m_font(font) {
    m_font.setPixelSize(qMax(10, font.pixelSize() > 0 ? font.pixelSize() - 2 : 12));
    m_font.setItalic(false);
    m_font.setWeight(QFont::Medium);
    const qreal innerMax =
        qMax<qreal>(40, qMin<qreal>(kMaxWidth, width - 2 * kSideRoom)) - 2 * kPadH;
    m_text = std::make_unique<QTextLayout>(text, m_font);
    QTextOption option(Qt::AlignHCenter);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setUseDesignMetrics(true);
    m_text->setTextOption(option);
    m_text->beginLayout();
    qreal height = 0;
    qreal natural = 0;
    for (QTextLine line = m_text->createLine(); line.isValid(); line = m_text->createLine()) {
        line.setLineWidth(innerMax);
        line.setPosition(QPointF(0, height));
        height += line.height();
        natural = qMax(natural, line.naturalTextWidth());
    }
    m_text->endLayout();
    const qreal pillWidth = qMin(innerMax, natural) + 2 * kPadH;
    m_pill = QRectF((width - pillWidth) / 2, top + kMargin, pillWidth, height + 2 * kPadV);
}

void SystemLineLayout::paint(QPainter& painter, const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(c.surface);
    const qreal radius = qMin<qreal>(m_pill.height() / 2, 12);
    painter.drawRoundedRect(m_pill, radius, radius);
    painter.setPen(c.textSecondary);
    // Lines were laid out in the inner width, centred there: shift them to the pill's middle.
    const qreal inner = m_pill.width() - 2 * kPadH;
    qreal offset = 0;
    if (m_text->lineCount() > 0) {
        offset = (inner - m_text->lineAt(0).width()) / 2;
    }
    m_text->draw(&painter, QPointF(m_pill.left() + kPadH + offset, m_pill.top() + kPadV));
    painter.restore();
}

}  // namespace client::ui
