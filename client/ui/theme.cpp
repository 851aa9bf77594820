#include "client/ui/theme.h"

#include <QStringList>

namespace client::ui {

Theme Theme::light() {
    Colors c;
    c.window = QColor(0xEE, 0xF0, 0xF4);
    c.surface = QColor(0xFF, 0xFF, 0xFF);
    c.rail = QColor(0xF7, 0xF8, 0xFA);
    c.elevated = QColor(0xFF, 0xFF, 0xFF);
    c.input = QColor(0xF2, 0xF3, 0xF6);
    c.hover = QColor(0xEA, 0xEC, 0xF1);
    c.pressed = QColor(0xDF, 0xE3, 0xEA);
    c.border = QColor(0xE2, 0xE5, 0xEB);
    c.borderStrong = QColor(0xC5, 0xCB, 0xD6);
    c.text = QColor(0x1B, 0x1F, 0x27);
    c.textSecondary = QColor(0x4E, 0x56, 0x66);
    c.textMuted = QColor(0x80, 0x88, 0x96);
    c.accent = QColor(0x4F, 0x6B, 0xED);
    c.accentHover = QColor(0x43, 0x5C, 0xDB);
    c.accentPressed = QColor(0x38, 0x4E, 0xC2);
    c.accentSoft = QColor(0xE6, 0xEA, 0xFD);
    c.onAccent = QColor(0xFF, 0xFF, 0xFF);
    c.danger = QColor(0xD9, 0x36, 0x3E);
    c.dangerSoft = QColor(0xFD, 0xEC, 0xEC);
    c.success = QColor(0x23, 0xA5, 0x5A);
    c.warning = QColor(0xE0, 0x8E, 0x0B);
    c.chatBackground = QColor(0xF3, 0xF5, 0xF9);
    c.bubbleOwn = c.accent;
    c.bubbleOwnText = QColor(0xFF, 0xFF, 0xFF);
    c.bubbleOwnMeta = QColor(0xFF, 0xFF, 0xFF, 0xC8);
    c.bubbleOther = QColor(0xFF, 0xFF, 0xFF);
    c.bubbleOtherText = c.text;
    c.bubbleOtherMeta = c.textMuted;
    c.bubbleOtherBorder = QColor(0xE4, 0xE7, 0xEE);
    c.linkOwn = QColor(0xFF, 0xFF, 0xFF);
    c.selection = QColor(0xE3, 0xE8, 0xFD);
    c.online = c.success;
    return Theme(Mode::Light, c);
}

Theme Theme::dark() {
    Colors c;
    c.window = QColor(0x17, 0x18, 0x1C);
    c.surface = QColor(0x23, 0x25, 0x2B);
    c.rail = QColor(0x1D, 0x1F, 0x24);
    c.elevated = QColor(0x31, 0x34, 0x3C);
    c.input = QColor(0x18, 0x1A, 0x1F);
    c.hover = QColor(0x2E, 0x31, 0x39);
    c.pressed = QColor(0x38, 0x3C, 0x45);
    c.border = QColor(0x33, 0x36, 0x3E);
    c.borderStrong = QColor(0x4A, 0x4F, 0x5A);
    c.text = QColor(0xEC, 0xEE, 0xF2);
    c.textSecondary = QColor(0xB4, 0xB9, 0xC3);
    c.textMuted = QColor(0x80, 0x87, 0x93);
    c.accent = QColor(0x6D, 0x84, 0xF7);
    c.accentHover = QColor(0x7D, 0x92, 0xF8);
    c.accentPressed = QColor(0x5C, 0x72, 0xE6);
    c.accentSoft = QColor(0x2C, 0x33, 0x58);
    c.onAccent = QColor(0xFF, 0xFF, 0xFF);
    c.danger = QColor(0xF2, 0x5C, 0x62);
    c.dangerSoft = QColor(0x3D, 0x22, 0x26);
    c.success = QColor(0x3B, 0xC2, 0x70);
    c.warning = QColor(0xF0, 0xA8, 0x30);
    c.chatBackground = QColor(0x1A, 0x1C, 0x21);
    c.bubbleOwn = QColor(0x55, 0x6C, 0xE6);
    c.bubbleOwnText = QColor(0xFF, 0xFF, 0xFF);
    c.bubbleOwnMeta = QColor(0xFF, 0xFF, 0xFF, 0xB4);
    c.bubbleOther = QColor(0x2A, 0x2D, 0x35);
    c.bubbleOtherText = c.text;
    c.bubbleOtherMeta = c.textMuted;
    c.bubbleOtherBorder = QColor(0x2A, 0x2D, 0x35);
    c.linkOwn = QColor(0xFF, 0xFF, 0xFF);
    c.selection = QColor(0x2F, 0x36, 0x5C);
    c.online = c.success;
    return Theme(Mode::Dark, c);
}

Theme Theme::forMode(Mode mode) {
    return mode == Mode::Dark ? dark() : light();
}

Theme Theme::forPalette(const QPalette& palette) {
    return palette.color(QPalette::Window).lightness() < 128 ? dark() : light();
}

QPalette Theme::palette() const {
    const Colors& c = m_colors;
    QPalette p;
    p.setColor(QPalette::Window, c.window);
    p.setColor(QPalette::WindowText, c.text);
    p.setColor(QPalette::Base, c.surface);
    p.setColor(QPalette::AlternateBase, c.hover);
    p.setColor(QPalette::ToolTipBase, c.elevated);
    p.setColor(QPalette::ToolTipText, c.text);
    p.setColor(QPalette::PlaceholderText, c.textMuted);
    p.setColor(QPalette::Text, c.text);
    p.setColor(QPalette::Button, c.surface);
    p.setColor(QPalette::ButtonText, c.text);
    p.setColor(QPalette::BrightText, c.danger);
    p.setColor(QPalette::Highlight, c.accent);
    p.setColor(QPalette::HighlightedText, c.onAccent);
    p.setColor(QPalette::Link, c.accent);
    p.setColor(QPalette::LinkVisited, c.accent);
    p.setColor(QPalette::Light, c.surface);
    p.setColor(QPalette::Midlight, c.hover);
    p.setColor(QPalette::Mid, c.border);
    p.setColor(QPalette::Dark, c.borderStrong);
    p.setColor(QPalette::Shadow, QColor(0, 0, 0, m_mode == Mode::Dark ? 160 : 60));
    for (auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText}) {
        p.setColor(QPalette::Disabled, role, c.textMuted);
    }
    return p;
}

QFont Theme::font() const {
    QFont f;
    // The first installed family wins; DejaVu Sans is the last resort every Linux has.
    f.setFamilies(QStringList{QStringLiteral("Inter"), QStringLiteral("Segoe UI"),
                              QStringLiteral("SF Pro Text"), QStringLiteral("Noto Sans"),
                              QStringLiteral("Cantarell"), QStringLiteral("Ubuntu"),
                              QStringLiteral("DejaVu Sans")});
    f.setPixelSize(type().body);
    f.setHintingPreference(QFont::PreferNoHinting);
    return f;
}

}  // namespace client::ui
