// Which window the user sees: the sign-in dialog without a session, the main window with one.
#pragma once

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <memory>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/preferences.h"
#include "client/app/profile.h"

namespace client::ui {

class LoginDialog;
class MainWindow;
class ThemeController;

class SessionFlow : public QObject {
    Q_OBJECT
public:
    // The references must outlive the flow. serverOverride (from --server) prefills the sign-in.
    SessionFlow(app::Profile& profile, app::KnownHosts& hosts, app::Preferences& preferences,
                ThemeController& themes, const QUrl& serverOverride = {},
                QObject* parent = nullptr);
    ~SessionFlow() override;

    // A stored session opens the main window at once (the cache shows before the network);
    // otherwise the sign-in dialog.
    void start();

    LoginDialog* loginDialog() const;
    MainWindow* mainWindow() const { return m_window.get(); }
    app::Account* account() const { return m_account.get(); }

Q_SIGNALS:
    // The user closed the sign-in dialog without signing in.
    void abandoned();

private:
    void showLogin(const QString& reason);
    void showMain();
    void endSession(const QString& reason);

    app::Profile& m_profile;
    app::KnownHosts& m_hosts;
    app::Preferences& m_preferences;
    ThemeController& m_themes;
    QUrl m_serverOverride;
    QPointer<LoginDialog> m_login;
    std::unique_ptr<app::Account> m_account;
    std::unique_ptr<MainWindow> m_window;
};

}  // namespace client::ui
