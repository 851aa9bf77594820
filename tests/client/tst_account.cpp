// The signed-in account: cached profile at start, online over the WebSocket, reconnection after
// the server comes back, and the end of the session from here or from elsewhere.
#include <QCoreApplication>
#include <QDir>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using client::app::Account;
using client::app::KnownHosts;
using client::app::Profile;
using client::app::StoredSession;
using State = client::app::Account::ConnectionState;

namespace {

constexpr int kWaitMs = 20000;

// Retries within about a second, so the test does not wait out the production backoff.
client::net::BackoffPolicy quickRetries() {
    client::net::BackoffPolicy policy;
    policy.baseMs = 200;
    policy.capMs = 1000;
    policy.stableMs = 500;
    return policy;
}

QList<State> statesOf(const QSignalSpy& spy) {
    QList<State> states;
    for (const auto& args : spy) {
        states << args.at(0).value<State>();
    }
    return states;
}

}  // namespace

class TestAccount : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<KnownHosts> m_hosts;

    // A registered user whose session is stored in a fresh profile, as after SignIn.
    Profile signedInProfile(const char* name, testsupport::TestUser* user = nullptr) {
        Profile profile(QString::fromLatin1(name));
        QDir(profile.dataDir()).removeRecursively();
        testsupport::HttpClient http(m_server);
        const testsupport::TestUser registered = testsupport::registerUser(
            http, testsupport::uniqueUsername(QStringLiteral("acct")),
            QStringLiteral("password123"), QStringLiteral("Display %1").arg(QLatin1String(name)));
        if (!registered.ok()) {
            qWarning() << registered.result.describe();
        }
        StoredSession session;
        session.server = m_server.baseUrl();
        session.token = registered.token;
        session.userId = registered.userId;
        session.username = registered.username;
        session.displayName = QStringLiteral("stale name");
        profile.saveSession(session);
        if (user) {
            *user = registered;
        }
        return profile;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
        QCoreApplication::setApplicationName(QStringLiteral("messenger"));
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());
        m_hosts = std::make_unique<KnownHosts>(m_dir.filePath(QStringLiteral("known_hosts")));
        m_hosts->trust(m_server.baseUrl(), m_server.fingerprint());
    }

    void goesOnlineAndCachesMe() {
        testsupport::TestUser user;
        Profile profile = signedInProfile("acct_online", &user);
        Account account(profile, *m_hosts);
        QSignalSpy states(&account, &Account::connectionStateChanged);
        QSignalSpy changed(&account, &Account::profileChanged);
        QCOMPARE(account.connectionState(), State::Offline);
        QCOMPARE(account.displayName(), QStringLiteral("stale name"));

        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
        QCOMPARE(statesOf(states), (QList<State>{State::Connecting, State::Online}));
        QVERIFY(changed.count() >= 1);
        QCOMPARE(account.displayName(), QStringLiteral("Display acct_online"));
        QCOMPARE(account.username(), user.username);
        QCOMPARE(account.userId(), user.userId);
        QCOMPARE(account.reconnectInSeconds(), 0);
        const auto cached = account.cache().user(user.userId);
        QVERIFY(cached);
        QCOMPARE(QString::fromStdString(cached->displayName),
                 QStringLiteral("Display acct_online"));
        QCOMPARE(profile.session()->displayName, QStringLiteral("Display acct_online"));
    }

    void showsTheCachedProfileBeforeConnecting() {
        testsupport::TestUser user;
        Profile profile = signedInProfile("acct_cached", &user);
        {
            Account first(profile, *m_hosts);
            first.start();
            QTRY_COMPARE_WITH_TIMEOUT(first.connectionState(), State::Online, kWaitMs);
        }
        StoredSession session = *profile.session();
        session.displayName = QStringLiteral("stale again");
        profile.saveSession(session);

        Account second(profile, *m_hosts);
        QSignalSpy changed(&second, &Account::profileChanged);
        second.start();
        // Synchronously, from the cache: the window can paint the name before the network answers.
        QCOMPARE(changed.count(), 1);
        QCOMPARE(second.displayName(), QStringLiteral("Display acct_cached"));
        QCOMPARE(second.connectionState(), State::Connecting);
    }

    void reconnectsWhenTheServerComesBack() {
        Profile profile = signedInProfile("acct_reconnect");
        Account account(profile, *m_hosts);
        account.setReconnectPolicy(quickRetries());
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);

        QSignalSpy states(&account, &Account::connectionStateChanged);
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Offline, kWaitMs);
        // While the server is away the account keeps trying on its own, never giving up.
        QTRY_VERIFY_WITH_TIMEOUT(statesOf(states).count(State::Connecting) >= 2, kWaitMs);
        QVERIFY(profile.session());

        QVERIFY2(m_server.restart(), m_server.output() + m_server.errors());
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
        QVERIFY(profile.session());
    }

    void reconnectNowSkipsTheWait() {
        Profile profile = signedInProfile("acct_now");
        Account account(profile, *m_hosts);
        client::net::BackoffPolicy slow;
        slow.baseMs = 60000;
        slow.capMs = 60000;
        account.setReconnectPolicy(slow);
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
        m_server.stop();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Offline, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(account.reconnectInSeconds() >= 1, kWaitMs);
        QVERIFY(account.reconnectInSeconds() <= 60);
        QVERIFY2(m_server.restart(), m_server.output() + m_server.errors());
        QTest::qWait(300);
        QCOMPARE(account.connectionState(), State::Offline);  // still waiting out the backoff
        account.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
    }

    void loggedOutWhenTheTokenIsRevokedElsewhere() {
        testsupport::TestUser user;
        Profile profile = signedInProfile("acct_revoked", &user);
        Account account(profile, *m_hosts);
        account.setReconnectPolicy(quickRetries());
        QSignalSpy loggedOut(&account, &Account::loggedOut);
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);

        testsupport::HttpClient http(m_server);
        QCOMPARE(http.post(QStringLiteral("/api/v1/auth/logout"), {}, user.token).status, 204);
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kWaitMs);
        QVERIFY(!loggedOut.at(0).at(0).toString().isEmpty());
        QCOMPARE(account.connectionState(), State::Offline);
        QVERIFY(!profile.session());

        QSignalSpy states(&account, &Account::connectionStateChanged);
        QTest::qWait(1500);  // longer than a quick retry: none may happen
        QCOMPARE(states.count(), 0);
        QCOMPARE(account.reconnectInSeconds(), 0);
    }

    void revokedTokenAtStartLogsOut() {
        testsupport::TestUser user;
        Profile profile = signedInProfile("acct_stale_token", &user);
        testsupport::HttpClient http(m_server);
        QCOMPARE(http.post(QStringLiteral("/api/v1/auth/logout"), {}, user.token).status, 204);
        Account account(profile, *m_hosts);
        QSignalSpy loggedOut(&account, &Account::loggedOut);
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kWaitMs);
        QVERIFY(!profile.session());
        QCOMPARE(account.connectionState(), State::Offline);
    }

    void logOutRevokesTheTokenOnTheServer() {
        testsupport::TestUser user;
        Profile profile = signedInProfile("acct_logout", &user);
        Account account(profile, *m_hosts);
        QSignalSpy loggedOut(&account, &Account::loggedOut);
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);

        account.logOut();
        QVERIFY(!profile.session());
        QCOMPARE(account.connectionState(), State::Offline);
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kWaitMs);
        QCOMPARE(loggedOut.at(0).at(0).toString(), QString());
        testsupport::HttpClient http(m_server);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me"), user.token).status, 401);
    }

    void stopsOnAChangedCertificate() {
        Profile profile = signedInProfile("acct_cert");
        KnownHosts stale(m_dir.filePath(QStringLiteral("stale_hosts")));
        const QString bogus = QStringLiteral("00:") + m_server.fingerprint().mid(3);
        stale.trust(m_server.baseUrl(), bogus);
        Account account(profile, stale);
        account.setReconnectPolicy(quickRetries());
        QSignalSpy changed(&account, &Account::certificateChanged);
        account.start();
        QTRY_COMPARE_WITH_TIMEOUT(changed.count(), 1, kWaitMs);
        QCOMPARE(changed.at(0).at(1).toString(), bogus);
        QCOMPARE(changed.at(0).at(2).toString(), m_server.fingerprint());
        QCOMPARE(account.connectionState(), State::Offline);
        QTest::qWait(1500);
        QCOMPARE(changed.count(), 1);
        QCOMPARE(account.connectionState(), State::Offline);
        QVERIFY(profile.session());  // not logged out: the user decides about the certificate

        stale.trust(m_server.baseUrl(), m_server.fingerprint());
        account.reconnectNow();
        QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
    }

    void anotherAccountsCacheIsDiscarded() {
        testsupport::TestUser first;
        Profile profile = signedInProfile("acct_switch", &first);
        {
            Account account(profile, *m_hosts);
            account.start();
            QTRY_COMPARE_WITH_TIMEOUT(account.connectionState(), State::Online, kWaitMs);
            QVERIFY(account.cache().user(first.userId));
        }
        testsupport::HttpClient http(m_server);
        const auto second = testsupport::registerUser(http, testsupport::uniqueUsername());
        QVERIFY(second.ok());
        profile.saveSession(
            {m_server.baseUrl(), second.token, second.userId, second.username, second.username});
        Account account(profile, *m_hosts);
        account.start();
        QVERIFY(!account.cache().user(first.userId));
    }
};

QTEST_GUILESS_MAIN(TestAccount)
#include "tst_account.moc"
