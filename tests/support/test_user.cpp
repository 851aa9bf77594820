#include "tests/support/test_user.h"

#include <QJsonDocument>
#include <atomic>

namespace testsupport {

namespace {

TestUser fromAnswer(HttpResult result, int expectedStatus) {
    TestUser user;
    if (result.status == expectedStatus && result.json.isObject()) {
        const QJsonObject body = result.json.toObject();
        user.token = body.value(QLatin1String("token")).toString();
        user.user = body.value(QLatin1String("user")).toObject();
        user.userId = user.user.value(QLatin1String("id")).toInteger();
        user.username = user.user.value(QLatin1String("username")).toString();
    }
    user.result = std::move(result);
    return user;
}

}  // namespace

TestUser registerUser(HttpClient& http, const QString& username, const QString& password,
                      const QString& displayName) {
    QJsonObject body{{QStringLiteral("username"), username},
                     {QStringLiteral("password"), password}};
    if (!displayName.isEmpty())
        body.insert(QStringLiteral("display_name"), displayName);
    return fromAnswer(http.post(QStringLiteral("/api/v1/auth/register"),
                                QJsonDocument(body).toJson(QJsonDocument::Compact)),
                      201);
}

TestUser loginUser(HttpClient& http, const QString& username, const QString& password) {
    const QJsonObject body{{QStringLiteral("username"), username},
                           {QStringLiteral("password"), password}};
    return fromAnswer(http.post(QStringLiteral("/api/v1/auth/login"),
                                QJsonDocument(body).toJson(QJsonDocument::Compact)),
                      200);
}

QString uniqueUsername(const QString& prefix) {
    static std::atomic<int> counter{0};
    return QStringLiteral("%1_%2").arg(prefix.toLower()).arg(++counter);
}

}  // namespace testsupport
