// Signing in and registering as the login dialog does: certificate trust, field errors, no server.
#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/app/sign_in.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using client::app::KnownHosts;
using client::app::Profile;
using client::app::SignIn;

namespace {

constexpr int kWaitMs = 20000;

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

// A profile nobody else uses, emptied first.
Profile freshProfile(const char* name) {
    Profile profile(QString::fromLatin1(name));
    QDir(profile.dataDir()).removeRecursively();
    return profile;
}

}  // namespace

class TestSignIn : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;
    QTemporaryDir m_dir;

    std::unique_ptr<KnownHosts> trustingHosts(const QString& file) {
        auto hosts = std::make_unique<KnownHosts>(m_dir.filePath(file));
        hosts->trust(m_server.baseUrl(), m_server.fingerprint());
        return hosts;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
        QCoreApplication::setApplicationName(QStringLiteral("messenger"));
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());
    }

    void trustsAnUnknownCertificateThenRegisters() {
        Profile profile = freshProfile("signin_trust");
        KnownHosts hosts(m_dir.filePath(QStringLiteral("trust_hosts")));
        SignIn signIn(profile, hosts);
        QSignalSpy unknown(&signIn, &SignIn::certificateUnknown);
        QSignalSpy succeeded(&signIn, &SignIn::succeeded);
        QSignalSpy failed(&signIn, &SignIn::failed);
        QSignalSpy busy(&signIn, &SignIn::busyChanged);

        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("Hannah"),
                               QStringLiteral("password123"), QStringLiteral("  Hannah Arendt "));
        QVERIFY(signIn.isBusy());
        QTRY_COMPARE_WITH_TIMEOUT(unknown.count(), 1, kWaitMs);
        QCOMPARE(unknown.at(0).at(0).toUrl(), m_server.baseUrl());
        QCOMPARE(unknown.at(0).at(1).toString(), m_server.fingerprint());
        QVERIFY(!signIn.isBusy());
        QVERIFY(!profile.session());
        QVERIFY(!hosts.fingerprint(m_server.baseUrl()));

        signIn.trustAndRetry();
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, kWaitMs);
        QCOMPARE(failed.count(), 0);
        QCOMPARE(*hosts.fingerprint(m_server.baseUrl()), m_server.fingerprint());
        const auto session = profile.session();
        QVERIFY(session);
        QCOMPARE(session->server, m_server.baseUrl());
        QCOMPARE(session->username, QStringLiteral("hannah"));
        QCOMPARE(session->displayName, QStringLiteral("Hannah Arendt"));
        QVERIFY(session->userId > 0);
        QVERIFY(!session->token.isEmpty());
        QCOMPARE(profile.lastServer(), m_server.baseUrl());
        QVERIFY(!signIn.isBusy());
        QCOMPARE(busy.last().at(0).toBool(), false);

        // The token works: the server knows it.
        testsupport::HttpClient http(m_server);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me"), session->token).status, 200);
    }

    void logsInWithATrustedCertificate() {
        testsupport::HttpClient http(m_server);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("ivan")).ok());
        Profile profile = freshProfile("signin_login");
        auto hosts = trustingHosts(QStringLiteral("login_hosts"));
        SignIn signIn(profile, *hosts);
        QSignalSpy unknown(&signIn, &SignIn::certificateUnknown);
        QSignalSpy succeeded(&signIn, &SignIn::succeeded);
        signIn.logIn(m_server.baseUrl(), QStringLiteral("IVAN"), QStringLiteral("password123"));
        QTRY_COMPARE_WITH_TIMEOUT(succeeded.count(), 1, kWaitMs);
        QCOMPARE(unknown.count(), 0);
        QCOMPARE(profile.session()->username, QStringLiteral("ivan"));
    }

    void wrongPasswordIsAPasswordError() {
        testsupport::HttpClient http(m_server);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("judy")).ok());
        Profile profile = freshProfile("signin_wrong");
        auto hosts = trustingHosts(QStringLiteral("wrong_hosts"));
        SignIn signIn(profile, *hosts);
        QSignalSpy failed(&signIn, &SignIn::failed);
        signIn.logIn(m_server.baseUrl(), QStringLiteral("judy"), QStringLiteral("password124"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("password"));
        QCOMPARE(failed.at(0).at(1).toString(), QStringLiteral("Wrong username or password."));
        QVERIFY(!profile.session());
        QVERIFY(!signIn.isBusy());
    }

    void takenUsernameIsAUsernameError() {
        testsupport::HttpClient http(m_server);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("karl")).ok());
        Profile profile = freshProfile("signin_taken");
        auto hosts = trustingHosts(QStringLiteral("taken_hosts"));
        SignIn signIn(profile, *hosts);
        QSignalSpy failed(&signIn, &SignIn::failed);
        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("Karl"),
                               QStringLiteral("password123"), QString());
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("username"));
        QVERIFY(!failed.at(0).at(1).toString().isEmpty());
        QVERIFY(!failed.at(0).at(1).toString().startsWith(QStringLiteral("username:")));
    }

    void invalidFieldsAreReportedBeforeAnyRequest() {
        Profile profile = freshProfile("signin_invalid");
        KnownHosts hosts(m_dir.filePath(QStringLiteral("invalid_hosts")));
        SignIn signIn(profile, hosts);
        QSignalSpy failed(&signIn, &SignIn::failed);
        QSignalSpy unknown(&signIn, &SignIn::certificateUnknown);

        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("no spaces"),
                               QStringLiteral("password123"), QString());
        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("lena"), QStringLiteral("short"),
                               QString());
        signIn.logIn(m_server.baseUrl(), QString(), QStringLiteral("password123"));
        QCOMPARE(failed.count(), 3);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("username"));
        QCOMPARE(failed.at(1).at(0).toString(), QStringLiteral("password"));
        QCOMPARE(failed.at(2).at(0).toString(), QStringLiteral("username"));
        QTest::qWait(200);
        QCOMPARE(unknown.count(), 0);  // nothing was sent
    }

    void unreachableServerIsAServerError() {
        Profile profile = freshProfile("signin_down");
        KnownHosts hosts(m_dir.filePath(QStringLiteral("down_hosts")));
        SignIn signIn(profile, hosts);
        QSignalSpy failed(&signIn, &SignIn::failed);
        const quint16 port = closedPort();
        signIn.logIn(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)), QStringLiteral("mia"),
                     QStringLiteral("password123"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("server"));
        QCOMPARE(failed.at(0).at(1).toString(),
                 QStringLiteral("Can't reach 127.0.0.1:%1: connection refused").arg(port));
    }

    void changedCertificateIsRefused() {
        Profile profile = freshProfile("signin_changed");
        KnownHosts hosts(m_dir.filePath(QStringLiteral("changed_hosts")));
        const QString stale = QStringLiteral("00:") + m_server.fingerprint().mid(3);
        hosts.trust(m_server.baseUrl(), stale);
        SignIn signIn(profile, hosts);
        QSignalSpy changed(&signIn, &SignIn::certificateChanged);
        QSignalSpy succeeded(&signIn, &SignIn::succeeded);
        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("nora"),
                               QStringLiteral("password123"), QString());
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs);
        QCOMPARE(changed.at(0).at(1).toString(), stale);
        QCOMPARE(changed.at(0).at(2).toString(), m_server.fingerprint());
        signIn.trustAndRetry();  // not offered for a changed certificate: does nothing
        QTest::qWait(300);
        QCOMPARE(succeeded.count(), 0);
        QCOMPARE(*hosts.fingerprint(m_server.baseUrl()), stale);
        QVERIFY(!profile.session());
    }

    void tooManyFailuresSayWhenToRetry() {
        testsupport::ServerOptions options;
        options.configToml = QStringLiteral(
            "limits.registrations_burst = 1000\n"
            "limits.login_failures_burst = 2\n"
            "limits.login_failures_per_minute = 1\n");
        testsupport::ServerProcess strict(options);
        QVERIFY2(strict.start(), strict.output() + strict.errors());
        testsupport::HttpClient http(strict);
        QVERIFY(testsupport::registerUser(http, QStringLiteral("olga")).ok());

        Profile profile = freshProfile("signin_limited");
        KnownHosts hosts(m_dir.filePath(QStringLiteral("limited_hosts")));
        hosts.trust(strict.baseUrl(), strict.fingerprint());
        SignIn signIn(profile, hosts);
        QSignalSpy failed(&signIn, &SignIn::failed);
        for (int i = 1; i <= 3; ++i) {
            signIn.logIn(strict.baseUrl(), QStringLiteral("olga"),
                         QStringLiteral("wrong-password"));
            QTRY_COMPARE_WITH_TIMEOUT(failed.count(), i, kWaitMs);
        }
        QCOMPARE(failed.at(2).at(0).toString(), QString());
        const QString message = failed.at(2).at(1).toString();
        QVERIFY2(message.startsWith(QStringLiteral("Too many attempts. Try again in ")),
                 qPrintable(message));
        QVERIFY2(message.endsWith(QStringLiteral(" s.")), qPrintable(message));
    }

    void cancelDropsTheAttempt() {
        Profile profile = freshProfile("signin_cancel");
        auto hosts = trustingHosts(QStringLiteral("cancel_hosts"));
        SignIn signIn(profile, *hosts);
        QSignalSpy succeeded(&signIn, &SignIn::succeeded);
        QSignalSpy failed(&signIn, &SignIn::failed);
        signIn.registerAccount(m_server.baseUrl(), QStringLiteral("paula"),
                               QStringLiteral("password123"), QString());
        signIn.cancel();
        QVERIFY(!signIn.isBusy());
        QTest::qWait(500);
        QCOMPARE(succeeded.count() + failed.count(), 0);
        QVERIFY(!profile.session());
    }

    void parsesWhatUsersTypeAsAServer() {
        const auto parse = [](const char* text) {
            return SignIn::parseServer(QString::fromLatin1(text));
        };
        QCOMPARE(*parse("example.org"), QUrl(QStringLiteral("https://example.org:8443")));
        QCOMPARE(*parse(" 127.0.0.1:9000 "), QUrl(QStringLiteral("https://127.0.0.1:9000")));
        QCOMPARE(*parse("https://chat.example.org/"),
                 QUrl(QStringLiteral("https://chat.example.org:8443")));
        QCOMPARE(*parse("http://10.0.0.2:80"), QUrl(QStringLiteral("http://10.0.0.2:80")));
        QCOMPARE(*parse("[::1]:8443"), QUrl(QStringLiteral("https://[::1]:8443")));
        QVERIFY(!parse(""));
        QVERIFY(!parse("ftp://example.org"));
        QVERIFY(!parse("https://example.org/some/path"));
        QVERIFY(!parse("host:notaport"));
    }
};

QTEST_GUILESS_MAIN(TestSignIn)
#include "tst_sign_in.moc"
