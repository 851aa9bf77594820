#include "client/ui/theme_controller.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace client::ui {

ThemeController::ThemeController(QApplication& app, QObject* parent)
    : QObject(parent), m_app(app), m_systemPalette(app.palette()), m_theme(Theme::light()) {
    if (QStyle* fusion = QStyleFactory::create(QStringLiteral("Fusion"))) {
        QApplication::setStyle(fusion);
    }
}

Theme::Mode ThemeController::systemMode() const {
    return m_systemPalette.color(QPalette::Window).lightness() < 128 ? Theme::Mode::Dark
                                                                     : Theme::Mode::Light;
}

void ThemeController::apply(app::ThemeChoice choice) {
    m_choice = choice;
    switch (choice) {
        case app::ThemeChoice::Light:
            m_theme = Theme::light();
            break;
        case app::ThemeChoice::Dark:
            m_theme = Theme::dark();
            break;
        case app::ThemeChoice::System:
            m_theme = Theme::forMode(systemMode());
            break;
    }
    QApplication::setFont(m_theme.font());
    QApplication::setPalette(m_theme.palette());
    m_app.setStyleSheet(m_theme.styleSheet());
    Q_EMIT themeChanged();
}

}  // namespace client::ui
