#include <QCoreApplication>
#include <QDir>
#include <QStandardPaths>

#include "tests/support/client_fixture.h"

namespace testsupport {

ClientFixture::ClientFixture(ServerOptions options) : m_server(std::move(options)) {}

ClientFixture::~ClientFixture() {
    for (const auto& profile : m_profiles) {
        QDir(profile.dataDir()).removeRecursively();
    }
}

bool ClientFixture::start() {
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
    QCoreApplication::setApplicationName(QStringLiteral("messenger"));
    if (!m_server.start()) {
        return false;
    }
    m_hosts =
        std::make_unique<client::app::KnownHosts>(m_dir.filePath(QStringLiteral("known_hosts")));
    m_hosts->trust(m_server.baseUrl(), m_server.fingerprint());
    m_http = std::make_unique<HttpClient>(m_server);
    return true;
}

QByteArray ClientFixture::why() const {
    return m_server.output() + m_server.errors();
}

ClientUser ClientFixture::signUp(const QString& prefix, const QString& displayName) {
    const QString username = uniqueUsername(prefix);
    // Unique per process too, so test executables run side by side never share a profile.
    const QString name =
        QStringLiteral("%1_%2").arg(username).arg(QCoreApplication::applicationPid());
    client::app::Profile& profile = m_profiles.emplace_back(name.left(32));
    QDir(profile.dataDir()).removeRecursively();

    ClientUser signedUp;
    signedUp.user = registerUser(*m_http, username, QStringLiteral("password123"),
                                 displayName.isEmpty() ? username : displayName);
    if (!signedUp.user.ok()) {
        qWarning() << "registration failed:" << signedUp.user.result.describe();
        return signedUp;
    }
    client::app::StoredSession session;
    session.server = m_server.baseUrl();
    session.token = signedUp.user.token;
    session.userId = signedUp.user.userId;
    session.username = signedUp.user.username;
    session.displayName = signedUp.user.user.value(QLatin1String("display_name")).toString();
    profile.saveSession(session);
    signedUp.profile = &profile;
    return signedUp;
}

std::unique_ptr<client::app::Account> ClientFixture::account(client::app::Profile& profile,
                                                             bool start) {
    auto account = std::make_unique<client::app::Account>(profile, *m_hosts);
    account->setReconnectPolicy(quickRetries());
    if (start) {
        account->start();
    }
    return account;
}

client::net::BackoffPolicy ClientFixture::quickRetries() {
    client::net::BackoffPolicy policy;
    policy.baseMs = 200;
    policy.capMs = 1000;
    policy.stableMs = 500;
    return policy;
}

}  // namespace testsupport
