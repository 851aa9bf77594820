// The REST API of one server (PROTOCOL.md), spoken over HTTPS with the profile's certificate pins.
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

#include "client/net/convert.h"
#include "client/net/rest_result.h"
#include "client/net/tls_pinning.h"
#include "common/wire_types.h"

class QNetworkReply;

namespace client::net {

class RestClient : public QObject {
    Q_OBJECT
public:
    // Called exactly once per request, on the thread of the client, unless the request is
    // aborted with abortAll() or the client is destroyed first.
    template <class T>
    using Callback = std::function<void(const RestResult<T>&)>;

    explicit RestClient(TlsPinning pinning, QObject* parent = nullptr);
    ~RestClient() override;

    // "https://host:port" (or "http://" for a server run with --no-tls).
    void setServer(const QUrl& server);
    QUrl server() const { return m_server; }
    // The bearer token of authenticated requests; empty for none.
    void setToken(const QString& token);
    void setTimeoutMs(int timeoutMs);

    void registerAccount(const protocol::RegisterRequest& request,
                         Callback<protocol::AuthResponse> done);
    void logIn(const protocol::LoginRequest& request, Callback<protocol::AuthResponse> done);
    void logOut(Callback<NoContent> done);
    void me(Callback<protocol::MeResponse> done);

    // Drops every request in flight without calling its callback.
    void abortAll();

Q_SIGNALS:
    // Any authenticated request answered 401 unauthorized: the token is revoked or expired.
    void unauthorized();

private:
    // status is 0 and error set when no usable HTTP answer arrived.
    using RawDone = std::function<void(const std::optional<RestError>& error, int status,
                                       const QByteArray& body)>;

    void send(const QByteArray& verb, const QString& path, const QByteArray& body, RawDone done);
    void finish(QNetworkReply* reply, RawDone done);

    template <class T>
    void call(const QByteArray& verb, const QString& path, const QByteArray& body,
              Callback<T> done) {
        send(verb, path, body,
             [done = std::move(done)](const std::optional<RestError>& error, int status,
                                      const QByteArray& answer) {
                 if (error) {
                     done(RestResult<T>(*error));
                     return;
                 }
                 if constexpr (std::is_same_v<T, NoContent>) {
                     done(RestResult<T>(NoContent{}));
                 } else {
                     try {
                         done(RestResult<T>(fromBody<T>(answer)));
                     } catch (const std::exception& e) {
                         RestError bad;
                         bad.kind = RestError::Kind::BadAnswer;
                         bad.status = status;
                         bad.message = QStringLiteral("unexpected answer: %1").arg(e.what());
                         done(RestResult<T>(bad));
                     }
                 }
             });
    }

    QNetworkAccessManager* m_manager;
    TlsPinning m_pinning;
    QUrl m_server;
    QString m_token;
    int m_timeoutMs = 15000;
};

}  // namespace client::net
