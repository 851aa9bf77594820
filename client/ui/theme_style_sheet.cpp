// Theme::styleSheet: the application stylesheet, written once with {token} placeholders.
#include <QHash>
#include <QRegularExpression>

#include "client/ui/theme.h"

namespace client::ui {

namespace {

constexpr auto kTemplate = R"QSS(
QWidget { color: {text}; font-size: {body}px; }
QMainWindow, QDialog { background: {window}; }
QToolTip { background: {elevated}; color: {text}; border: 1px solid {border}; border-radius: {rSm}px;
           padding: 6px 8px; }

QFrame[variant="card"] { background: {surface}; border: 1px solid {border}; border-radius: {rXl}px; }
QFrame[variant="rail"] { background: {rail}; border: none; }
QFrame[variant="pane"] { background: {surface}; border: none; }
QFrame[variant="header"] { background: transparent; border: none; border-bottom: 1px solid {border}; }
QFrame[variant="banner"] { background: {accentSoft}; border-radius: {rMd}px; }
QFrame[variant="error-banner"] { background: {dangerSoft}; border: 1px solid {danger};
                                 border-radius: {rMd}px; }
QFrame[variant="error-banner"] QLabel { color: {danger}; }
QFrame[variant="trust-panel"] { background: {accentSoft}; border: 1px solid {accent};
                                border-radius: {rLg}px; }
QFrame[variant="danger-panel"] { background: {dangerSoft}; border: 2px solid {danger};
                                 border-radius: {rLg}px; }
QFrame[variant="danger-panel"] QLabel[variant="title"] { color: {danger}; }

QLabel { background: transparent; }
QLabel[variant="display"] { font-size: {display}px; font-weight: 700; }
QLabel[variant="headline"] { font-size: {headline}px; font-weight: 700; }
QLabel[variant="title"] { font-size: {title}px; font-weight: 600; }
QLabel[variant="body"] { font-size: {body}px; }
QLabel[variant="secondary"] { color: {textSecondary}; }
QLabel[variant="muted"] { color: {textMuted}; }
QLabel[variant="caption"] { color: {textMuted}; font-size: {caption}px; }
QLabel[variant="section"] { color: {textSecondary}; font-size: {caption}px; font-weight: 700; }
QLabel[variant="error"] { color: {danger}; font-size: {caption}px; }
QLabel#fingerprintLabel { font-family: "DejaVu Sans Mono", monospace; font-size: {caption}px;
                          background: {surface}; border: 1px solid {border}; border-radius: {rSm}px;
                          padding: 8px 10px; }

QLineEdit { background: {input}; border: 1px solid {border}; border-radius: {rMd}px;
            padding: 9px 12px; selection-background-color: {accent}; selection-color: {onAccent}; }
QLineEdit:hover { border-color: {borderStrong}; }
QLineEdit:focus { border: 1px solid {accent}; background: {surface}; }
QLineEdit:disabled { color: {textMuted}; }
QLineEdit[invalid="true"] { border: 1px solid {danger}; }
QLineEdit#searchEdit { border-radius: {rMd}px; padding: 7px 10px; }

QPushButton { border-radius: {rMd}px; padding: 9px 18px; font-weight: 600; border: 1px solid {border};
              background: {surface}; color: {text}; }
QPushButton:hover { background: {hover}; }
QPushButton:pressed { background: {pressed}; }
QPushButton:disabled { color: {textMuted}; }
QPushButton:focus { outline: none; }
QPushButton[variant="primary"] { background: {accent}; color: {onAccent}; border: 1px solid {accent}; }
QPushButton[variant="primary"]:hover { background: {accentHover}; border-color: {accentHover}; }
QPushButton[variant="primary"]:pressed { background: {accentPressed}; border-color: {accentPressed}; }
QPushButton[variant="primary"]:disabled { background: {accentSoft}; border-color: {accentSoft};
                                          color: {textMuted}; }
QPushButton[variant="primary"]:focus { border: 1px solid {accentPressed}; }
QPushButton[variant="danger"] { background: {danger}; color: {onAccent}; border: 1px solid {danger}; }
QPushButton[variant="danger"]:hover { background: {danger}; border: 2px solid {text}; }
QPushButton[variant="ghost"] { background: transparent; border: 1px solid transparent; color: {textSecondary}; }
QPushButton[variant="ghost"]:hover { background: {hover}; color: {text}; }
QPushButton[variant="ghost"]:pressed { background: {pressed}; }
QPushButton[variant="link"] { background: transparent; border: none; padding: 0px; color: {accent};
                              font-weight: 600; }
QPushButton[variant="link"]:hover { text-decoration: underline; }
QPushButton[variant="icon"] { background: transparent; border: none; border-radius: {rMd}px; padding: 6px; }
QPushButton[variant="icon"]:hover { background: {hover}; }
QPushButton[variant="icon"]:pressed { background: {pressed}; }
QPushButton::menu-indicator { image: none; width: 0px; }

QFrame[segmented="true"] { background: {input}; border: 1px solid {border}; border-radius: {rMd}px; }
QFrame[segmented="true"] QPushButton {
    background: transparent; border: 1px solid transparent; border-radius: {rSm}px; padding: 7px 14px;
    color: {textSecondary}; }
QFrame[segmented="true"] QPushButton:hover { color: {text}; background: {hover}; }
QFrame[segmented="true"] QPushButton:checked {
    background: {elevated}; color: {text}; border: 1px solid {border}; }

QLabel#connectionDot { border-radius: 4px; min-width: 8px; max-width: 8px; min-height: 8px; max-height: 8px; }
QLabel#connectionDot[state="online"] { background: {success}; }
QLabel#connectionDot[state="connecting"] { background: {warning}; }
QLabel#connectionDot[state="offline"] { background: {textMuted}; }

QMenu { background: {elevated}; border: 1px solid {border}; border-radius: {rMd}px; padding: 6px; }
QMenu::item { padding: 8px 28px 8px 12px; border-radius: {rSm}px; color: {text}; }
QMenu::item:selected { background: {hover}; }
QMenu::separator { height: 1px; background: {border}; margin: 6px 4px; }

QSplitter::handle { background: {border}; }
QSplitter::handle:horizontal { width: 1px; }

QScrollArea { background: transparent; border: none; }

QListView#chatList { background: transparent; border: none; outline: none; }
QListView#messageList { background: {chatBackground}; border: none; outline: none; }
QListView#contactList, QListView#searchResults { background: transparent; border: none; outline: none; }
QFrame#conversationHeader { background: {surface}; border: none; border-bottom: 1px solid {border}; }
QLabel#peerStatus[typing="true"], QLabel#peerStatus[online="true"] { color: {accent}; }
QFrame#composer { background: {surface}; border: none; border-top: 1px solid {border}; }
QFrame#composerBanner { background: {accentSoft}; border: none; border-left: 3px solid {accent};
                        border-radius: {rSm}px; }
QLabel#composerBannerTitle { color: {accent}; font-weight: 600; font-size: {caption}px; }
QPlainTextEdit#composerEdit { background: {input}; border: 1px solid {border}; border-radius: 20px;
                              padding: 3px 10px; selection-background-color: {accent};
                              selection-color: {onAccent}; }
QPlainTextEdit#composerEdit:focus { border: 1px solid {accent}; background: {surface}; }
QPushButton#sendButton { background: {accent}; border: none; border-radius: 20px; padding: 0px; }
QPushButton#sendButton:hover { background: {accentHover}; }
QPushButton#sendButton:disabled { background: {accentSoft}; }
QPushButton#jumpToLatest { background: {elevated}; border: 1px solid {border}; border-radius: 21px;
                           padding: 0px; }
QPushButton#jumpToLatest:hover { background: {hover}; }
QLabel#jumpBadge { background: {accent}; color: {onAccent}; border-radius: 10px; font-size: 11px;
                   font-weight: 700; padding: 0px 6px; }
QFrame#searchPanel { background: {elevated}; border: 1px solid {border}; border-radius: {rLg}px; }
QFrame#confirmCard { background: {elevated}; border: 1px solid {border}; border-radius: {rXl}px; }
QFrame#contactsPanel { background: {surface}; border: none; }
QFrame#contactRow { background: transparent; border: none; border-radius: {rMd}px; }
QFrame#contactRow:hover { background: {hover}; }
QLabel#countBadge { background: {danger}; color: {onAccent}; border-radius: 9px; font-size: 11px;
                    font-weight: 700; padding: 0px 6px; }
QLabel#stateChip { background: {input}; color: {textSecondary}; border-radius: {rSm}px;
                   padding: 6px 10px; font-weight: 600; font-size: {caption}px; }
QScrollBar:vertical { background: transparent; width: 10px; margin: 2px; }
QScrollBar::handle:vertical { background: {pressed}; border-radius: 4px; min-height: 32px; }
QScrollBar::handle:vertical:hover { background: {borderStrong}; }
QScrollBar::add-line, QScrollBar::sub-line { height: 0px; width: 0px; }
QScrollBar::add-page, QScrollBar::sub-page { background: transparent; }
)QSS";

}  // namespace

QString Theme::styleSheet() const {
    const Colors& c = m_colors;
    const Radius r = radius();
    const Type t = type();
    const QHash<QString, QString> tokens{
        {"window", c.window.name()},
        {"surface", c.surface.name()},
        {"rail", c.rail.name()},
        {"elevated", c.elevated.name()},
        {"input", c.input.name()},
        {"hover", c.hover.name()},
        {"pressed", c.pressed.name()},
        {"border", c.border.name()},
        {"borderStrong", c.borderStrong.name()},
        {"text", c.text.name()},
        {"textSecondary", c.textSecondary.name()},
        {"textMuted", c.textMuted.name()},
        {"accent", c.accent.name()},
        {"accentHover", c.accentHover.name()},
        {"accentPressed", c.accentPressed.name()},
        {"accentSoft", c.accentSoft.name()},
        {"onAccent", c.onAccent.name()},
        {"danger", c.danger.name()},
        {"dangerSoft", c.dangerSoft.name()},
        {"success", c.success.name()},
        {"warning", c.warning.name()},
        {"chatBackground", c.chatBackground.name()},
        {"rSm", QString::number(r.sm)},
        {"rMd", QString::number(r.md)},
        {"rLg", QString::number(r.lg)},
        {"rXl", QString::number(r.xl)},
        {"caption", QString::number(t.caption)},
        {"body", QString::number(t.body)},
        {"title", QString::number(t.title)},
        {"headline", QString::number(t.headline)},
        {"display", QString::number(t.display)},
    };
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z]+)\\}"));
    const QString source = QString::fromUtf8(kTemplate);
    QString out;
    out.reserve(source.size() + 1024);
    qsizetype last = 0;
    for (auto it = placeholder.globalMatch(source); it.hasNext();) {
        const auto match = it.next();
        const auto value = tokens.constFind(match.captured(1));
        out += QStringView(source).mid(last, match.capturedStart() - last);
        // Braces that are not tokens are the stylesheet's own blocks and stay as written.
        out += value != tokens.constEnd() ? *value : match.captured(0);
        last = match.capturedEnd();
    }
    out += QStringView(source).mid(last);
    return out;
}

}  // namespace client::ui
