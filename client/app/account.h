// The signed-in user of a profile: wires net, cache and the UI.
#pragma once

#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <memory>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/cache/local_cache.h"
#include "client/net/backoff.h"
#include "client/net/connection.h"
#include "client/net/rest_client.h"

namespace client::app {

class Account : public QObject {
    Q_OBJECT
public:
    enum class ConnectionState { Offline, Connecting, Online };
    Q_ENUM(ConnectionState)

    // Requires profile.session(). Both references must outlive the account.
    Account(Profile& profile, KnownHosts& hosts, QObject* parent = nullptr);
    ~Account() override;

    // Tests shorten the waits between reconnection attempts; call before start().
    void setReconnectPolicy(const net::BackoffPolicy& policy);

    // Opens the cache (me shows at once from it), then connects; reconnects forever.
    void start();
    // Revokes the token on the server (best effort, waiting at most a moment), clears the
    // session, emits loggedOut("").
    void logOut();

    QString displayName() const { return m_session.displayName; }
    QString username() const { return m_session.username; }
    qint64 userId() const { return m_session.userId; }
    QUrl server() const { return m_session.server; }
    ConnectionState connectionState() const { return m_state; }
    // While Offline and a retry is scheduled, else 0.
    int reconnectInSeconds() const;
    void reconnectNow();
    cache::LocalCache& cache() { return m_cache; }
    net::RestClient& rest() { return m_rest; }
    net::Connection& connection() { return m_connection; }

Q_SIGNALS:
    // Display name / username changed.
    void profileChanged();
    void connectionStateChanged(client::app::Account::ConnectionState state);
    // Explicit log out (reason empty), or the token was revoked/expired (4001/401).
    void loggedOut(const QString& reason);
    // The server shows another certificate than the trusted one (trusted is empty when none is
    // trusted any more): the connection stops until reconnectNow().
    void certificateChanged(const QUrl& server, const QString& trusted, const QString& presented);

private:
    void openCache();
    void onFrame(const protocol::ServerFrame& frame);
    void onConnectionState(net::Connection::State state);
    void applyMe(const protocol::User& user);
    void end(const QString& reason);

    Profile& m_profile;
    KnownHosts& m_hosts;
    // The token lives only here and in the profile's settings file; the OS keychain is a later
    // step.
    StoredSession m_session;
    cache::LocalCache m_cache;
    net::RestClient m_rest;
    net::Connection m_connection;
    ConnectionState m_state = ConnectionState::Offline;
    bool m_ended = false;
};

}  // namespace client::app
