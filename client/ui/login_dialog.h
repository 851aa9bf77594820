// The sign-in window: one card to log in or create an account, with the certificate-trust step.
#pragma once

#include <QDialog>
#include <QUrl>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/app/sign_in.h"

class QLabel;
class QPushButton;
class QStackedWidget;

namespace client::ui {

class FormField;
class SegmentedControl;
class TrustPanel;

class LoginDialog : public QDialog {
    Q_OBJECT
public:
    enum class Mode { LogIn, Register };

    // Both references must outlive the dialog. The server field starts at profile.lastServer().
    LoginDialog(app::Profile& profile, app::KnownHosts& hosts, QWidget* parent = nullptr);

    void setServer(const QUrl& server);
    void setMode(Mode mode);
    Mode mode() const { return m_mode; }
    // A message at the top of the card, e.g. why the previous session ended.
    void showGeneralError(const QString& message);

    app::SignIn& signIn() { return m_signIn; }

public Q_SLOTS:
    void submit();

private:
    QWidget* buildHeader();
    QWidget* buildForm();
    void clearErrors();
    void showFailure(const QString& field, const QString& message);
    void showTrustStep(bool show);
    void setBusy(bool busy);
    void updateTexts();

    app::Profile& m_profile;
    app::SignIn m_signIn;
    Mode m_mode = Mode::LogIn;

    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    SegmentedControl* m_modeSwitch = nullptr;
    QWidget* m_generalBanner = nullptr;
    QLabel* m_generalError = nullptr;
    QStackedWidget* m_steps = nullptr;
    FormField* m_server = nullptr;
    FormField* m_username = nullptr;
    FormField* m_password = nullptr;
    FormField* m_displayName = nullptr;
    QPushButton* m_submit = nullptr;
    TrustPanel* m_trust = nullptr;
};

}  // namespace client::ui
