#include "client/app/profile.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <algorithm>

namespace client::app {
namespace {

const QString kDefaultName = QStringLiteral("default");

QString profilesRoot() {
    return QStandardPaths::writableLocation(QStandardPaths::AppDataLocation) +
           QStringLiteral("/profiles");
}

}  // namespace

Profile::Profile(const QString& name) : m_name(isValidName(name) ? name : kDefaultName) {}

bool Profile::isValidName(const QString& name) {
    static const QRegularExpression pattern(QStringLiteral("^[A-Za-z0-9_-]{1,32}$"));
    return pattern.match(name).hasMatch();
}

QStringList Profile::existingNames() {
    QStringList names = QDir(profilesRoot()).entryList(QDir::Dirs | QDir::NoDotAndDotDot);
    names.erase(std::remove_if(names.begin(), names.end(),
                               [](const QString& n) { return !isValidName(n); }),
                names.end());
    names.sort();
    return names;
}

QString Profile::dataDir() const {
    const QString dir = profilesRoot() + QLatin1Char('/') + m_name;
    QDir().mkpath(dir);
    return dir;
}

QString Profile::settingsPath() const {
    return dataDir() + QStringLiteral("/profile.ini");
}

QUrl Profile::lastServer() const {
    const QSettings settings(settingsPath(), QSettings::IniFormat);
    const QUrl server = settings.value(QStringLiteral("server/last")).toUrl();
    return server.isValid() && !server.isEmpty() ? server
                                                 : QUrl(QStringLiteral("https://127.0.0.1:8443"));
}

void Profile::setLastServer(const QUrl& server) {
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("server/last"), server);
    settings.sync();
}

std::optional<StoredSession> Profile::session() const {
    const QSettings settings(settingsPath(), QSettings::IniFormat);
    StoredSession session;
    session.server = settings.value(QStringLiteral("session/server")).toUrl();
    session.token = settings.value(QStringLiteral("session/token")).toString();
    session.userId = settings.value(QStringLiteral("session/user_id")).toLongLong();
    session.username = settings.value(QStringLiteral("session/username")).toString();
    session.displayName = settings.value(QStringLiteral("session/display_name")).toString();
    if (session.token.isEmpty() || session.server.isEmpty() || session.userId <= 0) {
        return std::nullopt;
    }
    return session;
}

void Profile::saveSession(const StoredSession& session) {
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.setValue(QStringLiteral("session/server"), session.server);
    settings.setValue(QStringLiteral("session/token"), session.token);
    settings.setValue(QStringLiteral("session/user_id"), session.userId);
    settings.setValue(QStringLiteral("session/username"), session.username);
    settings.setValue(QStringLiteral("session/display_name"), session.displayName);
    settings.sync();
    // The token grants the account: keep the file to its owner.
    QFile::setPermissions(settingsPath(), QFile::ReadOwner | QFile::WriteOwner);
}

void Profile::clearSession() {
    QSettings settings(settingsPath(), QSettings::IniFormat);
    settings.remove(QStringLiteral("session"));
    settings.sync();
}

}  // namespace client::app
