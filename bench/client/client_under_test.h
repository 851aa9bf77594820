// The real client as the messenger binary assembles it (theme, preferences, profile, session flow)
// for a profile with a stored session, so its main window opens from the cache at once.
#pragma once

#include <QApplication>
#include <QString>

#include "client/app/known_hosts.h"
#include "client/app/preferences.h"
#include "client/app/profile.h"
#include "client/ui/session_flow.h"
#include "client/ui/theme_controller.h"

namespace client::ui {
class MainWindow;
}

namespace bench {

class ClientUnderTest {
public:
    // `app` must outlive this object. Nothing happens until start().
    ClientUnderTest(QApplication& app, const QString& profileName);

    // Opens the main window (the account starts offline: its server does not answer).
    void start();
    client::ui::MainWindow* window() const { return m_flow.mainWindow(); }

private:
    client::ui::ThemeController m_themes;
    client::app::Preferences m_preferences;
    client::app::Profile m_profile;
    client::app::KnownHosts m_hosts;
    client::ui::SessionFlow m_flow;
};

}  // namespace bench
