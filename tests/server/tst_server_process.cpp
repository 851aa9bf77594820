// The server binary's command line, configuration file, TLS modes, shutdown and operations routes.
#include <sys/types.h>

#include <QJsonDocument>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>
#include <csignal>

#include "tests/support/certificate_pin.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

// The value of the first sample of `metric` whose labels contain every one of `labels`.
std::optional<double> sample(const QByteArray& metrics, const QByteArray& metric,
                             const QList<QByteArray>& labels = {}) {
    for (const QByteArray& line : metrics.split('\n')) {
        if (line.startsWith('#'))
            continue;
        const qsizetype space = line.lastIndexOf(' ');
        if (space < 0)
            continue;
        const QByteArray name = line.left(space);
        if (name != metric && !name.startsWith(metric + '{'))
            continue;
        bool all = true;
        for (const QByteArray& label : labels)
            all = all && name.contains(label);
        bool ok = false;
        const double value = line.mid(space + 1).trimmed().toDouble(&ok);
        if (all && ok)
            return value;
    }
    return std::nullopt;
}

}  // namespace

class TestServerProcess : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void tlsByDefaultPrintsCertificateFingerprint();
    void restartReusesSelfSignedCertificate();
    void pinningRefusesAnotherCertificate();
    void noTlsServesPlainHttp();
    void ownCertificateAndKey();
    void refusesBadConfiguration_data();
    void refusesBadConfiguration();
    void flagsOverrideConfigFile();
    void configFileLimitsApply();
    void threadAndLogLevelFlags();
    void healthz();
    void metricsExposeCountersAndHistogram();
    void sigtermExitsCleanlyAndClosesSocketsWith1001();
    void sigintExitsCleanly();
    void cleanupTestCase();

private:
    std::unique_ptr<ServerProcess> m_server;
};

void TestServerProcess::initTestCase() {
    QVERIFY2(QFileInfo::exists(ServerProcess::binaryPath()),
             qPrintable("no server binary at " + ServerProcess::binaryPath()));
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
}

void TestServerProcess::cleanupTestCase() {
    m_server.reset();
}

void TestServerProcess::tlsByDefaultPrintsCertificateFingerprint() {
    QCOMPARE(m_server->baseUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(m_server->baseUrl().host(), QStringLiteral("127.0.0.1"));
    QVERIFY(m_server->port() != 0);
    QVERIFY(m_server->output().contains("tls fingerprint sha256 "));
    QVERIFY2(QFileInfo::exists(m_server->dataDir() + "/tls/cert.pem"),
             "the self-signed certificate is not in <data_dir>/tls/cert.pem");
    const QSslCertificate certificate = m_server->certificate();
    QVERIFY(!certificate.isNull());
    QCOMPARE(m_server->fingerprint(), CertificatePin::fingerprint(certificate));

    HttpClient http(*m_server);
    const HttpResult health = http.get("/healthz");
    QVERIFY2(health.status == 200, health.describe().constData());
}

void TestServerProcess::restartReusesSelfSignedCertificate() {
    ServerProcess server;
    QVERIFY2(server.start(), server.errors().constData());
    const QString first = server.fingerprint();
    const quint16 port = server.port();
    QVERIFY(!first.isEmpty());
    QVERIFY2(server.restart(), server.errors().constData());
    QCOMPARE(server.port(), port);
    QCOMPARE(server.fingerprint(), first);
    HttpClient http(server);
    QCOMPARE(http.get("/healthz").status, 200);
}

void TestServerProcess::pinningRefusesAnotherCertificate() {
    ServerProcess other;
    QVERIFY2(other.start(), other.errors().constData());
    QVERIFY(other.fingerprint() != m_server->fingerprint());
    HttpClient wrongPin(m_server->baseUrl(), other.certificate());
    const HttpResult result = wrongPin.get("/healthz");
    QCOMPARE(result.status, 0);
    QVERIFY(result.networkError != QNetworkReply::NoError);
}

void TestServerProcess::noTlsServesPlainHttp() {
    ServerOptions options;
    options.tls = false;
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    QCOMPARE(server.baseUrl().scheme(), QStringLiteral("http"));
    QVERIFY(server.fingerprint().isEmpty());
    QVERIFY(!server.output().contains("tls fingerprint"));
    HttpClient http(server);
    const HttpResult health = http.get("/healthz");
    QVERIFY2(health.status == 200, health.describe().constData());

    WsClient ws(server);
    QVERIFY2(ws.open(server.wsUrl()), qPrintable(ws.errorString()));
}

void TestServerProcess::ownCertificateAndKey() {
    QTemporaryDir dir;
    const QString cert = dir.filePath("cert.pem");
    const QString key = dir.filePath("key.pem");
    QProcess openssl;
    openssl.start("openssl", {"req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key,
                              "-out", cert, "-days", "2", "-subj", "/CN=127.0.0.1"});
    QVERIFY(openssl.waitForFinished(30000));
    QCOMPARE(openssl.exitCode(), 0);
    const auto certificates = QSslCertificate::fromPath(cert);
    QCOMPARE(certificates.size(), 1);

    ServerOptions options;
    options.extraArgs = {"--tls-cert", cert, "--tls-key", key};
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    QCOMPARE(server.baseUrl().scheme(), QStringLiteral("https"));
    QCOMPARE(server.fingerprint(), CertificatePin::fingerprint(certificates.first()));
    HttpClient http(server.baseUrl(), certificates.first());
    const HttpResult health = http.get("/healthz");
    QVERIFY2(health.status == 200, health.describe().constData());
    WsClient ws(certificates.first());
    QVERIFY2(ws.open(server.wsUrl()), qPrintable(ws.errorString()));
}

void TestServerProcess::refusesBadConfiguration_data() {
    QTest::addColumn<QString>("toml");
    QTest::addColumn<QString>("dottedKey");
    QTest::newRow("unknown key") << "limits.no_such_limit = 3\n"
                                 << "limits.no_such_limit";
    QTest::newRow("unknown key in table") << "[server]\nlisten_on = \"x\"\n"
                                          << "server.listen_on";
    QTest::newRow("unknown section") << "[bogus]\nvalue = 1\n"
                                     << "bogus";
    QTest::newRow("string for number") << "[limits]\nsends_burst = \"many\"\n"
                                       << "limits.sends_burst";
    QTest::newRow("number for bool") << "[tls]\nenabled = 1\n"
                                     << "tls.enabled";
    QTest::newRow("string for array") << "[server]\nallowed_origins = \"https://a\"\n"
                                      << "server.allowed_origins";
    QTest::newRow("string for integer") << "[limits]\nidle_timeout_s = \"60\"\n"
                                        << "limits.idle_timeout_s";
    QTest::newRow("extension key type") << "[limits]\nhello_timeout_s = true\n"
                                        << "limits.hello_timeout_s";
}

void TestServerProcess::refusesBadConfiguration() {
    QFETCH(QString, toml);
    QFETCH(QString, dottedKey);
    ServerOptions options;
    options.configToml = toml;
    ServerProcess server(options);
    QVERIFY2(!server.start(), "the server started with a bad configuration file");
    QVERIFY(!server.isRunning());
    QVERIFY2(server.exitCode() != 0, "refused, but with exit code 0");
    QVERIFY2(server.errors().contains(dottedKey.toUtf8()),
             qPrintable("stderr does not name " + dottedKey + ": " + server.errors()));
}

void TestServerProcess::flagsOverrideConfigFile() {
    ServerOptions options;
    options.tls = false;
    options.configToml +=
        "server.listen = \"127.0.0.1:1\"\n"
        "server.data_dir = \"/proc/no-such-place\"\n"
        "tls.enabled = true\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    QCOMPARE(server.baseUrl().scheme(), QStringLiteral("http"));
    QVERIFY(server.port() != 1);
    HttpClient http(server);
    QCOMPARE(http.get("/healthz").status, 200);
    QVERIFY2(registerUser(http, "flags_user").ok(), "the data folder given by flag is unusable");
}

void TestServerProcess::configFileLimitsApply() {
    ServerOptions options;
    options.tls = false;
    options.configToml += "limits.json_body_kib = 1\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    const QByteArray big = QJsonDocument(QJsonObject{{"username", "config_user"},
                                                     {"password", "password123"},
                                                     {"padding", QString(4096, 'x')}})
                               .toJson(QJsonDocument::Compact);
    const HttpResult result = http.post("/api/v1/auth/register", big);
    QVERIFY2(result.status == 413, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("payload_too_large"));
}

void TestServerProcess::threadAndLogLevelFlags() {
    ServerOptions options;
    options.extraArgs = {"--threads", "2", "--log-level", "debug"};
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    QCOMPARE(http.get("/healthz").status, 200);
}

void TestServerProcess::healthz() {
    HttpClient http(*m_server);
    const HttpResult result = http.get("/healthz");
    QVERIFY2(result.status == 200, result.describe().constData());
    QCOMPARE(result.json.toObject(),
             (QJsonObject{{"status", "ok"}, {"db", "ok"}, {"relay", "local"}}));
}

void TestServerProcess::metricsExposeCountersAndHistogram() {
    HttpClient http(*m_server);
    const TestUser user = registerUser(http, uniqueUsername("metrics"));
    QVERIFY2(user.ok(), user.result.describe().constData());
    WsClient ws(*m_server);
    QVERIFY2(ws.open(m_server->wsUrl()), qPrintable(ws.errorString()));
    QCOMPARE(ws.hello(user.token).value("op").toString(), QStringLiteral("ready"));

    const HttpResult before = http.get("/metrics");
    QVERIFY2(before.status == 200, before.describe().constData());
    QVERIFY2(before.header("content-type").startsWith("text/plain"), before.header("content-type"));
    const QByteArray& text = before.body;
    const auto connections = sample(text, "messenger_connections");
    QVERIFY2(connections.has_value(), "no messenger_connections gauge");
    QVERIFY2(*connections >= 1, "an open WebSocket is not counted in messenger_connections");
    QVERIFY2(sample(text, "messenger_messages_total").has_value(), "no messenger_messages_total");
    QVERIFY2(sample(text, "messenger_http_request_duration_seconds_bucket").has_value(),
             "no messenger_http_request_duration_seconds histogram");
    QVERIFY(sample(text, "messenger_http_request_duration_seconds_count").has_value());
    QVERIFY(sample(text, "messenger_http_request_duration_seconds_sum").has_value());
    QVERIFY(text.contains("# TYPE messenger_http_requests_total counter"));
    QVERIFY(text.contains("# TYPE messenger_http_request_duration_seconds histogram"));

    const QList<QByteArray> healthLabels = {"route=\"/healthz\"", "code=\"200\""};
    const double healthBefore =
        sample(text, "messenger_http_requests_total", healthLabels).value_or(0);
    QCOMPARE(http.get("/healthz").status, 200);
    QCOMPARE(http.get("/healthz").status, 200);
    const QByteArray after = http.get("/metrics").body;
    const auto healthAfter = sample(after, "messenger_http_requests_total", healthLabels);
    QVERIFY2(healthAfter.has_value(),
             "no messenger_http_requests_total{route=\"/healthz\",code=\"200\"} sample");
    QVERIFY(*healthAfter >= healthBefore + 2);
    QVERIFY2(sample(after, "messenger_http_requests_total",
                    {"route=\"/api/v1/auth/register\"", "code=\"201\""})
                 .has_value(),
             "registrations are not counted by route and code");

    QCOMPARE(http.get("/api/v1/no-such-route-7f3a").status, 404);
    QCOMPARE(http.get(QString("/api/v1/users/%1").arg(user.userId), user.token).status, 200);
    const QByteArray labelled = http.get("/metrics").body;
    QVERIFY2(!labelled.contains("no-such-route-7f3a"),
             "an unknown path became a metrics label: any client can grow the label set");
    QVERIFY2(labelled.contains("route=\"/api/v1/users/{id}\""),
             "a route with an id is not labelled by its pattern");
    QVERIFY2(
        !labelled.contains(QByteArray("route=\"/api/v1/users/") + QByteArray::number(user.userId)),
        "a concrete id became a metrics label");
}

void TestServerProcess::sigtermExitsCleanlyAndClosesSocketsWith1001() {
    ServerProcess server;
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    const TestUser user = registerUser(http, "sigterm_user");
    QVERIFY2(user.ok(), user.result.describe().constData());
    WsClient ws(server);
    QVERIFY2(ws.open(server.wsUrl()), qPrintable(ws.errorString()));
    QCOMPARE(ws.hello(user.token).value("op").toString(), QStringLiteral("ready"));
    WsClient silent(server);
    QVERIFY2(silent.open(server.wsUrl()), qPrintable(silent.errorString()));

    server.stop();
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QCOMPARE(ws.waitForClose(5000), 1001);
    QCOMPARE(silent.waitForClose(5000), 1001);

    QVERIFY2(server.start(), server.errors().constData());
    QVERIFY2(loginUser(http, "sigterm_user").ok(), "the account did not survive a restart");
}

void TestServerProcess::sigintExitsCleanly() {
    ServerProcess server;
    QVERIFY2(server.start(), server.errors().constData());
    QVERIFY(server.processId() > 0);
    QCOMPARE(::kill(static_cast<pid_t>(server.processId()), SIGINT), 0);
    QVERIFY2(server.waitForExit(15000), "no exit within 15 s of SIGINT");
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestServerProcess)
#include "tst_server_process.moc"
