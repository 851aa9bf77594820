// messenger: the desktop client's entry point — command line, theme, then sign-in or main window.
#include <QApplication>
#include <QCommandLineParser>
#include <QFile>
#include <QIcon>
#include <QTextStream>

#include "client/app/known_hosts.h"
#include "client/app/preferences.h"
#include "client/app/profile.h"
#include "client/app/sign_in.h"
#include "client/ui/session_flow.h"
#include "client/ui/theme_controller.h"

int main(int argc, char* argv[]) {
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Messenger"));
    QApplication::setApplicationName(QStringLiteral("messenger"));
    QApplication::setApplicationDisplayName(QStringLiteral("Messenger"));
    QApplication::setApplicationVersion(QStringLiteral(MESSENGER_VERSION));
    QApplication::setDesktopFileName(QStringLiteral("messenger"));
    if (QFile::exists(QStringLiteral(":/icons/messenger-256.png"))) {
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/messenger-256.png")));
    }

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Messenger desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption profileOption(
        QStringLiteral("profile"),
        QStringLiteral(
            "Use the local profile NAME (letters, digits, _ and -), default \"default\"."),
        QStringLiteral("NAME"));
    const QCommandLineOption serverOption(
        QStringLiteral("server"),
        QStringLiteral("Prefill the sign-in with the server URL, e.g. https://127.0.0.1:8443."),
        QStringLiteral("URL"));
    parser.addOption(profileOption);
    parser.addOption(serverOption);
    parser.process(app);

    QTextStream err(stderr);
    const QString profileName = parser.value(profileOption);
    if (!profileName.isEmpty() && !client::app::Profile::isValidName(profileName)) {
        err << "messenger: --profile: must be 1 to 32 letters, digits, _ or -\n";
        return 2;
    }
    QUrl server;
    if (parser.isSet(serverOption)) {
        const auto parsed = client::app::SignIn::parseServer(parser.value(serverOption));
        if (!parsed) {
            err << "messenger: --server: not a server address: " << parser.value(serverOption)
                << "\n";
            return 2;
        }
        server = *parsed;
    }

    client::ui::ThemeController themes(app);
    client::app::Preferences preferences;
    themes.apply(preferences.themeChoice());

    client::app::Profile profile(profileName);
    client::app::KnownHosts hosts;
    client::ui::SessionFlow flow(profile, hosts, preferences, themes, server);
    QObject::connect(&flow, &client::ui::SessionFlow::abandoned, &app, &QApplication::quit,
                     Qt::QueuedConnection);
    flow.start();
    return QApplication::exec();
}
