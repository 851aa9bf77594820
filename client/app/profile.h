// One local identity: its data folder, remembered server and session.
#pragma once

#include <QString>
#include <QStringList>
#include <QUrl>
#include <optional>

namespace client::app {

struct StoredSession {
    QUrl server;
    QString token;
    qint64 userId = 0;
    QString username;
    QString displayName;
};

class Profile {
public:
    // Empty → "default". A name outside [A-Za-z0-9_-]{1,32} also falls back to "default":
    // check it with isValidName() first to refuse it instead.
    explicit Profile(const QString& name = {});

    static bool isValidName(const QString& name);
    // The profiles that have a data folder, sorted.
    static QStringList existingNames();

    QString name() const { return m_name; }
    // QStandardPaths::AppDataLocation + "/profiles/" + name, created on demand.
    QString dataDir() const;
    // Default https://127.0.0.1:8443.
    QUrl lastServer() const;
    void setLastServer(const QUrl& server);

    // The token is kept in the profile's settings file (profile.ini), readable only by the
    // user; moving it into the OS keychain is a later step.
    std::optional<StoredSession> session() const;
    void saveSession(const StoredSession& session);
    void clearSession();

private:
    QString settingsPath() const;

    QString m_name;
};

}  // namespace client::app
