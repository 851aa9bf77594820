#include "client/net/rest_client.h"

#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <memory>

namespace client::net {
namespace {

QString describe(QNetworkReply::NetworkError error, const QString& fallback) {
    switch (error) {
        case QNetworkReply::ConnectionRefusedError:
            return QStringLiteral("connection refused");
        case QNetworkReply::HostNotFoundError:
            return QStringLiteral("host not found");
        case QNetworkReply::TimeoutError:
        case QNetworkReply::OperationCanceledError:
            return QStringLiteral("no answer in time");
        case QNetworkReply::RemoteHostClosedError:
            return QStringLiteral("the connection was closed");
        case QNetworkReply::SslHandshakeFailedError:
            return QStringLiteral("the secure connection failed");
        case QNetworkReply::NetworkSessionFailedError:
        case QNetworkReply::TemporaryNetworkFailureError:
            return QStringLiteral("the network is down");
        default:
            return fallback;
    }
}

RestError httpError(int status, const QByteArray& body, const QNetworkReply& reply) {
    RestError error;
    error.kind = RestError::Kind::Http;
    error.status = status;
    const auto parsed = protocol::parseErrorBody(
        std::string_view(body.constData(), static_cast<size_t>(body.size())));
    if (parsed) {
        error.code = toQString(parsed->first);
        error.message = toQString(parsed->second);
    } else {
        error.message = QStringLiteral("the server answered %1").arg(status);
    }
    if (reply.hasRawHeader("Retry-After")) {
        error.retryAfterS = reply.rawHeader("Retry-After").trimmed().toInt();
    }
    return error;
}

}  // namespace

QString RestClient::encoded(const QString& value) {
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

RestClient::RestClient(TlsPinning pinning, QObject* parent)
    : QObject(parent), m_manager(new QNetworkAccessManager(this)), m_pinning(std::move(pinning)) {}

RestClient::~RestClient() {
    abortAll();
}

void RestClient::setServer(const QUrl& server) {
    if (server != m_server) {
        // A kept-alive connection was accepted under the old server's pin.
        m_manager->clearConnectionCache();
    }
    m_server = server;
}

void RestClient::setToken(const QString& token) {
    m_token = token;
}

void RestClient::setTimeoutMs(int timeoutMs) {
    m_timeoutMs = timeoutMs;
}

void RestClient::registerAccount(const protocol::RegisterRequest& request,
                                 Callback<protocol::AuthResponse> done) {
    call<protocol::AuthResponse>("POST", QStringLiteral("/api/v1/auth/register"), toBody(request),
                                 std::move(done));
}

void RestClient::logIn(const protocol::LoginRequest& request,
                       Callback<protocol::AuthResponse> done) {
    call<protocol::AuthResponse>("POST", QStringLiteral("/api/v1/auth/login"), toBody(request),
                                 std::move(done));
}

void RestClient::logOut(Callback<NoContent> done) {
    call<NoContent>("POST", QStringLiteral("/api/v1/auth/logout"), QByteArray(), std::move(done));
}

void RestClient::me(Callback<protocol::MeResponse> done) {
    call<protocol::MeResponse>("GET", QStringLiteral("/api/v1/me"), QByteArray(), std::move(done));
}

void RestClient::searchUsers(const QString& prefix, Callback<std::vector<protocol::User>> done) {
    call<std::vector<protocol::User>>(
        "GET", QStringLiteral("/api/v1/users/search?q=") + encoded(prefix), {}, std::move(done));
}

void RestClient::abortAll() {
    const auto replies = m_manager->findChildren<QNetworkReply*>();
    for (QNetworkReply* reply : replies) {
        reply->disconnect(this);
        reply->abort();
        reply->deleteLater();
    }
}

void RestClient::send(const QByteArray& verb, const QString& path, const QByteArray& body,
                      RawDone done) {
    QUrl url = m_server;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    // The path's segments arrive percent-encoded (an emoji in a reaction's path): kept as they
    // are, not encoded a second time.
    if (query < 0) {
        url.setPath(path, QUrl::TolerantMode);
    } else {
        url.setPath(path.left(query), QUrl::TolerantMode);
        url.setQuery(path.mid(query + 1), QUrl::TolerantMode);
    }
    QNetworkRequest request(url);
    request.setTransferTimeout(m_timeoutMs);
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QByteArrayLiteral("messenger/" MESSENGER_VERSION));
    request.setRawHeader("Accept", "application/json");
    if (!body.isEmpty() || verb != "GET") {
        request.setHeader(QNetworkRequest::ContentTypeHeader,
                          QByteArrayLiteral("application/json"));
    }
    if (!m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    QNetworkReply* reply = m_manager->sendCustomRequest(request, verb, body);
    auto refusal = std::make_shared<std::optional<TlsPinning::Decision>>();
    connect(reply, &QNetworkReply::sslErrors, this,
            [this, reply, refusal](const QList<QSslError>& errors) {
                const auto decision =
                    m_pinning.check(m_server, errors, reply->sslConfiguration().peerCertificate());
                if (decision.verdict == TlsPinning::Verdict::Accept) {
                    reply->ignoreSslErrors(errors);
                    return;
                }
                *refusal = decision;
                reply->abort();
            });
    connect(reply, &QNetworkReply::finished, this, [this, reply, refusal, done = std::move(done)] {
        reply->deleteLater();
        if (*refusal) {
            RestError error;
            error.kind = (*refusal)->verdict == TlsPinning::Verdict::Changed
                             ? RestError::Kind::CertificateChanged
                             : RestError::Kind::CertificateUnknown;
            error.presentedFingerprint = (*refusal)->presented;
            error.trustedFingerprint = (*refusal)->trusted;
            error.message = error.kind == RestError::Kind::CertificateChanged
                                ? QStringLiteral("the server's certificate has changed")
                                : QStringLiteral("the server's certificate is not trusted yet");
            done(error, 0, {});
            return;
        }
        finish(reply, done);
    });
}

void RestClient::finish(QNetworkReply* reply, RawDone done) {
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    const QByteArray body = reply->readAll();
    if (status == 0) {
        RestError error;
        error.kind = RestError::Kind::Network;
        error.message = describe(reply->error(), reply->errorString());
        done(error, 0, {});
        return;
    }
    if (status >= 200 && status < 300) {
        done(std::nullopt, status, body);
        return;
    }
    const RestError error = httpError(status, body, *reply);
    const bool revoked =
        status == 401 && !m_token.isEmpty() && error.code == QLatin1String("unauthorized");
    const QPointer<RestClient> self(this);
    done(error, status, body);
    if (revoked && self) {
        Q_EMIT unauthorized();
    }
}

}  // namespace client::net
