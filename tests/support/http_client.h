// A synchronous HTTP(S) client for tests: one call, one answer, the server's certificate pinned.
#pragma once

#include <QByteArray>
#include <QHash>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonValue>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPair>
#include <QString>
#include <QUrl>

#include "tests/support/certificate_pin.h"

namespace testsupport {

class ServerProcess;

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

struct HttpResult {
    int status = 0;  // 0: no HTTP answer at all (refused, reset, timed out)
    QByteArray body;
    QJsonValue json;                        // the parsed body; Undefined when it is not JSON
    QHash<QByteArray, QByteArray> headers;  // names lower-cased
    QNetworkReply::NetworkError networkError = QNetworkReply::NoError;
    QString networkErrorText;

    QString errorCode() const;     // error.code of the protocol's error body, or empty
    QString errorMessage() const;  // error.message, or empty
    // True when the body is exactly the protocol's {"error":{"code":string,"message":string}}.
    bool hasErrorBody() const;
    QByteArray header(const QByteArray& name) const { return headers.value(name.toLower()); }
    // A one-line account of the answer for QVERIFY2 messages.
    QByteArray describe() const;
};

class HttpClient {
public:
    static constexpr int timeoutMs = 15000;

    // Talks to `server`, trusting only its certificate.
    explicit HttpClient(const ServerProcess& server);
    HttpClient(const QUrl& baseUrl, const QSslCertificate& pinned);

    // `path` may carry a query string ("/api/v1/users/search?q=al"); it is sent as given.
    HttpResult request(const QByteArray& verb, const QString& path, const QByteArray& body = {},
                       const QString& token = {},
                       const QByteArray& contentType = "application/json",
                       const HeaderList& headers = {});

    HttpResult get(const QString& path, const QString& token = {});
    HttpResult post(const QString& path, const QByteArray& body = {}, const QString& token = {});
    HttpResult put(const QString& path, const QByteArray& body = {}, const QString& token = {});
    HttpResult patch(const QString& path, const QByteArray& body = {}, const QString& token = {});
    HttpResult del(const QString& path, const QString& token = {});

    QUrl baseUrl() const { return m_baseUrl; }

private:
    QUrl m_baseUrl;
    CertificatePin m_pin;
    QNetworkAccessManager m_manager;
};

}  // namespace testsupport
