#include "tests/support/http_client.h"

#include <QEventLoop>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxy>
#include <QNetworkRequest>
#include <QSslConfiguration>
#include <QTimer>

#include "tests/support/server_process.h"

namespace testsupport {

QString HttpResult::errorCode() const {
    return json.toObject()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("code"))
        .toString();
}

QString HttpResult::errorMessage() const {
    return json.toObject()
        .value(QLatin1String("error"))
        .toObject()
        .value(QLatin1String("message"))
        .toString();
}

bool HttpResult::hasErrorBody() const {
    if (!json.isObject())
        return false;
    const QJsonValue error = json.toObject().value(QLatin1String("error"));
    if (!error.isObject())
        return false;
    const QJsonObject object = error.toObject();
    return object.value(QLatin1String("code")).isString() &&
           !object.value(QLatin1String("code")).toString().isEmpty() &&
           object.value(QLatin1String("message")).isString();
}

QByteArray HttpResult::describe() const {
    QByteArray text = "HTTP " + QByteArray::number(status);
    if (networkError != QNetworkReply::NoError)
        text += " (network: " + networkErrorText.toUtf8() + ")";
    text += " body: " + body.left(400);
    return text;
}

HttpClient::HttpClient(const ServerProcess& server)
    : HttpClient(server.baseUrl(), server.tls() ? server.certificate() : QSslCertificate()) {}

HttpClient::HttpClient(const QUrl& baseUrl, const QSslCertificate& pinned)
    : m_baseUrl(baseUrl), m_pin(pinned) {
    m_manager.setProxy(QNetworkProxy::NoProxy);
    m_manager.setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    m_manager.setAutoDeleteReplies(false);
    QObject::connect(&m_manager, &QNetworkAccessManager::sslErrors,
                     [this](QNetworkReply* reply, const QList<QSslError>& errors) {
                         const QList<QSslError> ignorable =
                             m_pin.ignorable(reply->sslConfiguration().peerCertificate(), errors);
                         if (!ignorable.isEmpty())
                             reply->ignoreSslErrors(ignorable);
                     });
}

HttpResult HttpClient::request(const QByteArray& verb, const QString& path, const QByteArray& body,
                               const QString& token, const QByteArray& contentType,
                               const HeaderList& headers) {
    QUrl url = m_baseUrl;
    const qsizetype query = path.indexOf(QLatin1Char('?'));
    url.setPath(query < 0 ? path : path.left(query), QUrl::TolerantMode);
    if (query >= 0)
        url.setQuery(path.mid(query + 1), QUrl::TolerantMode);

    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    request.setTransferTimeout(timeoutMs);
    if (!contentType.isEmpty())
        request.setRawHeader("Content-Type", contentType);
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    for (const auto& [name, value] : headers)
        request.setRawHeader(name, value);

    QNetworkReply* reply =
        verb == "HEAD" ? m_manager.head(request) : m_manager.sendCustomRequest(request, verb, body);
    QEventLoop loop;
    QTimer timer;
    timer.setSingleShot(true);
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timer, &QTimer::timeout, &loop, &QEventLoop::quit);
    timer.start(timeoutMs + 1000);
    if (!reply->isFinished())
        loop.exec();
    if (!reply->isFinished())
        reply->abort();

    HttpResult result;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.body = reply->readAll();
    result.networkError = reply->error();
    result.networkErrorText = reply->errorString();
    for (const auto& [name, value] : reply->rawHeaderPairs())
        result.headers.insert(name.toLower(), value);
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(result.body, &parseError);
    if (parseError.error == QJsonParseError::NoError) {
        if (document.isObject())
            result.json = document.object();
        else if (document.isArray())
            result.json = document.array();
    }
    reply->deleteLater();
    return result;
}

HttpResult HttpClient::get(const QString& path, const QString& token) {
    return request("GET", path, {}, token, {});
}

HttpResult HttpClient::post(const QString& path, const QByteArray& body, const QString& token) {
    return request("POST", path, body, token);
}

HttpResult HttpClient::put(const QString& path, const QByteArray& body, const QString& token) {
    return request("PUT", path, body, token);
}

HttpResult HttpClient::patch(const QString& path, const QByteArray& body, const QString& token) {
    return request("PATCH", path, body, token);
}

HttpResult HttpClient::del(const QString& path, const QString& token) {
    return request("DELETE", path, {}, token, {});
}

}  // namespace testsupport
