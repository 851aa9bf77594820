#include "client/ui/login_dialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "client/ui/form_field.h"
#include "client/ui/icon_set.h"
#include "client/ui/segmented_control.h"
#include "client/ui/style_hooks.h"
#include "client/ui/trust_panel.h"

namespace client::ui {

namespace {
constexpr int kCardWidth = 420;

QString serverText(const QUrl& server) {
    // https on the default port is what the field assumes, so the short form is enough.
    if (server.scheme() == QLatin1String("https")) {
        return QStringLiteral("%1:%2").arg(server.host()).arg(server.port(8443));
    }
    return server.toString(QUrl::RemovePath);
}
}  // namespace

LoginDialog::LoginDialog(app::Profile& profile, app::KnownHosts& hosts, QWidget* parent)
    : QDialog(parent), m_profile(profile), m_signIn(profile, hosts) {
    setWindowTitle(tr("Messenger"));
    setObjectName(QStringLiteral("loginDialog"));
    setMinimumSize(520, 640);
    resize(560, 720);

    auto* card = new QFrame(this);
    card->setObjectName(QStringLiteral("loginCard"));
    card->setFixedWidth(kCardWidth);
    style::set(card, style::Surface::Card);

    m_generalBanner = new QFrame(card);
    m_generalBanner->setObjectName(QStringLiteral("generalErrorBanner"));
    style::set(m_generalBanner, style::Surface::ErrorBanner);
    m_generalError = new QLabel(m_generalBanner);
    m_generalError->setObjectName(QStringLiteral("generalError"));
    m_generalError->setWordWrap(true);
    m_generalError->setTextFormat(Qt::PlainText);
    auto* bannerLayout = new QHBoxLayout(m_generalBanner);
    bannerLayout->setContentsMargins(12, 10, 12, 10);
    bannerLayout->addWidget(m_generalError);
    m_generalBanner->hide();

    m_steps = new QStackedWidget(card);
    m_steps->addWidget(buildForm());
    m_trust = new TrustPanel(card);
    auto* trustPage = new QWidget(card);
    auto* trustLayout = new QVBoxLayout(trustPage);
    trustLayout->setContentsMargins(0, 0, 0, 0);
    trustLayout->addWidget(m_trust);
    trustLayout->addStretch(1);
    m_steps->addWidget(trustPage);

    auto* cardLayout = new QVBoxLayout(card);
    cardLayout->setContentsMargins(32, 32, 32, 28);
    cardLayout->setSpacing(20);
    cardLayout->addWidget(buildHeader());
    cardLayout->addWidget(m_modeSwitch);
    cardLayout->addWidget(m_generalBanner);
    cardLayout->addWidget(m_steps);

    auto* footer = new QLabel(tr("Profile \u201c%1\u201d").arg(profile.name()), this);
    footer->setObjectName(QStringLiteral("profileLabel"));
    footer->setAlignment(Qt::AlignCenter);
    style::set(footer, style::Text::Caption);

    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(24, 24, 24, 16);
    outer->addStretch(1);
    outer->addWidget(card, 0, Qt::AlignHCenter);
    outer->addStretch(1);
    outer->addWidget(footer);

    connect(m_modeSwitch, &SegmentedControl::currentIndexChanged, this,
            [this](int index) { setMode(index == 1 ? Mode::Register : Mode::LogIn); });
    connect(&m_signIn, &app::SignIn::succeeded, this, &QDialog::accept);
    connect(&m_signIn, &app::SignIn::failed, this, &LoginDialog::showFailure);
    connect(&m_signIn, &app::SignIn::busyChanged, this, &LoginDialog::setBusy);
    connect(&m_signIn, &app::SignIn::certificateUnknown, this,
            [this](const QUrl& server, const QString& fingerprint) {
                m_trust->showUnknown(server, fingerprint);
                showTrustStep(true);
            });
    connect(&m_signIn, &app::SignIn::certificateChanged, this,
            [this](const QUrl& server, const QString& trusted, const QString& presented) {
                m_trust->showChanged(server, trusted, presented);
                showTrustStep(true);
            });
    connect(m_trust, &TrustPanel::trustRequested, this, [this] {
        showTrustStep(false);
        m_signIn.trustAndRetry();
    });
    connect(m_trust, &TrustPanel::cancelled, this, [this] {
        m_signIn.cancel();
        showTrustStep(false);
    });

    setServer(profile.lastServer());
    updateTexts();
}

QWidget* LoginDialog::buildHeader() {
    auto* header = new QWidget(this);
    auto* badge = new QLabel(header);
    badge->setPixmap(
        IconSet::appBadge(palette().color(QPalette::Highlight), 56, devicePixelRatioF()));
    badge->setAlignment(Qt::AlignCenter);
    m_title = new QLabel(header);
    m_title->setAlignment(Qt::AlignCenter);
    style::set(m_title, style::Text::Headline);
    m_subtitle = new QLabel(header);
    m_subtitle->setAlignment(Qt::AlignCenter);
    m_subtitle->setWordWrap(true);
    style::set(m_subtitle, style::Text::Secondary);

    auto* layout = new QVBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(badge);
    layout->addSpacing(8);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);

    m_modeSwitch = new SegmentedControl({tr("Log in"), tr("Create account")}, this);
    m_modeSwitch->setObjectName(QStringLiteral("modeSwitch"));
    return header;
}

QWidget* LoginDialog::buildForm() {
    auto* form = new QWidget(this);
    m_server = new FormField(tr("Server"), QStringLiteral("serverEdit"),
                             QStringLiteral("serverError"), form);
    m_server->edit()->setPlaceholderText(QStringLiteral("127.0.0.1:8443"));
    m_username = new FormField(tr("Username"), QStringLiteral("usernameEdit"),
                               QStringLiteral("usernameError"), form);
    m_username->edit()->setPlaceholderText(tr("e.g. alice"));
    m_password = new FormField(tr("Password"), QStringLiteral("passwordEdit"),
                               QStringLiteral("passwordError"), form);
    m_password->edit()->setEchoMode(QLineEdit::Password);
    m_displayName = new FormField(tr("Display name"), QStringLiteral("displayNameEdit"),
                                  QStringLiteral("displayNameError"), form);
    m_displayName->edit()->setPlaceholderText(tr("How friends see you (optional)"));

    m_submit = new QPushButton(form);
    m_submit->setObjectName(QStringLiteral("submitButton"));
    m_submit->setDefault(true);
    m_submit->setCursor(Qt::PointingHandCursor);
    m_submit->setMinimumHeight(42);
    style::set(m_submit, style::Button::Primary);

    auto* layout = new QVBoxLayout(form);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(14);
    for (FormField* field : {m_server, m_username, m_displayName, m_password}) {
        layout->addWidget(field);
        connect(field->edit(), &QLineEdit::returnPressed, this, &LoginDialog::submit);
    }
    layout->addSpacing(6);
    layout->addWidget(m_submit);
    layout->addStretch(1);
    connect(m_submit, &QPushButton::clicked, this, &LoginDialog::submit);
    return form;
}

void LoginDialog::setServer(const QUrl& server) {
    if (server.isValid()) {
        m_server->edit()->setText(serverText(server));
    }
}

void LoginDialog::setMode(Mode mode) {
    m_mode = mode;
    m_modeSwitch->setCurrentIndex(mode == Mode::Register ? 1 : 0);
    clearErrors();
    showTrustStep(false);
    updateTexts();
}

void LoginDialog::updateTexts() {
    const bool registering = m_mode == Mode::Register;
    m_title->setText(registering ? tr("Create your account") : tr("Welcome back"));
    m_subtitle->setText(registering ? tr("Pick a username your friends can find you by.")
                                    : tr("Log in to pick up where you left off."));
    m_displayName->setVisible(registering);
    m_password->edit()->setPlaceholderText(registering ? tr("At least 8 characters") : QString());
    setBusy(m_signIn.isBusy());
}

void LoginDialog::setBusy(bool busy) {
    const bool registering = m_mode == Mode::Register;
    if (busy) {
        m_submit->setText(registering ? tr("Creating account…") : tr("Logging in…"));
    } else {
        m_submit->setText(registering ? tr("Create account") : tr("Log in"));
    }
    m_submit->setEnabled(!busy);
    m_modeSwitch->setEnabled(!busy);
    for (FormField* field : {m_server, m_username, m_password, m_displayName}) {
        field->edit()->setReadOnly(busy);
    }
}

void LoginDialog::showGeneralError(const QString& message) {
    m_generalError->setText(message);
    m_generalBanner->setVisible(!message.isEmpty());
}

void LoginDialog::clearErrors() {
    for (FormField* field : {m_server, m_username, m_password, m_displayName}) {
        field->setError({});
    }
    showGeneralError({});
}

void LoginDialog::showFailure(const QString& field, const QString& message) {
    showTrustStep(false);
    FormField* target = nullptr;
    if (field == QLatin1String("server")) {
        target = m_server;
    } else if (field == QLatin1String("username")) {
        target = m_username;
    } else if (field == QLatin1String("password")) {
        target = m_password;
    } else if (field == QLatin1String("display_name") && m_mode == Mode::Register) {
        target = m_displayName;
    }
    if (target == nullptr) {
        showGeneralError(message);
        return;
    }
    target->setError(message);
    target->edit()->setFocus();
    target->edit()->selectAll();
}

void LoginDialog::showTrustStep(bool show) {
    m_steps->setCurrentIndex(show ? 1 : 0);
    m_modeSwitch->setVisible(!show);
}

void LoginDialog::submit() {
    if (m_signIn.isBusy() || m_steps->currentIndex() != 0) {
        return;
    }
    clearErrors();
    const std::optional<QUrl> server = app::SignIn::parseServer(m_server->text().trimmed());
    bool ok = true;
    if (!server) {
        m_server->setError(tr("Enter a server address such as 127.0.0.1:8443."));
        ok = false;
    }
    if (m_username->text().trimmed().isEmpty()) {
        m_username->setError(tr("Enter your username."));
        ok = false;
    }
    if (m_password->text().isEmpty()) {
        m_password->setError(tr("Enter your password."));
        ok = false;
    }
    if (!ok) {
        return;
    }
    const QString username = m_username->text().trimmed();
    if (m_mode == Mode::Register) {
        m_signIn.registerAccount(*server, username, m_password->text(),
                                 m_displayName->text().trimmed());
    } else {
        m_signIn.logIn(*server, username, m_password->text());
    }
}

}  // namespace client::ui
