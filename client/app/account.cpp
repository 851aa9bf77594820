#include "client/app/account.h"

#include <QFile>
#include <QPointer>
#include <memory>

#include "client/net/convert.h"

namespace client::app {
namespace {

// How long logOut() waits for the server to confirm the revocation before it lets go.
constexpr int kLogoutWaitMs = 2000;
const QString kSessionEnded = QStringLiteral("Your session has ended. Please sign in again.");

Account::ConnectionState fromNet(net::Connection::State state) {
    switch (state) {
        case net::Connection::State::Online:
            return Account::ConnectionState::Online;
        case net::Connection::State::Connecting:
            return Account::ConnectionState::Connecting;
        case net::Connection::State::Offline:
            break;
    }
    return Account::ConnectionState::Offline;
}

}  // namespace

Account::Account(Profile& profile, KnownHosts& hosts, QObject* parent)
    : QObject(parent),
      m_profile(profile),
      m_hosts(hosts),
      m_session(profile.session().value_or(StoredSession{})),
      m_cache(profile.dataDir()),
      m_rest(net::TlsPinning([this](const QUrl& server) { return m_hosts.fingerprint(server); })),
      m_connection(
          net::TlsPinning([this](const QUrl& server) { return m_hosts.fingerprint(server); })) {
    qRegisterMetaType<client::app::Account::ConnectionState>();
    m_rest.setServer(m_session.server);
    m_rest.setToken(m_session.token);
    connect(&m_rest, &net::RestClient::unauthorized, this, [this] { end(kSessionEnded); });
    connect(&m_connection, &net::Connection::unauthorized, this, [this] { end(kSessionEnded); });
    connect(&m_connection, &net::Connection::stateChanged, this, &Account::onConnectionState);
    connect(&m_connection, &net::Connection::frameReceived, this, &Account::onFrame);
    connect(&m_connection, &net::Connection::certificateChanged, this,
            &Account::certificateChanged);
    connect(&m_connection, &net::Connection::certificateUnknown, this,
            [this](const QUrl& server, const QString& presented) {
                Q_EMIT certificateChanged(server, QString(), presented);
            });
}

Account::~Account() = default;

void Account::setReconnectPolicy(const net::BackoffPolicy& policy) {
    m_connection.setBackoffPolicy(policy);
}

void Account::start() {
    if (m_ended) {
        return;
    }
    openCache();
    if (const auto me = m_cache.user(m_session.userId)) {
        m_session.username = net::toQString(me->username);
        m_session.displayName = net::toQString(me->displayName);
        Q_EMIT profileChanged();
    }
    m_connection.open(m_session.server, m_session.token);
}

// The cache is disposable: one that cannot be opened, or that holds another account's data,
// is deleted and started afresh.
void Account::openCache() {
    const QString owner = net::TlsPinning::hostPort(m_session.server) + QLatin1Char('#') +
                          QString::number(m_session.userId);
    if (m_cache.open()) {
        const auto stored = m_cache.meta(QStringLiteral("account"));
        if (!stored || *stored == owner) {
            m_cache.setMeta(QStringLiteral("account"), owner);
            return;
        }
    }
    m_cache.close();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        QFile::remove(m_cache.filePath() + QLatin1String(suffix));
    }
    if (m_cache.open()) {
        m_cache.setMeta(QStringLiteral("account"), owner);
    }
}

void Account::logOut() {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_connection.close();
    m_profile.clearSession();
    const QPointer<Account> self(this);
    auto finish = std::make_shared<bool>(false);
    auto announce = [self, finish] {
        if (!self || *finish) {
            return;
        }
        *finish = true;
        Q_EMIT self->loggedOut(QString());
    };
    m_rest.logOut([announce](const net::RestResult<net::NoContent>&) { announce(); });
    QTimer::singleShot(kLogoutWaitMs, this, announce);
}

int Account::reconnectInSeconds() const {
    if (m_state != ConnectionState::Offline) {
        return 0;
    }
    return (m_connection.reconnectInMs() + 999) / 1000;
}

void Account::reconnectNow() {
    if (!m_ended) {
        m_connection.reconnectNow();
    }
}

void Account::onFrame(const protocol::ServerFrame& frame) {
    if (const auto* ready = std::get_if<protocol::ws::Ready>(&frame)) {
        applyMe(ready->user);
    }
}

void Account::applyMe(const protocol::User& user) {
    if (m_ended || user.id != m_session.userId) {
        return;
    }
    m_cache.upsertUser(user);
    m_session.username = net::toQString(user.username);
    m_session.displayName = net::toQString(user.displayName);
    m_profile.saveSession(m_session);
    Q_EMIT profileChanged();
}

void Account::onConnectionState(net::Connection::State state) {
    const ConnectionState mapped = fromNet(state);
    if (mapped == m_state) {
        return;
    }
    m_state = mapped;
    Q_EMIT connectionStateChanged(mapped);
}

void Account::end(const QString& reason) {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_connection.close();
    m_rest.abortAll();
    m_profile.clearSession();
    Q_EMIT loggedOut(reason);
}

}  // namespace client::app
