// The geometry of one painted message at one width: the day separator, the bubble, the wrapped
// text with its links, the quoted reply, the time and ticks, the reaction pills. Built once per
// width and data, then painted and hit-tested as often as needed.
#pragma once

#include <QFont>
#include <QRectF>
#include <QTextLayout>
#include <QVector>
#include <memory>

#include "client/ui/message_item.h"
#include "client/ui/system_line_layout.h"
#include "client/ui/theme.h"

class QPainter;

namespace client::ui {

class MessageLayout {
public:
    struct Hit {
        enum class Kind { None, Bubble, Link, Reaction, Retry, Quote };
        Kind kind = Kind::None;
        QString value;  // the URL of a link, the emoji of a reaction
    };

    // `font` is the body font of the view; width is the row's full width.
    MessageLayout(const MessageItem& item, int width, const QFont& font);

    const MessageItem& item() const { return m_item; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    QRectF bubbleRect() const { return m_bubble; }

    // Paints with the row's top-left at the painter's origin.
    void paint(QPainter& painter, const Theme& theme, bool selected, bool hovered) const;
    Hit hitTest(const QPointF& point) const;
    // The words a screen reader says for this row.
    QString accessibleText() const;

    static constexpr int kSideMargin = 16;

private:
    struct Link {
        int start = 0;
        int length = 0;
        QString url;
    };
    struct Pill {
        QRectF rect;
        MessageItem::Reaction reaction;
    };

    void build();
    void buildSystem();
    QList<QTextLayout::FormatRange> textFormats() const;
    QList<QTextLayout::FormatRange> textColors(const Theme& theme) const;
    void paintMentionHighlight(QPainter& painter, const Theme& theme) const;
    QString displayedText() const;
    QString metaText() const;
    static QString formatMeta(const MessageItem& item);
    qreal metaWidth() const;
    void paintDay(QPainter& painter, const Theme& theme) const;
    void paintBubble(QPainter& painter, const Theme& theme, bool selected, bool hovered) const;
    void paintQuote(QPainter& painter, const Theme& theme) const;
    void paintMeta(QPainter& painter, const Theme& theme) const;
    void paintTicks(QPainter& painter, const QPointF& at, const QColor& color) const;
    void paintReactions(QPainter& painter, const Theme& theme) const;
    void paintFailure(QPainter& painter, const Theme& theme) const;

    MessageItem m_item;
    int m_width;
    QFont m_font;
    QFont m_metaFont;
    QString m_metaText;  // formatted once: a local time conversion stats the zone file
    QFont m_nameFont;
    QFont m_dayFont;
    std::unique_ptr<QTextLayout> m_text;
    std::unique_ptr<SystemLineLayout> m_system;  // set for a system row, which has no bubble
    QVector<Link> m_links;
    QVector<Pill> m_pills;
    QRectF m_day;
    QRectF m_bubble;
    QRectF m_name;
    QRectF m_quote;
    QPointF m_textOrigin;
    QRectF m_meta;
    QRectF m_retry;
    int m_height = 0;
};

}  // namespace client::ui
