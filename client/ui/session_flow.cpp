#include "client/ui/session_flow.h"

#include "client/ui/login_dialog.h"
#include "client/ui/main_window.h"

namespace client::ui {

SessionFlow::SessionFlow(app::Profile& profile, app::KnownHosts& hosts,
                         app::Preferences& preferences, ThemeController& themes,
                         const QUrl& serverOverride, QObject* parent)
    : QObject(parent),
      m_profile(profile),
      m_hosts(hosts),
      m_preferences(preferences),
      m_themes(themes),
      m_serverOverride(serverOverride) {}

SessionFlow::~SessionFlow() {
    m_window.reset();
    m_account.reset();
    delete m_login;
}

LoginDialog* SessionFlow::loginDialog() const {
    return m_login.data();
}

void SessionFlow::start() {
    if (m_profile.session()) {
        showMain();
    } else {
        showLogin({});
    }
}

void SessionFlow::showLogin(const QString& reason) {
    if (m_login) {
        m_login->showGeneralError(reason);
        m_login->raise();
        return;
    }
    m_login = new LoginDialog(m_profile, m_hosts);
    m_login->setAttribute(Qt::WA_DeleteOnClose);
    if (m_serverOverride.isValid()) {
        m_login->setServer(m_serverOverride);
    }
    m_login->showGeneralError(reason);
    connect(m_login, &QDialog::accepted, this, &SessionFlow::showMain);
    connect(m_login, &QDialog::rejected, this, &SessionFlow::abandoned);
    m_login->show();
}

void SessionFlow::showMain() {
    if (m_login) {
        // The dialog deletes itself on close; it must not report the close as abandonment.
        disconnect(m_login, nullptr, this, nullptr);
        if (m_login->isVisible()) {
            m_login->close();
        }
    }
    m_account = std::make_unique<app::Account>(m_profile, m_hosts);
    // Queued: the account is destroyed in reaction, which must not happen inside its own signal.
    connect(m_account.get(), &app::Account::loggedOut, this, &SessionFlow::endSession,
            Qt::QueuedConnection);
    m_window = std::make_unique<MainWindow>(*m_account, m_preferences, m_themes);
    m_window->show();
    m_account->start();
}

void SessionFlow::endSession(const QString& reason) {
    const QUrl server = m_account ? m_account->server() : QUrl();
    showLogin(reason);
    // Signing in again most likely means the same server, whatever was typed last time.
    if (m_login && server.isValid() && !m_serverOverride.isValid()) {
        m_login->setServer(server);
    }
    m_window.reset();
    m_account.reset();
}

}  // namespace client::ui
