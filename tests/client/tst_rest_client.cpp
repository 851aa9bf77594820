// The REST client against the real server: accounts, error bodies, and certificate pinning.
#include <QCoreApplication>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTest>
#include <optional>

#include "client/net/rest_client.h"
#include "tests/support/server_process.h"

using client::net::NoContent;
using client::net::RestClient;
using client::net::RestError;
using client::net::RestResult;
using client::net::TlsPinning;

namespace {

constexpr int kWaitMs = 20000;

TlsPinning pinnedTo(const QString& fingerprint) {
    return TlsPinning([fingerprint](const QUrl&) { return std::optional<QString>(fingerprint); });
}

// Runs one request and waits for its callback.
template <class T, class Call>
std::optional<RestResult<T>> await(Call call) {
    std::optional<RestResult<T>> result;
    call([&result](const RestResult<T>& r) { result = r; });
    (void)QTest::qWaitFor([&result] { return result.has_value(); }, kWaitMs);
    return result;
}

protocol::RegisterRequest registration(const std::string& username,
                                       const std::string& password = "password123") {
    protocol::RegisterRequest request;
    request.username = username;
    request.password = password;
    return request;
}

protocol::LoginRequest login(const std::string& username, const std::string& password) {
    protocol::LoginRequest request;
    request.username = username;
    request.password = password;
    return request;
}

quint16 closedPort() {
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost);
    const quint16 port = probe.serverPort();
    probe.close();
    return port;
}

}  // namespace

class TestRestClient : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;

    std::unique_ptr<RestClient> pinnedClient() {
        auto client = std::make_unique<RestClient>(pinnedTo(m_server.fingerprint()));
        client->setServer(m_server.baseUrl());
        return client;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());
        QVERIFY(!m_server.fingerprint().isEmpty());
    }

    void registersLogsInAndReadsMe() {
        auto rest = pinnedClient();
        auto registered = await<protocol::AuthResponse>(
            [&](auto done) { rest->registerAccount(registration("Carol"), done); });
        QVERIFY(registered && registered->ok());
        QCOMPARE(registered->value().user.username, std::string("carol"));
        QVERIFY(!registered->value().token.empty());

        auto loggedIn = await<protocol::AuthResponse>(
            [&](auto done) { rest->logIn(login("CAROL", "password123"), done); });
        QVERIFY(loggedIn && loggedIn->ok());
        QCOMPARE(loggedIn->value().user.id, registered->value().user.id);
        QVERIFY(loggedIn->value().token != registered->value().token);

        rest->setToken(QString::fromStdString(loggedIn->value().token));
        auto me = await<protocol::MeResponse>([&](auto done) { rest->me(done); });
        QVERIFY(me && me->ok());
        QCOMPARE(me->value().user.id, registered->value().user.id);
        QCOMPARE(me->value().user.displayName, std::string("carol"));
    }

    void logOutRevokesTheToken() {
        auto rest = pinnedClient();
        auto registered = await<protocol::AuthResponse>(
            [&](auto done) { rest->registerAccount(registration("dora"), done); });
        QVERIFY(registered && registered->ok());
        rest->setToken(QString::fromStdString(registered->value().token));
        QSignalSpy unauthorized(rest.get(), &RestClient::unauthorized);

        auto out = await<NoContent>([&](auto done) { rest->logOut(done); });
        QVERIFY(out && out->ok());
        QCOMPARE(unauthorized.count(), 0);

        auto me = await<protocol::MeResponse>([&](auto done) { rest->me(done); });
        QVERIFY(me && !me->ok());
        QCOMPARE(me->error().kind, RestError::Kind::Http);
        QCOMPARE(me->error().status, 401);
        QCOMPARE(me->error().code, QStringLiteral("unauthorized"));
        QCOMPARE(unauthorized.count(), 1);
    }

    void parsesErrorBodies() {
        auto rest = pinnedClient();
        QVERIFY(await<protocol::AuthResponse>([&](auto done) {
                    rest->registerAccount(registration("erin"), done);
                })->ok());

        auto taken = await<protocol::AuthResponse>(
            [&](auto done) { rest->registerAccount(registration("Erin"), done); });
        QVERIFY(taken && !taken->ok());
        QCOMPARE(taken->error().status, 409);
        QCOMPARE(taken->error().code, QStringLiteral("username_taken"));
        QVERIFY2(taken->error().message.startsWith(QStringLiteral("username: ")),
                 qPrintable(taken->error().message));

        auto wrong = await<protocol::AuthResponse>(
            [&](auto done) { rest->logIn(login("erin", "not-the-password"), done); });
        QVERIFY(wrong && !wrong->ok());
        QCOMPARE(wrong->error().status, 401);
        QCOMPARE(wrong->error().code, QStringLiteral("invalid_credentials"));
        QVERIFY(!wrong->error().message.isEmpty());

        auto invalid = await<protocol::AuthResponse>(
            [&](auto done) { rest->registerAccount(registration("a!"), done); });
        QVERIFY(invalid && !invalid->ok());
        QCOMPARE(invalid->error().status, 400);
        QCOMPARE(invalid->error().code, QStringLiteral("bad_request"));
        QVERIFY2(invalid->error().message.startsWith(QStringLiteral("username: ")),
                 qPrintable(invalid->error().message));

        auto anonymous = await<protocol::MeResponse>([&](auto done) { rest->me(done); });
        QVERIFY(anonymous && !anonymous->ok());
        QCOMPARE(anonymous->error().status, 401);
    }

    void reportsAnUnknownCertificateWithItsFingerprint() {
        RestClient rest{TlsPinning([](const QUrl&) { return std::optional<QString>(); })};
        rest.setServer(m_server.baseUrl());
        auto result = await<protocol::AuthResponse>(
            [&](auto done) { rest.registerAccount(registration("frank"), done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, RestError::Kind::CertificateUnknown);
        QCOMPARE(result->error().presentedFingerprint, m_server.fingerprint());
        QCOMPARE(TlsPinning::fingerprint(m_server.certificate()), m_server.fingerprint());

        // Nothing reached the server: the name is still free for a pinned client.
        auto pinned = pinnedClient();
        QVERIFY(await<protocol::AuthResponse>([&](auto done) {
                    pinned->registerAccount(registration("frank"), done);
                })->ok());
    }

    void refusesAChangedPin() {
        const QString other = QStringLiteral("00:") + m_server.fingerprint().mid(3);
        RestClient rest{pinnedTo(other)};
        rest.setServer(m_server.baseUrl());
        auto result =
            await<protocol::AuthResponse>([&](auto done) { rest.logIn(login("x", "y"), done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, RestError::Kind::CertificateChanged);
        QCOMPARE(result->error().trustedFingerprint, other);
        QCOMPARE(result->error().presentedFingerprint, m_server.fingerprint());
    }

    void refusesAnotherServerPresentingItselfAsThePinnedOne() {
        testsupport::ServerProcess impostor;
        QVERIFY2(impostor.start(), impostor.output() + impostor.errors());
        QVERIFY(impostor.fingerprint() != m_server.fingerprint());
        RestClient rest{pinnedTo(m_server.fingerprint())};
        rest.setServer(impostor.baseUrl());
        auto result =
            await<protocol::AuthResponse>([&](auto done) { rest.logIn(login("x", "y"), done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, RestError::Kind::CertificateChanged);
        QCOMPARE(result->error().presentedFingerprint, impostor.fingerprint());
    }

    void reportsAnUnreachableServer() {
        RestClient rest{pinnedTo(m_server.fingerprint())};
        rest.setServer(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(closedPort())));
        auto result =
            await<protocol::AuthResponse>([&](auto done) { rest.logIn(login("x", "y"), done); });
        QVERIFY(result && !result->ok());
        QCOMPARE(result->error().kind, RestError::Kind::Network);
        QCOMPARE(result->error().message, QStringLiteral("connection refused"));
    }

    void speaksPlainHttpToANoTlsServer() {
        testsupport::ServerOptions options;
        options.tls = false;
        testsupport::ServerProcess plain(options);
        QVERIFY2(plain.start(), plain.output() + plain.errors());
        RestClient rest{TlsPinning()};
        rest.setServer(plain.baseUrl());
        auto result = await<protocol::AuthResponse>(
            [&](auto done) { rest.registerAccount(registration("gina"), done); });
        QVERIFY(result && result->ok());
    }

    void abortAllDropsCallbacks() {
        auto rest = pinnedClient();
        bool called = false;
        rest->logIn(login("nobody", "password123"),
                    [&called](const RestResult<protocol::AuthResponse>&) { called = true; });
        rest->abortAll();
        QTest::qWait(300);
        QVERIFY(!called);
    }
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_rest_client.moc"
