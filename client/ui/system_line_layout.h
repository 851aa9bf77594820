// The geometry of one system line ("Ana made Bo a moderator") at one width: a centred pill of
// secondary text, wrapped when the row is narrow. MessageLayout holds one for a system row.
#pragma once

#include <QFont>
#include <QRectF>
#include <QString>
#include <QTextLayout>
#include <memory>

#include "client/ui/theme.h"

class QPainter;

namespace client::ui {

class SystemLineLayout {
public:
    // `font` is the view's body font; the line sits at `top` within a row of `width`.
    SystemLineLayout(const QString& text, int width, qreal top, const QFont& font);

    // The bottom of the pill plus its margin: where the row ends.
    qreal bottom() const { return m_pill.bottom() + kMargin; }
    QRectF pillRect() const { return m_pill; }

    void paint(QPainter& painter, const Theme& theme) const;

    static constexpr qreal kMargin = 6;

private:
    QFont m_font;
    std::unique_ptr<QTextLayout> m_text;
    QRectF m_pill;
};

}  // namespace client::ui
