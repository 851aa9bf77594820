#include "client/app/preferences.h"

namespace client::app {

namespace {
constexpr auto kThemeKey = "appearance/theme";
constexpr auto kGeometryKey = "main_window/geometry";
constexpr auto kSplitterKey = "main_window/splitter";
}  // namespace

Preferences::Preferences(const QString& iniPath)
    : m_settings(iniPath.isEmpty() ? std::make_unique<QSettings>()
                                   : std::make_unique<QSettings>(iniPath, QSettings::IniFormat)) {}

ThemeChoice Preferences::themeChoice() const {
    return themeChoiceFromString(m_settings->value(kThemeKey).toString());
}

void Preferences::setThemeChoice(ThemeChoice choice) {
    m_settings->setValue(kThemeKey, toString(choice));
    m_settings->sync();
}

QByteArray Preferences::mainWindowGeometry() const {
    return m_settings->value(kGeometryKey).toByteArray();
}

void Preferences::setMainWindowGeometry(const QByteArray& geometry) {
    m_settings->setValue(kGeometryKey, geometry);
}

QByteArray Preferences::mainWindowSplitter() const {
    return m_settings->value(kSplitterKey).toByteArray();
}

void Preferences::setMainWindowSplitter(const QByteArray& state) {
    m_settings->setValue(kSplitterKey, state);
}

QString Preferences::toString(ThemeChoice choice) {
    switch (choice) {
        case ThemeChoice::Light:
            return QStringLiteral("light");
        case ThemeChoice::Dark:
            return QStringLiteral("dark");
        case ThemeChoice::System:
            break;
    }
    return QStringLiteral("system");
}

ThemeChoice Preferences::themeChoiceFromString(const QString& text) {
    if (text == QLatin1String("light")) {
        return ThemeChoice::Light;
    }
    if (text == QLatin1String("dark")) {
        return ThemeChoice::Dark;
    }
    return ThemeChoice::System;
}

}  // namespace client::app
