// Configuration: the TOML file, the command line over it, and the refusals that name the key.
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>
#include <string>
#include <vector>

#include "server/config/command_line.h"
#include "server/config/config_error.h"
#include "server/config/listen_address.h"
#include "server/config/settings_file.h"

using namespace server::config;

namespace {

// The message of the ConfigError `fn` throws; empty when it does not throw.
template <class F>
QString refusal(F fn) {
    try {
        fn();
    } catch (const ConfigError& error) {
        return QString::fromStdString(error.what());
    }
    return {};
}

CommandLine parseArgs(std::vector<std::string> args) {
    args.insert(args.begin(), "messenger-server");
    std::vector<char*> argv;
    for (auto& arg : args)
        argv.push_back(arg.data());
    return loadSettings(static_cast<int>(argv.size()), argv.data());
}

}  // namespace

class TstSettings : public QObject {
    Q_OBJECT

private slots:
    void emptyFileGivesTheProtocolDefaults() {
        const Settings s = parseSettingsToml("");
        QCOMPARE(s.server.listen, std::string("127.0.0.1:8443"));
        QCOMPARE(s.server.dataDir, std::string("./messenger-data"));
        QVERIFY(s.tls.enabled);
        QCOMPARE(s.limits.sendsBurst, 30.0);
        QCOMPARE(s.limits.jsonBodyKib, std::int64_t(256));
        QCOMPARE(s.limits.frameKib, std::int64_t(64));
        QCOMPARE(s.limits.idleTimeoutS, std::int64_t(60));
        QCOMPARE(s.limits.helloTimeoutS, std::int64_t(10));
        QCOMPARE(s.media.maxBytes, std::int64_t(20971520));
        validateSettings(s);
    }

    void everyDocumentedKeyIsRead() {
        const Settings s = parseSettingsToml(R"(
            [server]
            listen = "0.0.0.0:9000"
            data_dir = "/var/lib/messenger"
            threads = 3
            allowed_origins = ["https://chat.example"]
            trusted_proxies = ["10.0.0.1"]
            [tls]
            enabled = false
            cert = "c.pem"
            key = "k.pem"
            [relay]
            redis = "redis://127.0.0.1:6379"
            [limits]
            sends_burst = 10
            sends_per_second = 2.5
            login_failures_per_minute = 0.5
            json_body_kib = 128
            socket_queue_kib = 1024
            hello_timeout_s = 2
            header_kib = 16
            flood_frames_per_second = 50
            [media]
            max_bytes = 1000
            orphan_grace_s = 0
        )");
        QCOMPARE(s.server.listen, std::string("0.0.0.0:9000"));
        QCOMPARE(s.server.dataDir, std::string("/var/lib/messenger"));
        QCOMPARE(s.server.threads, 3);
        QCOMPARE(s.server.allowedOrigins, std::vector<std::string>{"https://chat.example"});
        QCOMPARE(s.server.trustedProxies, std::vector<std::string>{"10.0.0.1"});
        QVERIFY(!s.tls.enabled);
        QCOMPARE(s.tls.cert, std::string("c.pem"));
        QCOMPARE(s.relay.redis, std::string("redis://127.0.0.1:6379"));
        QCOMPARE(s.limits.sendsBurst, 10.0);  // an integer where a number is expected
        QCOMPARE(s.limits.sendsPerSecond, 2.5);
        QCOMPARE(s.limits.loginFailuresPerMinute, 0.5);
        QCOMPARE(s.limits.jsonBodyKib, std::int64_t(128));
        QCOMPARE(s.limits.socketQueueKib, std::int64_t(1024));
        QCOMPARE(s.limits.helloTimeoutS, std::int64_t(2));
        QCOMPARE(s.limits.headerKib, std::int64_t(16));
        QCOMPARE(s.limits.floodFramesPerSecond, std::int64_t(50));
        QCOMPARE(s.media.maxBytes, std::int64_t(1000));
        QCOMPARE(s.media.orphanGraceS, std::int64_t(0));
        QCOMPARE(s.limits.frameKib, std::int64_t(64));  // untouched keys keep their default
        validateSettings(s);
    }

    void unknownKeysAreRefusedByDottedName() {
        QCOMPARE(refusal([] { parseSettingsToml("[limits]\nsends_brust = 3\n"); }),
                 QString("unknown key limits.sends_brust"));
        QCOMPARE(refusal([] { parseSettingsToml("[limit]\nsends_burst = 3\n"); }),
                 QString("unknown key limit"));
        QCOMPARE(refusal([] { parseSettingsToml("listen = \"127.0.0.1:1\"\n"); }),
                 QString("unknown key listen"));
    }

    void wrongTypesAreRefusedByDottedName() {
        QCOMPARE(refusal([] { parseSettingsToml("[limits]\nsends_burst = \"30\"\n"); }),
                 QString("limits.sends_burst: expected a number"));
        QCOMPARE(refusal([] { parseSettingsToml("[limits]\nframe_kib = 64.5\n"); }),
                 QString("limits.frame_kib: expected an integer"));
        QCOMPARE(refusal([] { parseSettingsToml("[tls]\nenabled = \"yes\"\n"); }),
                 QString("tls.enabled: expected a boolean"));
        QCOMPARE(refusal([] { parseSettingsToml("[server]\nallowed_origins = [1]\n"); }),
                 QString("server.allowed_origins: expected an array of strings"));
        QCOMPARE(refusal([] { parseSettingsToml("limits = 3\n"); }),
                 QString("limits: expected a table"));
    }

    void syntaxErrorsAreRefused() {
        QVERIFY(refusal([] { parseSettingsToml("[limits\n"); }).startsWith("configuration line 1"));
    }

    void outOfRangeValuesAreRefused() {
        const auto validated = [](const char* toml) {
            return refusal([toml] { validateSettings(parseSettingsToml(toml)); });
        };
        QCOMPARE(validated("[limits]\nframe_kib = 0\n"),
                 QString("limits.frame_kib: must be positive"));
        QCOMPARE(validated("[limits]\nsends_per_second = -1\n"),
                 QString("limits.sends_per_second: must be positive"));
        QCOMPARE(validated("[server]\nlisten = \"nowhere\"\n"),
                 QString("server.listen: expected HOST:PORT, got \"nowhere\""));
        QCOMPARE(validated("[server]\nthreads = -2\n"),
                 QString("server.threads: must be 0 (one per core) to 1024"));
        QCOMPARE(validated("[tls]\ncert = \"c.pem\"\n"),
                 QString("tls.key: required when tls.cert is set"));
        QCOMPARE(validated("[relay]\nredis = \"localhost\"\n"),
                 QString("relay.redis: expected redis://HOST:PORT"));
    }

    void listenAddressesParse() {
        const auto v4 = parseListenAddress("127.0.0.1:0", "listen");
        QCOMPARE(v4.host, std::string("127.0.0.1"));
        QCOMPARE(v4.port, std::uint16_t(0));
        const auto v6 = parseListenAddress("[::1]:8443", "listen");
        QCOMPARE(v6.host, std::string("::1"));
        QCOMPARE(v6.port, std::uint16_t(8443));
        QVERIFY(!refusal([] { parseListenAddress("::1:8443", "listen"); }).isEmpty());
        QVERIFY(!refusal([] { parseListenAddress("host:70000", "listen"); }).isEmpty());
        QVERIFY(!refusal([] { parseListenAddress("host:", "listen"); }).isEmpty());
    }

    void flagsOverrideTheFile() {
        QTemporaryDir dir;
        const std::string file = dir.filePath("server.toml").toStdString();
        std::ofstream(file) << "[server]\nlisten = \"127.0.0.1:1111\"\nthreads = 2\n"
                               "[limits]\nidle_timeout_s = 5\n";
        const auto cli = parseArgs({"--listen", "127.0.0.1:0", "--config", file, "--no-tls",
                                    "--data-dir=/tmp/x", "--log-level", "debug"});
        QCOMPARE(cli.settings.server.listen, std::string("127.0.0.1:0"));
        QCOMPARE(cli.settings.server.threads, 2);
        QCOMPARE(cli.settings.limits.idleTimeoutS, std::int64_t(5));
        QCOMPARE(cli.settings.server.dataDir, std::string("/tmp/x"));
        QCOMPARE(cli.settings.logLevel, std::string("debug"));
        QVERIFY(!cli.settings.tls.enabled);
    }

    void badCommandLinesAreRefused() {
        QCOMPARE(refusal([] { parseArgs({"--bogus"}); }),
                 QString("unknown option --bogus (see --help)"));
        QCOMPARE(refusal([] { parseArgs({"--listen"}); }), QString("--listen: expects a value"));
        QCOMPARE(refusal([] {
                     parseArgs({"--threads", "many"});
                 }),
                 QString("--threads: expected a whole number, got \"many\""));
        QCOMPARE(refusal([] {
                     parseArgs({"--log-level", "loud"});
                 }),
                 QString("log_level: expected debug, info, warn or error"));
        QCOMPARE(refusal([] {
                     parseArgs({"--config", "/nonexistent/server.toml"});
                 }),
                 QString("cannot read configuration file /nonexistent/server.toml"));
        QCOMPARE(refusal([] {
                     parseArgs({"--no-tls", "--tls-cert", "c", "--tls-key", "k"});
                 }),
                 QString("--no-tls: cannot be combined with --tls-cert"));
    }

    void helpAndVersionNeedNoValidSettings() {
        QVERIFY(parseArgs({"--help", "--listen", "not-an-address"}).showHelp);
        QVERIFY(parseArgs({"--help"}).showHelp);
        QVERIFY(parseArgs({"--version"}).showVersion);
    }
};

QTEST_GUILESS_MAIN(TstSettings)
#include "tst_settings.moc"
