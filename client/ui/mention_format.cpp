#include "client/ui/mention_format.h"

#include <QPainter>

namespace client::ui::mention {

QList<QTextLayout::FormatRange> layoutFormats(const QVector<Span>& spans) {
    QList<QTextLayout::FormatRange> formats;
    for (const Span& span : spans) {
        QTextLayout::FormatRange range;
        range.start = span.start;
        range.length = span.length;
        range.format.setFontWeight(QFont::DemiBold);
        formats.push_back(range);
    }
    return formats;
}

QList<QTextLayout::FormatRange> colorFormats(const QVector<Span>& spans, const Theme& theme,
                                             bool own) {
    const Theme::Colors& c = theme.colors();
    QList<QTextLayout::FormatRange> colors;
    for (const Span& span : spans) {
        QTextLayout::FormatRange range;
        range.start = span.start;
        range.length = span.length;
        if (own) {
            range.format.setForeground(c.bubbleOwnText);
            range.format.setBackground(QColor(255, 255, 255, 46));
        } else {
            range.format.setForeground(span.me ? c.text : c.accent);
            QColor back = span.me ? c.warning : c.accentSoft;
            if (span.me) {
                back.setAlpha(theme.mode() == Theme::Mode::Dark ? 90 : 70);
            }
            range.format.setBackground(back);
        }
        colors.push_back(range);
    }
    return colors;
}

void paintHighlight(QPainter& painter, const Theme& theme, const QRectF& row) {
    // The way Discord marks a message that names you: a warm tint and a bar on the left.
    QColor tint = theme.colors().warning;
    tint.setAlpha(theme.mode() == Theme::Mode::Dark ? 34 : 30);
    painter.fillRect(row, tint);
    painter.fillRect(QRectF(row.left(), row.top(), 3, row.height()), theme.colors().warning);
}

}  // namespace client::ui::mention
