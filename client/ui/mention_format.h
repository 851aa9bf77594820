// How mentions look in a painted message: bold in the layout, the accent (or the warning tint for
// the viewer's own name) when drawn, and the row highlight of a message that names the viewer.
#pragma once

#include <QList>
#include <QRectF>
#include <QTextLayout>
#include <QVector>

#include "client/ui/mention_scanner.h"
#include "client/ui/theme.h"

class QPainter;

namespace client::ui::mention {

// The ranges that shape the text layout (a mention is set bold).
QList<QTextLayout::FormatRange> layoutFormats(const QVector<Span>& spans);
// The colours drawn over those ranges, in an own bubble or another's.
QList<QTextLayout::FormatRange> colorFormats(const QVector<Span>& spans, const Theme& theme,
                                             bool own);
// Tints `row` and draws a bar at its left edge: the message names the viewer.
void paintHighlight(QPainter& painter, const Theme& theme, const QRectF& row);

}  // namespace client::ui::mention
