// A signed-in account made through the real API, and the calls that make one.
#pragma once

#include <QJsonObject>
#include <QString>

#include "tests/support/http_client.h"

namespace testsupport {

struct TestUser {
    QString token;  // empty when the call failed (result says why)
    qint64 userId = 0;
    QString username;   // as the server stored it
    QJsonObject user;   // the User object of the answer
    HttpResult result;  // the raw answer

    bool ok() const { return !token.isEmpty() && userId > 0; }
};

// POST /api/v1/auth/register; `displayName` empty leaves the field out.
TestUser registerUser(HttpClient& http, const QString& username,
                      const QString& password = QStringLiteral("password123"),
                      const QString& displayName = {});
// POST /api/v1/auth/login.
TestUser loginUser(HttpClient& http, const QString& username,
                   const QString& password = QStringLiteral("password123"));
// A username no other call of this process has used: `prefix` plus a counter, lower-case.
QString uniqueUsername(const QString& prefix = QStringLiteral("user"));

}  // namespace testsupport
