// Applies the chosen theme (System, Light or Dark) to the application: palette, font and
// stylesheet.
#pragma once

#include <QObject>
#include <QPalette>

#include "client/app/preferences.h"
#include "client/ui/theme.h"

class QApplication;

namespace client::ui {

class ThemeController : public QObject {
    Q_OBJECT
public:
    // Remembers the palette the platform gave the application, so "System" can follow it later.
    // Construct before anything else sets the application palette.
    explicit ThemeController(QApplication& app, QObject* parent = nullptr);

    void apply(app::ThemeChoice choice);
    app::ThemeChoice choice() const { return m_choice; }
    const Theme& theme() const { return m_theme; }

    // Qt 6.4 has no QStyleHints::colorScheme: a dark platform window colour means a dark system.
    Theme::Mode systemMode() const;

Q_SIGNALS:
    void themeChanged();

private:
    QApplication& m_app;
    QPalette m_systemPalette;
    app::ThemeChoice m_choice = app::ThemeChoice::System;
    Theme m_theme;
};

}  // namespace client::ui
