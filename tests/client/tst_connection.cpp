// The WebSocket connection on its own: backoff bounds, hello/ready, ping/pong, refusals.
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <algorithm>
#include <optional>

#include "client/net/backoff.h"
#include "client/net/connection.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using client::net::Backoff;
using client::net::BackoffPolicy;
using client::net::Connection;
using client::net::TlsPinning;
using State = client::net::Connection::State;

namespace {

constexpr int kWaitMs = 20000;

TlsPinning pinnedTo(const QString& fingerprint) {
    return TlsPinning([fingerprint](const QUrl&) { return std::optional<QString>(fingerprint); });
}

template <class Frame>
std::optional<Frame> lastFrameOf(const QSignalSpy& spy) {
    for (auto it = spy.crbegin(); it != spy.crend(); ++it) {
        const auto held = it->at(0).value<protocol::ServerFrame>();
        if (const auto* frame = std::get_if<Frame>(&held)) {
            return *frame;
        }
    }
    return std::nullopt;
}

}  // namespace

class TestConnection : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;

    testsupport::TestUser newUser() {
        testsupport::HttpClient http(m_server);
        return testsupport::registerUser(http, testsupport::uniqueUsername(QStringLiteral("conn")));
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());
    }

    void backoffDoublesUpToItsCapWithFullJitter() {
        BackoffPolicy policy;
        policy.baseMs = 500;
        policy.capMs = 30000;
        Backoff backoff(policy);
        int largestLate = 0;
        for (int attempt = 0; attempt < 40; ++attempt) {
            const int ceiling = std::min(30000, 500 << std::min(attempt, 10));
            const int delay = backoff.nextDelayMs();
            QVERIFY2(delay >= 0 && delay <= ceiling, qPrintable(QString::number(delay)));
            if (attempt >= 10) {
                largestLate = std::max(largestLate, delay);
            }
        }
        QCOMPARE(backoff.attempts(), 40);
        QVERIFY(largestLate > 500);  // the ceiling really grew (30 draws under 30 s)
        for (int i = 0; i < 50; ++i) {
            backoff.reset();
            QVERIFY(backoff.nextDelayMs() <= 500);
        }
    }

    void helloIsAnsweredWithReadyAndPingWithPong() {
        const auto user = newUser();
        QVERIFY(user.ok());
        Connection connection(pinnedTo(m_server.fingerprint()));
        QSignalSpy frames(&connection, &Connection::frameReceived);
        QSignalSpy states(&connection, &Connection::stateChanged);
        QVERIFY(!connection.send(protocol::ws::Ping{}));

        connection.open(m_server.baseUrl(), user.token);
        QCOMPARE(connection.state(), State::Connecting);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Online, kWaitMs);
        const auto ready = lastFrameOf<protocol::ws::Ready>(frames);
        QVERIFY(ready);
        QCOMPARE(ready->user.id, user.userId);
        QCOMPARE(connection.heartbeatMs(), ready->heartbeatMs);

        QVERIFY(connection.send(protocol::ws::Ping{std::string("n-1")}));
        QTRY_VERIFY_WITH_TIMEOUT(lastFrameOf<protocol::ws::Pong>(frames).has_value(), kWaitMs);
        QCOMPARE(lastFrameOf<protocol::ws::Pong>(frames)->nonce, std::optional<std::string>("n-1"));

        connection.close();
        QCOMPARE(connection.state(), State::Offline);
        QTest::qWait(700);
        QCOMPARE(connection.state(), State::Offline);  // closed on purpose: no reconnect
        QCOMPARE(connection.reconnectInMs(), 0);
    }

    void anUnknownTokenIsUnauthorizedAndNotRetried() {
        Connection connection(pinnedTo(m_server.fingerprint()));
        BackoffPolicy quick;
        quick.baseMs = 100;
        quick.capMs = 200;
        connection.setBackoffPolicy(quick);
        QSignalSpy unauthorized(&connection, &Connection::unauthorized);
        QSignalSpy states(&connection, &Connection::stateChanged);
        connection.open(m_server.baseUrl(), QStringLiteral("not-a-token"));
        QTRY_COMPARE_WITH_TIMEOUT(unauthorized.count(), 1, kWaitMs);
        QCOMPARE(connection.state(), State::Offline);
        const auto seen = states.count();
        QTest::qWait(800);
        QCOMPARE(states.count(), seen);
        QCOMPARE(unauthorized.count(), 1);
    }

    void anUnknownCertificateIsReported() {
        Connection connection{TlsPinning()};
        QSignalSpy unknown(&connection, &Connection::certificateUnknown);
        connection.open(m_server.baseUrl(), QStringLiteral("whatever"));
        QTRY_COMPARE_WITH_TIMEOUT(unknown.count(), 1, kWaitMs);
        QCOMPARE(unknown.at(0).at(1).toString(), m_server.fingerprint());
        QCOMPARE(connection.state(), State::Offline);
        QCOMPARE(connection.reconnectInMs(), 0);
    }

    void aServerWithoutTlsIsReachedOverPlainWebSocket() {
        testsupport::ServerOptions options;
        options.tls = false;
        testsupport::ServerProcess plain(options);
        QVERIFY2(plain.start(), plain.output() + plain.errors());
        testsupport::HttpClient http(plain);
        const auto user = testsupport::registerUser(http, QStringLiteral("plainuser"));
        QVERIFY(user.ok());
        Connection connection{TlsPinning()};
        connection.open(plain.baseUrl(), user.token);
        QTRY_COMPARE_WITH_TIMEOUT(connection.state(), State::Online, kWaitMs);
    }
};

QTEST_GUILESS_MAIN(TestConnection)
#include "tst_connection.moc"
