#include "client/ui/message_layout.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFontMetricsF>
#include <QPainter>
#include <QPainterPath>
#include <QRegularExpression>
#include <QTextOption>

#include "client/ui/mention_format.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {

constexpr qreal kPadH = 12;
constexpr qreal kPadV = 7;
constexpr qreal kRadius = 16;
constexpr qreal kTightRadius = 5;  // the corner that faces the next bubble of the same group
constexpr qreal kDayHeight = 44;
constexpr qreal kQuoteHeight = 40;
constexpr qreal kPillHeight = 26;
constexpr qreal kTickWidth = 18;
constexpr qreal kRetrySize = 22;

QString tr(const char* text) {
    return QCoreApplication::translate("client::ui::MessageLayout", text);
}

const QRegularExpression& linkPattern() {
    static const QRegularExpression pattern(QStringLiteral(R"((?:https?://|www\.)[^\s<>"']+)"),
                                            QRegularExpression::CaseInsensitiveOption);
    return pattern;
}

QPainterPath bubblePath(const QRectF& r, bool own, bool groupStart, bool groupEnd) {
    // Corners on the sender's side tighten where the group continues, like every modern chat.
    const qreal tl = !own && !groupStart ? kTightRadius : kRadius;
    const qreal bl = !own && !groupEnd ? kTightRadius : (!own ? kTightRadius : kRadius);
    const qreal tr_ = own && !groupStart ? kTightRadius : kRadius;
    const qreal br = own ? kTightRadius : kRadius;
    QPainterPath path;
    path.moveTo(r.left() + tl, r.top());
    path.lineTo(r.right() - tr_, r.top());
    path.arcTo(QRectF(r.right() - 2 * tr_, r.top(), 2 * tr_, 2 * tr_), 90, -90);
    path.lineTo(r.right(), r.bottom() - br);
    path.arcTo(QRectF(r.right() - 2 * br, r.bottom() - 2 * br, 2 * br, 2 * br), 0, -90);
    path.lineTo(r.left() + bl, r.bottom());
    path.arcTo(QRectF(r.left(), r.bottom() - 2 * bl, 2 * bl, 2 * bl), 270, -90);
    path.lineTo(r.left(), r.top() + tl);
    path.arcTo(QRectF(r.left(), r.top(), 2 * tl, 2 * tl), 180, -90);
    path.closeSubpath();
    return path;
}

}  // namespace

MessageLayout::MessageLayout(const MessageItem& item, int width, const QFont& font)
    : m_item(item), m_width(qMax(width, 120)), m_font(font) {
    m_metaFont = font;
    m_metaFont.setPixelSize(qMax(9, font.pixelSize() > 0 ? font.pixelSize() - 3 : 11));
    m_nameFont = font;
    m_nameFont.setPixelSize(qMax(10, font.pixelSize() > 0 ? font.pixelSize() - 1 : 13));
    m_nameFont.setWeight(QFont::DemiBold);
    m_dayFont = m_metaFont;
    m_dayFont.setWeight(QFont::DemiBold);
    m_metaText = formatMeta(m_item);
    if (m_item.deleted) {
        m_font.setItalic(true);
    }
    build();
}

QString MessageLayout::displayedText() const {
    return m_item.deleted ? tr("This message was deleted") : m_item.text;
}

QString MessageLayout::metaText() const {
    return m_metaText;
}

QString MessageLayout::formatMeta(const MessageItem& item) {
    const QString time = timefmt::messageTime(QDateTime::fromMSecsSinceEpoch(item.timeMs));
    return item.edited && !item.deleted ? tr("edited %1").arg(time) : time;
}

qreal MessageLayout::metaWidth() const {
    const qreal text = QFontMetricsF(m_metaFont).horizontalAdvance(metaText());
    const bool ticks = m_item.own && m_item.delivery != MessageItem::Delivery::None &&
                       m_item.delivery != MessageItem::Delivery::Failed;
    return text + (ticks ? kTickWidth + 2 : 0);
}

QList<QTextLayout::FormatRange> MessageLayout::textFormats() const {
    QList<QTextLayout::FormatRange> formats;
    for (const Link& link : m_links) {
        QTextLayout::FormatRange range;
        range.start = link.start;
        range.length = link.length;
        range.format.setFontUnderline(true);
        formats.push_back(range);
    }
    formats += mention::layoutFormats(m_item.mentions);
    return formats;
}

QList<QTextLayout::FormatRange> MessageLayout::textColors(const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    const bool own = m_item.own;
    QList<QTextLayout::FormatRange> colors;
    for (const Link& link : m_links) {
        QTextLayout::FormatRange range;
        range.start = link.start;
        range.length = link.length;
        range.format.setForeground(own ? c.linkOwn : c.accent);
        colors.push_back(range);
    }
    if (!m_item.deleted) {
        colors += mention::colorFormats(m_item.mentions, theme, own);
    }
    return colors;
}

void MessageLayout::buildSystem() {
    qreal y = 0;
    if (m_item.showDay) {
        m_day = QRectF(0, 0, m_width, kDayHeight);
        y += kDayHeight;
    }
    m_system = std::make_unique<SystemLineLayout>(m_item.systemText, m_width, y, m_font);
    m_bubble = m_system->pillRect();
    m_height = qCeil(m_system->bottom());
}

void MessageLayout::build() {
    if (m_item.system) {
        buildSystem();
        return;
    }
    const qreal available = m_width - 2 * kSideMargin - (m_item.own ? 40 : 24);
    const qreal maxBubble = qBound<qreal>(80, qMax<qreal>(240, m_width * 0.72), 620);
    const qreal bubbleMax = qMax<qreal>(80, qMin(available, maxBubble));
    const qreal innerMax = bubbleMax - 2 * kPadH;

    qreal y = 0;
    if (m_item.showDay) {
        m_day = QRectF(0, 0, m_width, kDayHeight);
        y += kDayHeight;
    }
    y += m_item.groupStart ? 8 : 2;

    qreal content = 0;
    qreal inner = kPadV;
    if (m_item.showSender && !m_item.own) {
        const QFontMetricsF fm(m_nameFont);
        const qreal w = qMin(innerMax, fm.horizontalAdvance(m_item.senderName));
        m_name = QRectF(kPadH, inner, w, fm.height());
        content = qMax(content, w);
        inner += fm.height() + 2;
    }
    if (m_item.hasReply && !m_item.deleted) {
        const QFontMetricsF names(m_nameFont);
        const QFontMetricsF body(m_font);
        const qreal w = qMin(innerMax, qMax(names.horizontalAdvance(m_item.replySender),
                                            body.horizontalAdvance(m_item.replyText)) +
                                           18);
        m_quote = QRectF(kPadH, inner + 2, qMax<qreal>(w, 120), kQuoteHeight);
        content = qMax(content, qMin(innerMax, m_quote.width()));
        m_quote.setWidth(qMin(innerMax, m_quote.width()));
        inner += kQuoteHeight + 8;
    }

    const QString text = displayedText();
    m_text = std::make_unique<QTextLayout>(text, m_font);
    QTextOption option;
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    option.setUseDesignMetrics(true);
    m_text->setTextOption(option);
    m_text->setCacheEnabled(true);
    m_links.clear();
    if (!m_item.deleted) {
        for (auto it = linkPattern().globalMatch(text); it.hasNext();) {
            const auto match = it.next();
            QString url = match.captured(0);
            while (!url.isEmpty() && QStringLiteral(".,;:!?)]").contains(url.back())) {
                url.chop(1);
            }
            Link link{static_cast<int>(match.capturedStart()), static_cast<int>(url.size()), url};
            if (!url.startsWith(QLatin1String("http"), Qt::CaseInsensitive)) {
                link.url = QStringLiteral("https://") + url;
            }
            m_links.push_back(link);
        }
        m_text->setFormats(textFormats());
    }
    m_text->beginLayout();
    qreal textHeight = 0;
    qreal natural = 0;
    qreal lastLine = 0;
    for (QTextLine line = m_text->createLine(); line.isValid(); line = m_text->createLine()) {
        line.setLineWidth(innerMax);
        line.setPosition(QPointF(0, textHeight));
        textHeight += line.height();
        natural = qMax(natural, line.naturalTextWidth());
        lastLine = line.naturalTextWidth();
    }
    m_text->endLayout();
    natural = qMin(natural, innerMax);

    m_textOrigin = QPointF(kPadH, inner);
    const qreal meta = metaWidth();
    const QFontMetricsF metaFm(m_metaFont);
    qreal textBlock = textHeight;
    if (lastLine + 10 + meta <= innerMax) {
        content = qMax(content, qMax(natural, lastLine + 10 + meta));
    } else {
        content = qMax(content, qMax(natural, meta));
        textBlock += metaFm.height();
    }
    inner += textBlock;
    inner += kPadV;

    const qreal bubbleWidth = content + 2 * kPadH;
    const qreal left =
        m_item.own ? m_width - kSideMargin - bubbleWidth : static_cast<qreal>(kSideMargin);
    m_bubble = QRectF(left, y, bubbleWidth, inner);
    m_meta = QRectF(m_bubble.right() - kPadH - meta, m_bubble.bottom() - kPadV - metaFm.height(),
                    meta, metaFm.height());
    y = m_bubble.bottom();

    m_pills.clear();
    if (!m_item.reactions.isEmpty() && !m_item.deleted) {
        y += 4;
        QFont pillFont = m_metaFont;
        pillFont.setPixelSize(m_font.pixelSize() > 0 ? m_font.pixelSize() - 1 : 13);
        const QFontMetricsF fm(pillFont);
        qreal x = 0;
        qreal rowTop = y;
        QVector<Pill> row;
        auto flush = [&] {
            const qreal shift = m_item.own ? m_bubble.right() - (x - 6) : m_bubble.left();
            for (Pill& pill : row) {
                pill.rect.translate(shift, 0);
                m_pills.push_back(pill);
            }
            row.clear();
        };
        for (const MessageItem::Reaction& reaction : m_item.reactions) {
            const qreal w = fm.horizontalAdvance(reaction.emoji) +
                            fm.horizontalAdvance(QString::number(reaction.count)) + 26;
            if (x > 0 && x + w > bubbleMax) {
                flush();
                x = 0;
                rowTop += kPillHeight + 4;
            }
            row.push_back(Pill{QRectF(x, rowTop, w, kPillHeight), reaction});
            x += w + 6;
        }
        flush();
        y = rowTop + kPillHeight;
    }
    if (m_item.delivery == MessageItem::Delivery::Failed) {
        m_retry = QRectF(m_bubble.left() - kRetrySize - 8, m_bubble.center().y() - kRetrySize / 2,
                         kRetrySize, kRetrySize);
        y += metaFm.height() + 4;
    }
    y += m_item.groupEnd ? 4 : 0;
    m_height = qCeil(y);
}

void MessageLayout::paint(QPainter& painter, const Theme& theme, bool selected,
                          bool hovered) const {
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    if (selected) {
        QColor tint = theme.colors().accent;
        tint.setAlpha(28);
        painter.fillRect(QRectF(0, m_day.height(), m_width, m_height - m_day.height()), tint);
    }
    if (m_item.showDay) {
        paintDay(painter, theme);
    }
    if (m_system) {
        m_system->paint(painter, theme);
        painter.restore();
        return;
    }
    if (m_item.mentionsMe && !m_item.own && !m_item.deleted) {
        paintMentionHighlight(painter, theme);
    }
    paintBubble(painter, theme, selected, hovered);
    paintReactions(painter, theme);
    if (m_item.delivery == MessageItem::Delivery::Failed) {
        paintFailure(painter, theme);
    }
    painter.restore();
}

void MessageLayout::paintDay(QPainter& painter, const Theme& theme) const {
    const QString label = timefmt::dayLabel(m_item.day);
    const QFontMetricsF fm(m_dayFont);
    const qreal w = fm.horizontalAdvance(label) + 24;
    const QRectF pill(m_day.center().x() - w / 2, m_day.center().y() - 12, w, 24);
    painter.setPen(Qt::NoPen);
    painter.setBrush(theme.colors().surface);
    painter.drawRoundedRect(pill, 12, 12);
    painter.setPen(theme.colors().textSecondary);
    painter.setFont(m_dayFont);
    painter.drawText(pill, Qt::AlignCenter, label);
}

void MessageLayout::paintBubble(QPainter& painter, const Theme& theme, bool selected,
                                bool hovered) const {
    const Theme::Colors& c = theme.colors();
    const bool own = m_item.own;
    QColor fill = own ? c.bubbleOwn : c.bubbleOther;
    if (m_item.deleted) {
        fill = own ? c.bubbleOwn.lighter(theme.mode() == Theme::Mode::Dark ? 70 : 130) : fill;
    }
    if (hovered && !selected) {
        fill = theme.mode() == Theme::Mode::Dark ? fill.lighter(108) : fill.darker(102);
    }
    const QPainterPath path = bubblePath(m_bubble, own, m_item.groupStart, m_item.groupEnd);
    if (!own) {
        QColor shadow(0, 0, 0, theme.mode() == Theme::Mode::Dark ? 50 : 14);
        painter.setPen(Qt::NoPen);
        painter.setBrush(shadow);
        painter.drawPath(path.translated(0, 1));
        painter.setPen(QPen(c.bubbleOtherBorder, 1));
    } else {
        painter.setPen(Qt::NoPen);
    }
    painter.setBrush(fill);
    painter.drawPath(path);

    const QPointF origin = m_bubble.topLeft();
    if (!m_name.isNull()) {
        painter.setFont(m_nameFont);
        painter.setPen(theme.colors().accent);
        const QString name =
            QFontMetricsF(m_nameFont).elidedText(m_item.senderName, Qt::ElideRight, m_name.width());
        painter.drawText(m_name.translated(origin), Qt::AlignLeft | Qt::AlignVCenter, name);
    }
    if (!m_quote.isNull()) {
        paintQuote(painter, theme);
    }
    QColor textColor = own ? c.bubbleOwnText : c.bubbleOtherText;
    if (m_item.deleted) {
        textColor = own ? c.bubbleOwnMeta : c.bubbleOtherMeta;
    }
    painter.setPen(textColor);
    m_text->draw(&painter, origin + m_textOrigin, textColors(theme));
    paintMeta(painter, theme);
}

void MessageLayout::paintMentionHighlight(QPainter& painter, const Theme& theme) const {
    const qreal top = m_day.height();
    mention::paintHighlight(painter, theme, QRectF(0, top, m_width, m_height - top));
}

void MessageLayout::paintQuote(QPainter& painter, const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    const bool own = m_item.own;
    const QRectF r = m_quote.translated(m_bubble.topLeft());
    QColor back = own ? QColor(255, 255, 255, 36) : c.accentSoft;
    painter.setPen(Qt::NoPen);
    painter.setBrush(back);
    painter.drawRoundedRect(r, 6, 6);
    painter.setBrush(own ? c.bubbleOwnText : c.accent);
    painter.drawRoundedRect(QRectF(r.left(), r.top(), 3, r.height()), 1.5, 1.5);
    const QRectF textRect = r.adjusted(11, 3, -8, -3);
    painter.setFont(m_nameFont);
    painter.setPen(own ? c.bubbleOwnText : c.accent);
    const QFontMetricsF names(m_nameFont);
    painter.drawText(
        QRectF(textRect.left(), textRect.top(), textRect.width(), textRect.height() / 2),
        Qt::AlignLeft | Qt::AlignVCenter,
        names.elidedText(m_item.replySender, Qt::ElideRight, textRect.width()));
    QFont body = m_font;
    body.setItalic(false);
    body.setPixelSize(qMax(10, m_nameFont.pixelSize()));
    painter.setFont(body);
    painter.setPen(own ? c.bubbleOwnMeta : c.textSecondary);
    painter.drawText(
        QRectF(textRect.left(), textRect.center().y(), textRect.width(), textRect.height() / 2),
        Qt::AlignLeft | Qt::AlignVCenter,
        QFontMetricsF(body).elidedText(m_item.replyText.simplified(), Qt::ElideRight,
                                       textRect.width()));
}

void MessageLayout::paintMeta(QPainter& painter, const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    const QColor color = m_item.own ? c.bubbleOwnMeta : c.bubbleOtherMeta;
    painter.setFont(m_metaFont);
    painter.setPen(color);
    painter.drawText(m_meta, Qt::AlignLeft | Qt::AlignVCenter, metaText());
    if (m_item.own && m_item.delivery != MessageItem::Delivery::None &&
        m_item.delivery != MessageItem::Delivery::Failed) {
        paintTicks(painter, QPointF(m_meta.right() - kTickWidth, m_meta.center().y()),
                   m_item.delivery == MessageItem::Delivery::Read ? c.bubbleOwnText : color);
    }
}

void MessageLayout::paintTicks(QPainter& painter, const QPointF& at, const QColor& color) const {
    painter.save();
    painter.translate(at);
    QPen pen(color, 1.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    switch (m_item.delivery) {
        case MessageItem::Delivery::Pending:
            painter.drawEllipse(QPointF(9, 0), 5, 5);
            painter.drawPolyline(QPolygonF{{QPointF(9, -3), QPointF(9, 0), QPointF(11, 1.5)}});
            break;
        case MessageItem::Delivery::Read:
            painter.drawPolyline(QPolygonF{{QPointF(6, 0.5), QPointF(9, 3.5), QPointF(16, -4)}});
            [[fallthrough]];
        case MessageItem::Delivery::Sent:
            painter.drawPolyline(QPolygonF{{QPointF(2, 0.5), QPointF(5, 3.5), QPointF(12, -4)}});
            break;
        default:
            break;
    }
    painter.restore();
}

void MessageLayout::paintReactions(QPainter& painter, const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    QFont font = m_metaFont;
    font.setPixelSize(m_font.pixelSize() > 0 ? m_font.pixelSize() - 1 : 13);
    painter.setFont(font);
    const QFontMetricsF fm(font);
    for (const Pill& pill : m_pills) {
        const bool mine = pill.reaction.mine;
        painter.setPen(mine ? QPen(c.accent, 1) : QPen(c.border, 1));
        painter.setBrush(mine ? c.accentSoft : c.surface);
        painter.drawRoundedRect(pill.rect.adjusted(0.5, 0.5, -0.5, -0.5), kPillHeight / 2,
                                kPillHeight / 2);
        const qreal emojiWidth = fm.horizontalAdvance(pill.reaction.emoji);
        painter.setPen(c.text);
        painter.drawText(
            QRectF(pill.rect.left() + 9, pill.rect.top(), emojiWidth + 2, pill.rect.height()),
            Qt::AlignLeft | Qt::AlignVCenter, pill.reaction.emoji);
        painter.setPen(mine ? c.accent : c.textSecondary);
        painter.drawText(QRectF(pill.rect.left() + 13 + emojiWidth, pill.rect.top(),
                                pill.rect.width() - emojiWidth - 13, pill.rect.height()),
                         Qt::AlignLeft | Qt::AlignVCenter, QString::number(pill.reaction.count));
    }
}

void MessageLayout::paintFailure(QPainter& painter, const Theme& theme) const {
    const Theme::Colors& c = theme.colors();
    painter.setPen(Qt::NoPen);
    painter.setBrush(c.danger);
    painter.drawEllipse(m_retry);
    QFont bold = m_metaFont;
    bold.setWeight(QFont::Bold);
    bold.setPixelSize(13);
    painter.setFont(bold);
    painter.setPen(Qt::white);
    painter.drawText(m_retry, Qt::AlignCenter, QStringLiteral("!"));
    painter.setFont(m_metaFont);
    painter.setPen(c.danger);
    const qreal top = m_pills.isEmpty() ? m_bubble.bottom() : m_pills.back().rect.bottom();
    painter.drawText(
        QRectF(kSideMargin, top + 2, m_width - 2 * kSideMargin, QFontMetricsF(m_metaFont).height()),
        Qt::AlignRight | Qt::AlignVCenter, tr("Not sent · Click to retry"));
}

MessageLayout::Hit MessageLayout::hitTest(const QPointF& point) const {
    if (m_system) {
        return {};
    }
    if (m_item.delivery == MessageItem::Delivery::Failed) {
        const qreal top = m_pills.isEmpty() ? m_bubble.bottom() : m_pills.back().rect.bottom();
        if (m_retry.adjusted(-4, -4, 4, 4).contains(point) ||
            (point.y() > top && point.x() > m_width / 2.0)) {
            return {Hit::Kind::Retry, {}};
        }
    }
    for (const Pill& pill : m_pills) {
        if (pill.rect.contains(point)) {
            return {Hit::Kind::Reaction, pill.reaction.emoji};
        }
    }
    if (!m_bubble.contains(point)) {
        return {};
    }
    const QPointF local = point - m_bubble.topLeft();
    if (!m_quote.isNull() && m_quote.contains(local)) {
        return {Hit::Kind::Quote, {}};
    }
    const QPointF inText = local - m_textOrigin;
    for (int i = 0; i < m_text->lineCount(); ++i) {
        const QTextLine line = m_text->lineAt(i);
        if (inText.y() < line.y() || inText.y() >= line.y() + line.height() ||
            inText.x() > line.naturalTextWidth()) {
            continue;
        }
        const int pos = line.xToCursor(inText.x(), QTextLine::CursorOnCharacter);
        for (const Link& link : m_links) {
            if (pos >= link.start && pos < link.start + link.length) {
                return {Hit::Kind::Link, link.url};
            }
        }
    }
    return {Hit::Kind::Bubble, {}};
}

QString MessageLayout::accessibleText() const {
    if (m_system) {
        return m_item.systemText;
    }
    QStringList parts;
    parts << (m_item.own ? tr("You") : m_item.senderName);
    if (m_item.hasReply && !m_item.deleted) {
        parts << tr("replying to %1: %2").arg(m_item.replySender, m_item.replyText);
    }
    parts << displayedText();
    parts << metaText();
    for (const MessageItem::Reaction& reaction : m_item.reactions) {
        parts << QStringLiteral("%1 %2").arg(reaction.emoji).arg(reaction.count);
    }
    switch (m_item.delivery) {
        case MessageItem::Delivery::Pending:
            parts << tr("sending");
            break;
        case MessageItem::Delivery::Sent:
            parts << tr("sent");
            break;
        case MessageItem::Delivery::Read:
            parts << tr("read");
            break;
        case MessageItem::Delivery::Failed:
            parts << tr("not sent");
            break;
        case MessageItem::Delivery::None:
            break;
    }
    return parts.join(QStringLiteral(", "));
}

}  // namespace client::ui
