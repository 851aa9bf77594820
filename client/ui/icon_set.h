// The app's line icons, drawn with QPainter in a given colour so they follow the theme at any
// scale.
#pragma once

#include <QColor>
#include <QIcon>

namespace client::ui {

class IconSet {
public:
    enum class Glyph {
        Menu,
        Search,
        Chat,
        People,
        Settings,
        LogOut,
        Info,
        Shield,
        Warning,
        Plus,
        Close,
        Send,
        ArrowDown,
        Reply,
        Edit,
        More,
        Back,
    };

    static QIcon icon(Glyph glyph, const QColor& color, int size = 20);
    static QPixmap pixmap(Glyph glyph, const QColor& color, int size, qreal devicePixelRatio);
    // The app's mark: the bundled icon when the resources have it, else a chat glyph on a disc.
    static QPixmap appBadge(const QColor& accent, int size, qreal devicePixelRatio);
};

}  // namespace client::ui
