// The design tokens of one light or dark theme: colours, spacing, type scale and radii, named once.
#pragma once

#include <QColor>
#include <QFont>
#include <QPalette>
#include <QString>

namespace client::ui {

class Theme {
public:
    enum class Mode { Light, Dark };

    struct Colors {
        QColor window;    // behind cards and panes
        QColor surface;   // panes, cards, dialogs
        QColor rail;      // the left rail
        QColor elevated;  // popups, menus, banners
        QColor input;     // text field fill
        QColor hover;     // item under the pointer
        QColor pressed;   // item being pressed or selected
        QColor border;
        QColor borderStrong;  // focused or hovered field outline
        QColor text;
        QColor textSecondary;
        QColor textMuted;
        QColor accent;
        QColor accentHover;
        QColor accentPressed;
        QColor accentSoft;  // tinted background behind accent glyphs
        QColor onAccent;
        QColor danger;
        QColor dangerSoft;
        QColor success;
        QColor warning;
        // The conversation: its backdrop, and bubbles (own on the accent, others on a card).
        QColor chatBackground;
        QColor bubbleOwn;
        QColor bubbleOwnText;
        QColor bubbleOwnMeta;  // time, ticks and "edited" inside an own bubble
        QColor bubbleOther;
        QColor bubbleOtherText;
        QColor bubbleOtherMeta;
        QColor bubbleOtherBorder;
        QColor linkOwn;    // links inside an own bubble, where the accent would not show
        QColor selection;  // the selected row of a painted list
        QColor online;
    };

    struct Spacing {
        int xs = 4;
        int sm = 8;
        int md = 12;
        int lg = 16;
        int xl = 24;
        int xxl = 32;
    };

    struct Radius {
        int sm = 6;
        int md = 8;
        int lg = 12;
        int xl = 16;
    };

    // Pixel sizes of the type scale.
    struct Type {
        int caption = 12;
        int body = 14;
        int bodyStrong = 14;
        int title = 16;
        int headline = 20;
        int display = 26;
    };

    static Theme light();
    static Theme dark();
    static Theme forMode(Mode mode);
    // The theme whose window colour the palette carries: lets painters follow the applied theme
    // without holding the controller. Pass the application's palette: a view styled with a
    // transparent background carries a transparent (so "dark") window colour.
    static Theme forPalette(const QPalette& palette);

    Mode mode() const { return m_mode; }
    const Colors& colors() const { return m_colors; }
    Spacing spacing() const { return {}; }
    Radius radius() const { return {}; }
    Type type() const { return {}; }

    QPalette palette() const;
    QFont font() const;
    QString styleSheet() const;  // the one application stylesheet, generated from the tokens

private:
    Theme(Mode mode, const Colors& colors) : m_mode(mode), m_colors(colors) {}

    Mode m_mode;
    Colors m_colors;
};

}  // namespace client::ui
