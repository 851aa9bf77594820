// One log-in or registration attempt against a server, with certificate trust.
#pragma once

#include <QObject>
#include <QString>
#include <QUrl>
#include <optional>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/net/rest_client.h"

namespace client::app {

class SignIn : public QObject {
    Q_OBJECT
public:
    SignIn(Profile& profile, KnownHosts& hosts, QObject* parent = nullptr);

    // What the user typed in the server field: "host", "host:port", "https://host:port" or
    // "http://host:port" (a server run with --no-tls). The port defaults to 8443. nullopt when
    // it is not a server address.
    static std::optional<QUrl> parseServer(const QString& text);

    void logIn(const QUrl& server, const QString& username, const QString& password);
    void registerAccount(const QUrl& server, const QString& username, const QString& password,
                         const QString& displayName);
    // After certificateUnknown: remember the fingerprint, repeat the attempt.
    void trustAndRetry();
    void cancel();
    bool isBusy() const { return m_busy; }

Q_SIGNALS:
    // The session is saved in the profile.
    void succeeded();
    // field: "server", "username", "password", "display_name" or "" (general); message for the
    // user.
    void failed(const QString& field, const QString& message);
    void certificateUnknown(const QUrl& server, const QString& fingerprint);
    // Refused: the server shows another certificate than the trusted one.
    void certificateChanged(const QUrl& server, const QString& trusted, const QString& presented);
    void busyChanged(bool busy);

private:
    struct Attempt {
        bool registering = false;
        QUrl server;
        QString username;
        QString password;
        QString displayName;
    };

    void start(const Attempt& attempt);
    void onAnswer(const net::RestResult<protocol::AuthResponse>& result);
    void fail(const QString& field, const QString& message);
    void setBusy(bool busy);

    Profile& m_profile;
    KnownHosts& m_hosts;
    net::RestClient m_rest;
    std::optional<Attempt> m_attempt;
    QString m_unknownFingerprint;
    bool m_busy = false;
};

}  // namespace client::app
