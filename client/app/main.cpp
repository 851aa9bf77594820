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

namespace {

struct Options {
    QCommandLineOption profile{
        QStringLiteral("profile"),
        QStringLiteral(
            "Use the local profile NAME (letters, digits, _ and -), default \"default\"."),
        QStringLiteral("NAME")};
    QCommandLineOption server{
        QStringLiteral("server"),
        QStringLiteral("Prefill the sign-in with the server URL, e.g. https://127.0.0.1:8443."),
        QStringLiteral("URL")};
};

void describe() {
    QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
    QCoreApplication::setApplicationName(QStringLiteral("messenger"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MESSENGER_VERSION));
}

void configure(QCommandLineParser& parser, const Options& options) {
    parser.setApplicationDescription(QStringLiteral("Messenger desktop client"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOption(options.profile);
    parser.addOption(options.server);
}

// --help and --version print and exit: they must work without a display.
bool onlyPrints(int argc, char* argv[]) {
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg(argv[i]);
        if (arg == "-h" || arg == "--help" || arg == "--help-all" || arg == "-v" ||
            arg == "--version" || arg == "-?") {
            return true;
        }
    }
    return false;
}

}  // namespace

int main(int argc, char* argv[]) {
    const Options options;
    if (onlyPrints(argc, argv)) {
        QCoreApplication app(argc, argv);
        describe();
        QCommandLineParser parser;
        configure(parser, options);
        parser.process(app);
        return 0;
    }

    QApplication app(argc, argv);
    // The icons live in the static client library, whose linker drops them unless named here.
    Q_INIT_RESOURCE(resources);
    describe();
    QApplication::setApplicationDisplayName(QStringLiteral("Messenger"));
    QApplication::setDesktopFileName(QStringLiteral("messenger"));
    if (QFile::exists(QStringLiteral(":/icons/messenger-256.png"))) {
        QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/messenger-256.png")));
    }
    QCommandLineParser parser;
    configure(parser, options);
    parser.process(app);

    QTextStream err(stderr);
    const QString profileName = parser.value(options.profile);
    if (!profileName.isEmpty() && !client::app::Profile::isValidName(profileName)) {
        err << "messenger: --profile: must be 1 to 32 letters, digits, _ or -\n";
        return 2;
    }
    QUrl server;
    if (parser.isSet(options.server)) {
        const auto parsed = client::app::SignIn::parseServer(parser.value(options.server));
        if (!parsed) {
            err << "messenger: --server: not a server address: " << parser.value(options.server)
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
