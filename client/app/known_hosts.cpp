#include "client/app/known_hosts.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTextStream>

#include "client/net/tls_pinning.h"

namespace client::app {

KnownHosts::KnownHosts(const QString& filePath)
    : m_filePath(filePath.isEmpty()
                     ? QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
                           QStringLiteral("/known_hosts")
                     : filePath) {}

std::optional<QString> KnownHosts::fingerprint(const QUrl& server) const {
    const auto hosts = load();
    const auto it = hosts.constFind(net::TlsPinning::hostPort(server));
    if (it == hosts.constEnd()) {
        return std::nullopt;
    }
    return *it;
}

void KnownHosts::trust(const QUrl& server, const QString& fingerprint) {
    auto hosts = load();
    hosts.insert(net::TlsPinning::hostPort(server), fingerprint.trimmed().toUpper());
    QDir().mkpath(QFileInfo(m_filePath).absolutePath());
    QSaveFile file(m_filePath);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        return;
    }
    QTextStream out(&file);
    for (auto it = hosts.constBegin(); it != hosts.constEnd(); ++it) {
        out << it.key() << ' ' << it.value() << '\n';
    }
    out.flush();
    file.commit();
}

// Read on every call: another window or profile of this user may have trusted a host meanwhile.
QMap<QString, QString> KnownHosts::load() const {
    QMap<QString, QString> hosts;
    QFile file(m_filePath);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) {
        return hosts;
    }
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#'))) {
            continue;
        }
        const QStringList parts = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        if (parts.size() == 2) {
            hosts.insert(parts[0].toLower(), parts[1].toUpper());
        }
    }
    return hosts;
}

}  // namespace client::app
