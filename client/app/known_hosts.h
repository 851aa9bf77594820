// Trusted self-signed server certificates by host:port, like SSH's known_hosts.
#pragma once

#include <QMap>
#include <QString>
#include <QUrl>
#include <optional>

namespace client::app {

class KnownHosts {
public:
    // Default: AppDataLocation + "/known_hosts". One "host:port SHA256-fingerprint" per line.
    explicit KnownHosts(const QString& filePath = {});

    QString filePath() const { return m_filePath; }
    // "AB:CD:..." SHA-256, or nullopt when the server's certificate was never trusted.
    std::optional<QString> fingerprint(const QUrl& server) const;
    // Remembers (or replaces) the fingerprint of a server; written to the file at once.
    void trust(const QUrl& server, const QString& fingerprint);

private:
    QMap<QString, QString> load() const;

    QString m_filePath;
};

}  // namespace client::app
