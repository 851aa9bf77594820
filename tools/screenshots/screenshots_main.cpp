// messenger-screenshots: drives the real client windows against a running server and saves
// what they look like (sign-in, trust step, an error, the main window light and dark) as PNGs.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/preferences.h"
#include "client/app/profile.h"
#include "client/app/sign_in.h"
#include "client/ui/contacts_panel.h"
#include "client/ui/login_dialog.h"
#include "client/ui/main_window.h"
#include "client/ui/segmented_control.h"
#include "client/ui/settings_dialog.h"
#include "client/ui/theme_controller.h"
#include "tools/screenshots/chat_scene.h"
#include "tools/screenshots/group_scenes.h"

namespace {

using client::app::Preferences;
using client::ui::LoginDialog;

class Shooter {
public:
    explicit Shooter(const QString& outDir) : m_outDir(outDir) { QDir().mkpath(outDir); }

    bool save(QWidget& widget, const QString& name) {
        QApplication::processEvents();
        QTest::qWait(150);  // lets layouts, style polish and the first paint settle
        const QString path = QDir(m_outDir).filePath(name + QStringLiteral(".png"));
        const bool ok = widget.grab().save(path);
        QTextStream(stdout) << (ok ? "wrote " : "FAILED ") << path << "\n";
        m_ok = m_ok && ok;
        return ok;
    }
    bool ok() const { return m_ok; }

private:
    QString m_outDir;
    bool m_ok = true;
};

void type(QWidget& root, const char* name, const QString& text) {
    auto* edit = root.findChild<QLineEdit*>(QLatin1String(name));
    edit->clear();
    QTest::keyClicks(edit, text);
}

bool fail(const QString& why) {
    QTextStream(stderr) << "messenger-screenshots: " << why << "\n";
    return false;
}

bool run(const QUrl& server, const QString& outDir, const QString& username) {
    QApplication& app = *qApp;
    client::ui::ThemeController themes(app);
    QTemporaryDir settingsDir;
    client::app::Preferences preferences(settingsDir.filePath(QStringLiteral("prefs.ini")));
    client::app::Profile profile(QStringLiteral("screenshots"));
    profile.clearSession();
    Shooter shooter(outDir);
    const QString password = QStringLiteral("correct horse battery");

    for (const auto choice : {client::app::ThemeChoice::Light, client::app::ThemeChoice::Dark}) {
        themes.apply(choice);
        // A fresh trust store per theme, so each theme shows the first-connection step.
        client::app::KnownHosts firstTime(
            settingsDir.filePath(QStringLiteral("known_hosts") + Preferences::toString(choice)));
        LoginDialog dialog(profile, firstTime);
        dialog.setServer(server);
        dialog.show();
        const QString suffix = choice == client::app::ThemeChoice::Dark ? "-dark" : "-light";
        type(dialog, "usernameEdit", username);
        type(dialog, "passwordEdit", QStringLiteral("not the password"));
        shooter.save(dialog, QStringLiteral("login") + suffix);

        QObject::connect(
            &dialog.signIn(), &client::app::SignIn::certificateUnknown, &dialog,
            [&](const QUrl&, const QString&) {
                shooter.save(dialog, QStringLiteral("trust") + suffix);
                dialog.signIn().trustAndRetry();
            },
            Qt::QueuedConnection);
        bool failed = false;
        QObject::connect(&dialog.signIn(), &client::app::SignIn::failed, &dialog,
                         [&] { failed = true; });
        dialog.submit();
        if (!QTest::qWaitFor([&] { return failed; }, 15000)) {
            return fail(QStringLiteral("the wrong password was never refused"));
        }
        shooter.save(dialog, QStringLiteral("login-error") + suffix);

        dialog.setMode(LoginDialog::Mode::Register);
        type(dialog, "usernameEdit", username);
        type(dialog, "displayNameEdit", QStringLiteral("Alice Martin"));
        type(dialog, "passwordEdit", password);
        shooter.save(dialog, QStringLiteral("register") + suffix);
        if (choice == client::app::ThemeChoice::Dark) {
            break;
        }
        dialog.submit();
        if (!QTest::qWaitFor([&] { return dialog.result() == QDialog::Accepted; }, 15000)) {
            return fail(QStringLiteral("registration did not succeed"));
        }
    }

    themes.apply(client::app::ThemeChoice::Light);
    client::app::KnownHosts hosts(settingsDir.filePath(
        QStringLiteral("known_hosts") + Preferences::toString(client::app::ThemeChoice::Light)));
    client::app::Account account(profile, hosts);
    client::ui::MainWindow window(account, preferences, themes);
    window.resize(1200, 760);
    window.show();
    account.start();
    if (!QTest::qWaitFor(
            [&] {
                return account.connectionState() == client::app::Account::ConnectionState::Online;
            },
            15000)) {
        return fail(QStringLiteral("the account never came online"));
    }
    shooter.save(window, QStringLiteral("main-light"));
    themes.apply(client::app::ThemeChoice::Dark);
    shooter.save(window, QStringLiteral("main-dark"));

    client::ui::SettingsDialog settings(themes, preferences, account, &window);
    settings.show();
    shooter.save(settings, QStringLiteral("settings-dark"));
    settings.findChild<client::ui::SegmentedControl*>(QStringLiteral("themeSwitch"))
        ->setCurrentIndex(1);
    shooter.save(settings, QStringLiteral("settings-light"));
    settings.close();
    // As a user returning to the window: the open chat's messages count as read only then.
    window.activateWindow();
    if (!QTest::qWaitForWindowActive(&window)) {
        qWarning("screenshots: the main window did not become active again");
    }

    themes.apply(client::app::ThemeChoice::Light);
    screenshots::ChatScene scene(account, hosts, server);
    if (!scene.build()) {
        return fail(scene.why());
    }
    // Tall enough to show the whole conversation, from its day separator down.
    window.resize(1280, 900);
    window.openChat(scene.chatId());
    QTest::qWait(400);
    shooter.save(window, QStringLiteral("chat-light"));
    themes.apply(client::app::ThemeChoice::Dark);
    shooter.save(window, QStringLiteral("chat-dark"));
    themes.apply(client::app::ThemeChoice::Light);
    window.showContacts();
    shooter.save(window, QStringLiteral("contacts-light"));
    window.contacts()->showTab(client::ui::ContactsPanel::Tab::Requests);
    shooter.save(window, QStringLiteral("contacts-requests-light"));

    screenshots::GroupScene group(account, hosts, server);
    if (!group.build()) {
        return fail(group.why());
    }
    window.openChat(group.chatId());
    QTest::qWait(600);
    shooter.save(window, QStringLiteral("group-chat-light"));
    themes.apply(client::app::ThemeChoice::Dark);
    shooter.save(window, QStringLiteral("group-chat-dark"));
    themes.apply(client::app::ThemeChoice::Light);
    window.openGroupSettings(group.chatId());
    QTest::qWait(400);
    shooter.save(window, QStringLiteral("group-settings-owner-light"));
    const auto save = [&shooter](QWidget& widget, const QString& name) {
        return shooter.save(widget, name);
    };
    if (!screenshots::captureGroupScenes(group, save, QStringLiteral("-light"))) {
        return fail(QStringLiteral("the group scenes could not be captured"));
    }
    account.logOut();
    return shooter.ok();
}

}  // namespace

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    // The icons live in the static client library, whose linker drops them unless named here.
    Q_INIT_RESOURCE(resources);
    QApplication::setOrganizationName(QStringLiteral("Messenger"));
    QApplication::setApplicationName(QStringLiteral("messenger-screenshots"));
    QStandardPaths::setTestModeEnabled(true);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Renders the client's windows into PNGs."));
    parser.addHelpOption();
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QStringLiteral("The running server's URL."),
                                          QStringLiteral("URL"));
    const QCommandLineOption outOption(QStringLiteral("out"), QStringLiteral("Output folder."),
                                       QStringLiteral("DIR"), QStringLiteral("docs/screenshots"));
    const QCommandLineOption userOption(QStringLiteral("username"),
                                        QStringLiteral("The demo user to register."),
                                        QStringLiteral("NAME"), QStringLiteral("alice"));
    parser.addOption(serverOption);
    parser.addOption(outOption);
    parser.addOption(userOption);
    parser.process(app);
    const QUrl server(parser.value(serverOption));
    if (!server.isValid() || server.host().isEmpty()) {
        QTextStream(stderr) << "messenger-screenshots: --server URL is required\n";
        return 2;
    }
    return run(server, parser.value(outOption), parser.value(userOption)) ? 0 : 1;
}
