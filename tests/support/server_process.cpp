#include "tests/support/server_process.h"

#include <QCoreApplication>
#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QStringList>

namespace testsupport {

namespace {

constexpr int startTimeoutMs = 15000;
constexpr int stopTimeoutMs = 15000;

}  // namespace

QString ServerOptions::relaxedLimits() {
    return QStringLiteral(
        "limits.registrations_burst = 100000\n"
        "limits.registrations_per_minute = 100000\n"
        "limits.login_failures_burst = 100000\n"
        "limits.login_failures_per_minute = 100000\n"
        "limits.sends_burst = 100000\n"
        "limits.sends_per_second = 100000\n");
}

ServerProcess::ServerProcess(ServerOptions options) : m_options(std::move(options)) {
    QDir(m_dataDir.path()).mkpath(QStringLiteral("data"));
    if (!m_options.configToml.isEmpty()) {
        m_configPath = m_dataDir.filePath(QStringLiteral("messenger.toml"));
        QFile file(m_configPath);
        if (file.open(QIODevice::WriteOnly | QIODevice::Truncate))
            file.write(m_options.configToml.toUtf8());
    }
}

ServerProcess::~ServerProcess() {
    stop();
}

QString ServerProcess::binaryPath() {
    const QString fromEnvironment = qEnvironmentVariable("MESSENGER_SERVER_BIN");
    if (!fromEnvironment.isEmpty())
        return fromEnvironment;
    return QCoreApplication::applicationDirPath() + QStringLiteral("/messenger-server");
}

QStringList ServerProcess::arguments() const {
    QStringList args;
    if (!m_configPath.isEmpty())
        args << QStringLiteral("--config") << m_configPath;
    args << QStringLiteral("--listen") << QStringLiteral("127.0.0.1:%1").arg(m_port);
    args << QStringLiteral("--data-dir") << dataDir();
    if (!m_options.tls)
        args << QStringLiteral("--no-tls");
    args << m_options.extraArgs;
    return args;
}

bool ServerProcess::start() {
    if (isRunning())
        return true;
    drain();
    m_scanFrom = m_output.size();
    m_process = std::make_unique<QProcess>();
    m_process->setProgram(binaryPath());
    m_process->setArguments(arguments());
    m_process->start();
    if (!m_process->waitForStarted(startTimeoutMs)) {
        m_errors += "testsupport: could not start " + binaryPath().toUtf8() + ": " +
                    m_process->errorString().toUtf8() + '\n';
        recordExit();
        return false;
    }

    static const QRegularExpression listening(
        QStringLiteral("listening on ((?:https?)://[^\\s]+)"));
    static const QRegularExpression fingerprintLine(
        QStringLiteral("tls fingerprint sha256 ([0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2})+)"));
    const QDeadlineTimer deadline(startTimeoutMs);
    while (!deadline.hasExpired()) {
        drain();
        const QString fresh = QString::fromUtf8(m_output.mid(m_scanFrom));
        const auto match = listening.match(fresh);
        if (match.hasMatch()) {
            m_baseUrl = QUrl(match.captured(1));
            if (m_baseUrl.path() == QLatin1String("/"))
                m_baseUrl.setPath(QString());
            m_port = static_cast<quint16>(m_baseUrl.port());
            const auto fp = fingerprintLine.match(fresh);
            m_fingerprint = fp.hasMatch() ? fp.captured(1).toUpper() : QString();
            return true;
        }
        if (m_process->state() == QProcess::NotRunning)
            break;
        m_process->waitForReadyRead(50);
    }
    drain();
    if (m_process->state() != QProcess::NotRunning) {
        m_errors += "testsupport: no \"listening on\" line within 15 s\n";
        stop();
    } else {
        recordExit();
        m_errors += "testsupport: the server exited (code " + QByteArray::number(m_exitCode) +
                    ") before listening\n";
    }
    return false;
}

void ServerProcess::stop() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning) {
        m_process->terminate();
        if (!m_process->waitForFinished(stopTimeoutMs)) {
            m_errors += "testsupport: no exit within 15 s of SIGTERM; killed\n";
            m_process->kill();
            m_process->waitForFinished(stopTimeoutMs);
        }
    }
    recordExit();
}

void ServerProcess::recordExit() {
    if (!m_process)
        return;
    if (m_process->state() != QProcess::NotRunning)
        m_process->waitForFinished(stopTimeoutMs);
    drain();
    m_exitStatus = m_process->exitStatus();
    m_exitCode = m_exitStatus == QProcess::NormalExit ? m_process->exitCode() : -1;
    if (m_process->error() == QProcess::FailedToStart)
        m_exitCode = -1;
    m_process.reset();
}

bool ServerProcess::restart() {
    stop();
    return start();
}

qint64 ServerProcess::processId() const {
    return isRunning() ? m_process->processId() : 0;
}

bool ServerProcess::waitForExit(int timeoutMs) {
    if (!m_process)
        return true;
    if (m_process->state() != QProcess::NotRunning && !m_process->waitForFinished(timeoutMs))
        return false;
    recordExit();
    return true;
}

bool ServerProcess::isRunning() const {
    return m_process && m_process->state() != QProcess::NotRunning;
}

void ServerProcess::drain() const {
    if (!m_process)
        return;
    m_output += m_process->readAllStandardOutput();
    m_errors += m_process->readAllStandardError();
}

QUrl ServerProcess::baseUrl() const {
    return m_baseUrl;
}

QUrl ServerProcess::wsUrl() const {
    QUrl url = m_baseUrl;
    url.setScheme(url.scheme() == QLatin1String("https") ? QStringLiteral("wss")
                                                         : QStringLiteral("ws"));
    url.setPath(QStringLiteral("/api/v1/ws"));
    return url;
}

QString ServerProcess::fingerprint() const {
    return m_fingerprint;
}

QSslCertificate ServerProcess::certificate() const {
    QString path = dataDir() + QStringLiteral("/tls/cert.pem");
    const qsizetype flag = m_options.extraArgs.indexOf(QStringLiteral("--tls-cert"));
    if (flag >= 0 && flag + 1 < m_options.extraArgs.size())
        path = m_options.extraArgs.at(flag + 1);
    const auto certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    return certificates.isEmpty() ? QSslCertificate() : certificates.first();
}

QString ServerProcess::dataDir() const {
    return m_dataDir.filePath(QStringLiteral("data"));
}

quint16 ServerProcess::port() const {
    return m_port;
}

QByteArray ServerProcess::output() const {
    drain();
    return m_output;
}

QByteArray ServerProcess::errors() const {
    drain();
    return m_errors;
}

int ServerProcess::exitCode() const {
    return m_exitCode;
}

}  // namespace testsupport
