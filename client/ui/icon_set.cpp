#include "client/ui/icon_set.h"

#include <QPainter>
#include <QPainterPath>
#include <QPixmap>

namespace client::ui {

namespace {

// Every glyph is drawn on a 24×24 grid with a 1.8 unit stroke, like common icon sets.
void draw(QPainter& p, IconSet::Glyph glyph) {
    using G = IconSet::Glyph;
    switch (glyph) {
        case G::Menu:
            for (int y : {7, 12, 17}) {
                p.drawLine(QPointF(5, y), QPointF(19, y));
            }
            break;
        case G::Search:
            p.drawEllipse(QPointF(10.5, 10.5), 6, 6);
            p.drawLine(QPointF(15, 15), QPointF(20, 20));
            break;
        case G::Chat: {
            QPainterPath bubble;
            bubble.addRoundedRect(QRectF(3.5, 4.5, 17, 12), 4, 4);
            QPainterPath tail;
            tail.moveTo(7, 16.5);
            tail.lineTo(6.5, 20.5);
            tail.lineTo(11.5, 16.5);
            p.drawPath(bubble.united(tail));
            break;
        }
        case G::People:
            p.drawEllipse(QPointF(9, 8.5), 3.5, 3.5);
            p.drawArc(QRectF(3, 14, 12, 10), 0, 180 * 16);
            p.drawEllipse(QPointF(16.5, 9.5), 2.7, 2.7);
            p.drawArc(QRectF(13.5, 15, 8, 8), 0, 150 * 16);
            break;
        case G::Settings:
            p.drawEllipse(QPointF(12, 12), 3, 3);
            for (int i = 0; i < 8; ++i) {
                p.save();
                p.translate(12, 12);
                p.rotate(i * 45);
                p.drawLine(QPointF(0, -6.5), QPointF(0, -9));
                p.restore();
            }
            p.drawEllipse(QPointF(12, 12), 6.5, 6.5);
            break;
        case G::LogOut:
            p.drawPolyline(
                QPolygonF{{QPointF(10, 4), QPointF(5, 4), QPointF(5, 20), QPointF(10, 20)}});
            p.drawLine(QPointF(10, 12), QPointF(20, 12));
            p.drawPolyline(QPolygonF{{QPointF(16, 8), QPointF(20, 12), QPointF(16, 16)}});
            break;
        case G::Info:
            p.drawEllipse(QPointF(12, 12), 8.5, 8.5);
            p.drawLine(QPointF(12, 11), QPointF(12, 16.5));
            p.drawPoint(QPointF(12, 7.8));
            break;
        case G::Shield: {
            QPainterPath shield;
            shield.moveTo(12, 3);
            shield.lineTo(19.5, 6);
            shield.cubicTo(19.5, 13, 17, 18, 12, 21);
            shield.cubicTo(7, 18, 4.5, 13, 4.5, 6);
            shield.closeSubpath();
            p.drawPath(shield);
            p.drawPolyline(QPolygonF{{QPointF(8.5, 12), QPointF(11, 14.5), QPointF(15.5, 9.5)}});
            break;
        }
        case G::Warning: {
            QPainterPath triangle;
            triangle.moveTo(12, 3.5);
            triangle.lineTo(21, 19.5);
            triangle.lineTo(3, 19.5);
            triangle.closeSubpath();
            p.drawPath(triangle);
            p.drawLine(QPointF(12, 9.5), QPointF(12, 14));
            p.drawPoint(QPointF(12, 16.8));
            break;
        }
        case G::Plus:
            p.drawLine(QPointF(12, 5), QPointF(12, 19));
            p.drawLine(QPointF(5, 12), QPointF(19, 12));
            break;
        case G::Close:
            p.drawLine(QPointF(6.5, 6.5), QPointF(17.5, 17.5));
            p.drawLine(QPointF(17.5, 6.5), QPointF(6.5, 17.5));
            break;
        case G::Send: {
            QPainterPath plane;
            plane.moveTo(4, 4.5);
            plane.lineTo(20.5, 12);
            plane.lineTo(4, 19.5);
            plane.lineTo(6.5, 12);
            plane.closeSubpath();
            p.drawPath(plane);
            p.drawLine(QPointF(6.5, 12), QPointF(12, 12));
            break;
        }
        case G::ArrowDown:
            p.drawLine(QPointF(12, 5), QPointF(12, 19));
            p.drawPolyline(QPolygonF{{QPointF(6, 13), QPointF(12, 19), QPointF(18, 13)}});
            break;
        case G::Reply:
            p.drawPolyline(QPolygonF{{QPointF(9.5, 6), QPointF(4, 11.5), QPointF(9.5, 17)}});
            p.drawPath([] {
                QPainterPath arc;
                arc.moveTo(4, 11.5);
                arc.lineTo(13, 11.5);
                arc.cubicTo(17.5, 11.5, 20, 14, 20, 19);
                return arc;
            }());
            break;
        case G::Edit:
            p.drawPolygon(QPolygonF{{QPointF(15.5, 4.5), QPointF(19.5, 8.5), QPointF(9, 19),
                                     QPointF(4.5, 19.5), QPointF(5, 15)}});
            p.drawLine(QPointF(13, 7), QPointF(17, 11));
            break;
        case G::More:
            for (int x : {6, 12, 18}) {
                p.drawEllipse(QPointF(x, 12), 0.9, 0.9);
            }
            break;
        case G::Back:
            p.drawLine(QPointF(5, 12), QPointF(19, 12));
            p.drawPolyline(QPolygonF{{QPointF(11, 6), QPointF(5, 12), QPointF(11, 18)}});
            break;
    }
}

}  // namespace

QPixmap IconSet::pixmap(Glyph glyph, const QColor& color, int size, qreal devicePixelRatio) {
    QPixmap pixmap(QSize(size, size) * devicePixelRatio);
    pixmap.setDevicePixelRatio(devicePixelRatio);
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.scale(size / 24.0, size / 24.0);
    QPen pen(color, 1.8, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    painter.setPen(pen);
    painter.setBrush(Qt::NoBrush);
    draw(painter, glyph);
    return pixmap;
}

QPixmap IconSet::appBadge(const QColor& accent, int size, qreal devicePixelRatio) {
    const QPixmap bundled(QStringLiteral(":/icons/messenger-256.png"));
    if (!bundled.isNull()) {
        QPixmap scaled = bundled.scaled(QSize(size, size) * devicePixelRatio, Qt::KeepAspectRatio,
                                        Qt::SmoothTransformation);
        scaled.setDevicePixelRatio(devicePixelRatio);
        return scaled;
    }
    QPixmap badge(QSize(size, size) * devicePixelRatio);
    badge.setDevicePixelRatio(devicePixelRatio);
    badge.fill(Qt::transparent);
    QPainter painter(&badge);
    painter.setRenderHint(QPainter::Antialiasing);
    QLinearGradient fill(0, 0, size, size);
    fill.setColorAt(0, accent.lighter(118));
    fill.setColorAt(1, accent.darker(108));
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawRoundedRect(QRectF(0, 0, size, size), size * 0.28, size * 0.28);
    const int glyph = size * 3 / 5;
    painter.drawPixmap(QPointF((size - glyph) / 2.0, (size - glyph) / 2.0 + size * 0.02),
                       pixmap(Glyph::Chat, Qt::white, glyph, devicePixelRatio));
    return badge;
}

QIcon IconSet::icon(Glyph glyph, const QColor& color, int size) {
    QIcon icon;
    for (qreal dpr : {1.0, 2.0}) {
        icon.addPixmap(pixmap(glyph, color, size, dpr));
    }
    return icon;
}

}  // namespace client::ui
