// The user's app-wide choices that outlive a session: theme and window geometry, kept in QSettings.
#pragma once

#include <QByteArray>
#include <QSettings>
#include <QString>
#include <memory>

namespace client::app {

enum class ThemeChoice { System, Light, Dark };

class Preferences {
public:
    // Empty path: the platform's settings store for the application (organisation "Messenger").
    // A path: an INI file there, which tests use to stay out of the user's settings.
    explicit Preferences(const QString& iniPath = {});

    ThemeChoice themeChoice() const;
    void setThemeChoice(ThemeChoice choice);

    QByteArray mainWindowGeometry() const;
    void setMainWindowGeometry(const QByteArray& geometry);
    QByteArray mainWindowSplitter() const;
    void setMainWindowSplitter(const QByteArray& state);

    static QString toString(ThemeChoice choice);
    static ThemeChoice themeChoiceFromString(const QString& text);  // unknown → System

private:
    std::unique_ptr<QSettings> m_settings;
};

}  // namespace client::app
