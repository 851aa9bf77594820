// The sign-in dialog against the real server: typing, the trust step, and errors under the field.
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/ui/login_dialog.h"
#include "client/ui/segmented_control.h"
#include "client/ui/theme_controller.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using client::app::KnownHosts;
using client::app::Profile;
using client::ui::LoginDialog;

namespace {

constexpr int kWaitMs = 20000;

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

Profile freshProfile(const QString& name) {
    Profile profile(name);
    QDir(profile.dataDir()).removeRecursively();
    return profile;
}

template <typename T = QWidget>
T* child(QWidget& root, const char* name) {
    T* found = root.findChild<T*>(QLatin1String(name));
    if (found == nullptr) {
        qFatal("no child widget named %s", name);
    }
    return found;
}

// What the user would see: shown, and not just present in the widget tree.
bool shows(QWidget& root, const char* name) {
    return child(root, name)->isVisible();
}

QString labelText(QWidget& root, const char* name) {
    return child<QLabel>(root, name)->text();
}

}  // namespace

class TestLoginDialog : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<client::ui::ThemeController> m_themes;

    // A dialog whose known hosts already trust the test server (unless `trusting` is false).
    struct Fixture {
        Profile profile;
        KnownHosts hosts;
        std::unique_ptr<LoginDialog> dialog;
    };

    std::unique_ptr<Fixture> open(const QString& name, bool trusting = true) {
        auto f = std::unique_ptr<Fixture>(new Fixture{
            freshProfile(name), KnownHosts(m_dir.filePath(name + QStringLiteral(".hosts"))), {}});
        if (trusting) {
            f->hosts.trust(m_server.baseUrl(), m_server.fingerprint());
        }
        f->dialog = std::make_unique<LoginDialog>(f->profile, f->hosts);
        f->dialog->setServer(m_server.baseUrl());
        f->dialog->show();
        return f;
    }

    void fill(LoginDialog& dialog, const QString& username, const QString& password,
              const QString& displayName = {}) {
        for (auto [name, text] :
             {std::pair{"usernameEdit", username}, std::pair{"passwordEdit", password}}) {
            auto* edit = child<QLineEdit>(dialog, name);
            edit->clear();
            QTest::keyClicks(edit, text);
        }
        if (!displayName.isEmpty()) {
            QTest::keyClicks(child<QLineEdit>(dialog, "displayNameEdit"), displayName);
        }
    }

    void chooseRegister(LoginDialog& dialog) {
        auto* modeSwitch = child<client::ui::SegmentedControl>(dialog, "modeSwitch");
        QTest::mouseClick(modeSwitch->button(1), Qt::LeftButton);
        QCOMPARE(dialog.mode(), LoginDialog::Mode::Register);
        QVERIFY(shows(dialog, "displayNameEdit"));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
        QCoreApplication::setApplicationName(QStringLiteral("messenger"));
        m_themes = std::make_unique<client::ui::ThemeController>(*qApp);
        m_themes->apply(client::app::ThemeChoice::Light);
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());
    }

    void loginModeHidesTheDisplayName() {
        auto f = open(QStringLiteral("ui_login_mode"));
        QCOMPARE(f->dialog->mode(), LoginDialog::Mode::LogIn);
        QVERIFY(!shows(*f->dialog, "displayNameEdit"));
        QCOMPARE(child<QPushButton>(*f->dialog, "submitButton")->text(), QStringLiteral("Log in"));
        QCOMPARE(child<QLineEdit>(*f->dialog, "serverEdit")->text(),
                 QStringLiteral("127.0.0.1:%1").arg(m_server.port()));
    }

    void trustsTheServerThenRegisters() {
        auto f = open(QStringLiteral("ui_trust"), false);
        LoginDialog& dialog = *f->dialog;
        chooseRegister(dialog);
        fill(dialog, QStringLiteral("Grace"), QStringLiteral("password123"),
             QStringLiteral("Grace Hopper"));
        QTest::mouseClick(child<QPushButton>(dialog, "submitButton"), Qt::LeftButton);

        QTRY_VERIFY_WITH_TIMEOUT(shows(dialog, "trustButton"), kWaitMs);
        QVERIFY(!shows(dialog, "submitButton"));
        QString shown = labelText(dialog, "fingerprintLabel");
        QCOMPARE(shown.remove(QLatin1Char('\n')), m_server.fingerprint());

        QTest::mouseClick(child<QPushButton>(dialog, "trustButton"), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), kWaitMs);
        QVERIFY(!dialog.isVisible());
        QCOMPARE(f->profile.session()->username, QStringLiteral("grace"));
        QCOMPARE(f->profile.session()->displayName, QStringLiteral("Grace Hopper"));
        QCOMPARE(*f->hosts.fingerprint(m_server.baseUrl()), m_server.fingerprint());
    }

    void cancellingTheTrustStepReturnsToTheForm() {
        auto f = open(QStringLiteral("ui_trust_cancel"), false);
        fill(*f->dialog, QStringLiteral("nobody"), QStringLiteral("password123"));
        QTest::keyClick(child(*f->dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "trustButton"), kWaitMs);
        QTest::mouseClick(child<QPushButton>(*f->dialog, "trustCancelButton"), Qt::LeftButton);
        QVERIFY(shows(*f->dialog, "submitButton"));
        QVERIFY(child<QPushButton>(*f->dialog, "submitButton")->isEnabled());
        QVERIFY(!f->hosts.fingerprint(m_server.baseUrl()));
    }

    void aChangedCertificateIsRefused() {
        auto f = open(QStringLiteral("ui_changed"), false);
        const QString old = QStringLiteral(
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:"
            "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF");
        f->hosts.trust(m_server.baseUrl(), old);
        fill(*f->dialog, QStringLiteral("nobody"), QStringLiteral("password123"));
        QTest::mouseClick(child<QPushButton>(*f->dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "fingerprintLabel"), kWaitMs);
        QVERIFY(!shows(*f->dialog, "trustButton"));
        QString shown = labelText(*f->dialog, "fingerprintLabel");
        QCOMPARE(shown.remove(QLatin1Char('\n')), m_server.fingerprint());
        QCOMPARE(*f->hosts.fingerprint(m_server.baseUrl()), old);
        QVERIFY(!f->profile.session());
    }

    void aTakenUsernameIsShownUnderTheUsername() {
        testsupport::HttpClient http(m_server);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("taken")).ok());
        auto f = open(QStringLiteral("ui_taken"));
        chooseRegister(*f->dialog);
        fill(*f->dialog, QStringLiteral("taken"), QStringLiteral("password123"));
        QTest::mouseClick(child<QPushButton>(*f->dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "usernameError"), kWaitMs);
        QVERIFY(!labelText(*f->dialog, "usernameError").isEmpty());
        QVERIFY(!shows(*f->dialog, "passwordError"));
        QVERIFY(!shows(*f->dialog, "generalError"));
        QCOMPARE(f->dialog->result(), int(QDialog::Rejected));
        QVERIFY(!f->profile.session());
    }

    void badUsernameCharactersAreShownUnderTheUsername() {
        auto f = open(QStringLiteral("ui_bad_name"));
        chooseRegister(*f->dialog);
        fill(*f->dialog, QStringLiteral("no spaces!"), QStringLiteral("password123"));
        QTest::mouseClick(child<QPushButton>(*f->dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "usernameError"), kWaitMs);
        const QString error = labelText(*f->dialog, "usernameError");
        QVERIFY2(!error.startsWith(QStringLiteral("username:")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("3 to 32")), qPrintable(error));
    }

    void aWrongPasswordIsShownUnderThePasswordAndEnterSubmits() {
        testsupport::HttpClient http(m_server);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("linus")).ok());
        auto f = open(QStringLiteral("ui_wrong"));
        fill(*f->dialog, QStringLiteral("linus"), QStringLiteral("not-the-password"));
        QTest::keyClick(child(*f->dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "passwordError"), kWaitMs);
        QCOMPARE(labelText(*f->dialog, "passwordError"),
                 QStringLiteral("Wrong username or password."));
        QVERIFY(!shows(*f->dialog, "usernameError"));
        QVERIFY(child<QPushButton>(*f->dialog, "submitButton")->isEnabled());

        // Typing in the field again clears its complaint.
        QTest::keyClicks(child(*f->dialog, "passwordEdit"), QStringLiteral("x"));
        QVERIFY(!shows(*f->dialog, "passwordError"));
    }

    void emptyFieldsAreCaughtBeforeAnyRequest() {
        auto f = open(QStringLiteral("ui_empty"));
        QTest::mouseClick(child<QPushButton>(*f->dialog, "submitButton"), Qt::LeftButton);
        QVERIFY(shows(*f->dialog, "usernameError"));
        QVERIFY(shows(*f->dialog, "passwordError"));
        QVERIFY(!f->dialog->signIn().isBusy());
    }

    void anUnreachableServerIsShownUnderTheServer() {
        auto f = open(QStringLiteral("ui_down"));
        const QString address = QStringLiteral("127.0.0.1:%1").arg(closedPort());
        auto* server = child<QLineEdit>(*f->dialog, "serverEdit");
        server->clear();
        QTest::keyClicks(server, address);
        fill(*f->dialog, QStringLiteral("linus"), QStringLiteral("password123"));
        QTest::mouseClick(child<QPushButton>(*f->dialog, "submitButton"), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(shows(*f->dialog, "serverError"), kWaitMs);
        QVERIFY2(labelText(*f->dialog, "serverError").contains(address),
                 qPrintable(labelText(*f->dialog, "serverError")));
        QVERIFY(!shows(*f->dialog, "usernameError"));
    }

    void aGeneralMessageShowsAtTheTop() {
        auto f = open(QStringLiteral("ui_general"));
        QVERIFY(!shows(*f->dialog, "generalError"));
        f->dialog->showGeneralError(QStringLiteral("Your session expired."));
        QVERIFY(shows(*f->dialog, "generalError"));
        QCOMPARE(labelText(*f->dialog, "generalError"), QStringLiteral("Your session expired."));
    }
};

QTEST_MAIN(TestLoginDialog)
#include "tst_login_dialog.moc"
