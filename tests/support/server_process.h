// One run of the real messenger-server binary on a loopback port with its own temporary data
// folder.
#pragma once

#include <QByteArray>
#include <QProcess>
#include <QSslCertificate>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>
#include <memory>

namespace testsupport {

struct ServerOptions {
    bool tls = true;
    // Written to a file and passed with --config; empty: no --config at all. The default raises
    // the per-address limits that many registrations from 127.0.0.1 would trip. Its keys are
    // dotted root keys ("limits.sends_burst = ..."), so a test appends its own the same way:
    //   options.configToml += "limits.hello_timeout_s = 1\n";
    // A test of the real defaults sets configToml to "" (or to its own text) instead.
    QString configToml = relaxedLimits();
    QStringList extraArgs;  // appended after the generated flags

    static QString relaxedLimits();
};

class ServerProcess {
public:
    explicit ServerProcess(ServerOptions options = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    // Starts the binary and waits (at most 15 s) for its "listening on" line. The first start
    // binds an ephemeral port; later starts reuse that port and the same data folder.
    // False when the binary is missing, exits, or never prints the line (output() says why).
    bool start();
    // SIGTERM, then waits up to 15 s (SIGKILL past that, which exitCode() reports as -1).
    void stop();
    bool restart();
    bool isRunning() const;
    // For signals other than SIGTERM; 0 when not running.
    qint64 processId() const;
    // Waits for the process to end on its own (after a signal sent by the test); false on timeout.
    bool waitForExit(int timeoutMs);

    QUrl baseUrl() const;         // https://127.0.0.1:PORT (http:// with --no-tls)
    QUrl wsUrl() const;           // wss://127.0.0.1:PORT/api/v1/ws (ws:// with --no-tls)
    QString fingerprint() const;  // as printed: "AB:CD:..."; empty without TLS
    // The certificate the server presents: the --tls-cert file, else <data_dir>/tls/cert.pem.
    QSslCertificate certificate() const;
    QString dataDir() const;
    quint16 port() const;
    bool tls() const { return m_options.tls; }

    QByteArray output() const;  // everything printed on stdout so far
    QByteArray errors() const;  // everything printed on stderr so far
    int exitCode() const;       // of the last run that ended; -1 if it crashed or was killed
    QProcess::ExitStatus exitStatus() const { return m_exitStatus; }

    // The program run: MESSENGER_SERVER_BIN, or "messenger-server" beside the test binary.
    static QString binaryPath();

private:
    QStringList arguments() const;
    void drain() const;
    void recordExit();

    ServerOptions m_options;
    QTemporaryDir m_dataDir;
    QString m_configPath;
    std::unique_ptr<QProcess> m_process;
    mutable QByteArray m_output;
    mutable QByteArray m_errors;
    mutable qsizetype m_scanFrom = 0;
    QUrl m_baseUrl;
    QString m_fingerprint;
    quint16 m_port = 0;
    int m_exitCode = -1;
    QProcess::ExitStatus m_exitStatus = QProcess::NormalExit;
};

}  // namespace testsupport
