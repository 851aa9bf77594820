// "Accounts and sessions" end to end, the other users and the account's secrets: search, users by
// id, password change and the login and registration rate limits, over TLS and over --no-tls.
#include <QJsonDocument>
#include <QtTest>

#include "tests/server/account_server_fixture.h"
#include "tests/support/http_client.h"
#include "tests/support/protocol_shapes.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

}  // namespace

class TestServerUsers : public QObject, protected test::AccountServerFixture {
    Q_OBJECT

public:
    explicit TestServerUsers(bool tls) : AccountServerFixture(tls) {}

private slots:
    void initTestCase();
    void cleanupTestCase();

    void passwordChangeRevokesOtherTokens();
    void passwordChangeRejectsInvalidBody_data();
    void passwordChangeRejectsInvalidBody();
    void searchMatchesUsernameAndDisplayNamePrefix();
    void searchReturnsAtMostTwenty();
    void searchRequiresToken();
    void userByIdReturnsUser();
    void userByIdRejectsBadIds_data();
    void userByIdRejectsBadIds();
    void failedLoginsAreRateLimited();
    void registrationsAreRateLimitedPerAddress();
};

void TestServerUsers::initTestCase() {
    QVERIFY2(startServer(), m_server->errors().constData());
}

void TestServerUsers::cleanupTestCase() {
    stopServer();
}

void TestServerUsers::passwordChangeRevokesOtherTokens() {
    const TestUser current = fresh("pwchange");
    QVERIFY(current.ok());
    const TestUser other = loginUser(*m_http, current.username);
    const TestUser third = loginUser(*m_http, current.username);
    QVERIFY(other.ok() && third.ok());

    WsClient otherSocket(*m_server);
    QVERIFY2(otherSocket.open(m_server->wsUrl()), qPrintable(otherSocket.errorString()));
    QCOMPARE(otherSocket.hello(other.token)["op"].toString(), QStringLiteral("ready"));
    WsClient currentSocket(*m_server);
    QVERIFY2(currentSocket.open(m_server->wsUrl()), qPrintable(currentSocket.errorString()));
    QCOMPARE(currentSocket.hello(current.token)["op"].toString(), QStringLiteral("ready"));

    const HttpResult wrongOld =
        m_http->put("/api/v1/me/password",
                    json({{"old_password", "not-my-password"}, {"new_password", "brand-new-pass"}}),
                    current.token);
    QVERIFY2(wrongOld.status == 403, wrongOld.describe().constData());
    QCOMPARE(wrongOld.errorCode(), QStringLiteral("forbidden"));
    QCOMPARE(m_http->get("/api/v1/me", other.token).status, 200);

    const HttpResult changed = m_http->put(
        "/api/v1/me/password",
        json({{"old_password", "password123"}, {"new_password", "brand-new-pass"}}), current.token);
    QVERIFY2(changed.status == 204, changed.describe().constData());
    QVERIFY(changed.body.isEmpty());

    QCOMPARE(m_http->get("/api/v1/me", current.token).status, 200);
    QCOMPARE(m_http->get("/api/v1/me", other.token).status, 401);
    QCOMPARE(m_http->get("/api/v1/me", third.token).status, 401);
    QCOMPARE(otherSocket.waitForClose(5000), 4001);

    QVERIFY(currentSocket.isOpen());
    currentSocket.sendJson({{"op", "ping"}, {"nonce", "still-here"}});
    QCOMPARE(currentSocket.waitForOp("pong")["nonce"].toString(), QStringLiteral("still-here"));

    const HttpResult oldLogin = m_http->post(
        "/api/v1/auth/login", json({{"username", current.username}, {"password", "password123"}}));
    QCOMPARE(oldLogin.status, 401);
    QCOMPARE(oldLogin.errorCode(), QStringLiteral("invalid_credentials"));
    QVERIFY(loginUser(*m_http, current.username, "brand-new-pass").ok());
}

void TestServerUsers::passwordChangeRejectsInvalidBody_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("status");
    QTest::addColumn<QString>("field");
    QTest::newRow("new too short")
        << json({{"old_password", "password123"}, {"new_password", "short"}}) << 400
        << "new_password";
    QTest::newRow("new too long") << json({{"old_password", "password123"},
                                           {"new_password", QString("n").repeated(1025)}})
                                  << 400 << "new_password";
    QTest::newRow("new missing") << json({{"old_password", "password123"}}) << 400
                                 << "new_password";
    QTest::newRow("old missing") << json({{"new_password", "brand-new-pass"}}) << 400
                                 << "old_password";
    QTest::newRow("old number") << json({{"old_password", 12345678},
                                         {"new_password", "brand-new-pass"}})
                                << 400 << "old_password";
    QTest::newRow("malformed") << QByteArray("{{") << 400 << QString();
}

void TestServerUsers::passwordChangeRejectsInvalidBody() {
    QFETCH(QByteArray, body);
    QFETCH(int, status);
    QFETCH(QString, field);
    const TestUser& user = cached("pwbad");
    QVERIFY(user.ok());
    const HttpResult result = m_http->put("/api/v1/me/password", body, user.token);
    QVERIFY2(result.status == status, result.describe().constData());
    QVERIFY(result.hasErrorBody());
    if (!field.isEmpty())
        QVERIFY2(result.errorMessage().startsWith(field + ": "), qPrintable(result.errorMessage()));
    QVERIFY2(loginUser(*m_http, user.username).ok(), "a refused change still changed the password");
    const HttpResult noToken =
        m_http->put("/api/v1/me/password",
                    json({{"old_password", "password123"}, {"new_password", "x12345678"}}));
    QCOMPARE(noToken.status, 401);
}

void TestServerUsers::searchMatchesUsernameAndDisplayNamePrefix() {
    const TestUser alpha = registerUser(*m_http, "pfx_alpha", "password123", "Alpha One");
    const TestUser beta = registerUser(*m_http, "PFX_Beta", "password123", "Beta");
    const TestUser gamma = registerUser(*m_http, "other_gamma", "password123", "pfxGamma Person");
    const TestUser unrelated = registerUser(*m_http, "zzz_unrelated", "password123", "Unrelated");
    QVERIFY(alpha.ok() && beta.ok() && gamma.ok() && unrelated.ok());

    const auto idsFor = [&](const QString& query) {
        const HttpResult result = m_http->get("/api/v1/users/search?q=" + query, unrelated.token);
        QSet<qint64> ids;
        if (result.status != 200 || !result.json.isArray()) {
            qWarning("search %s: %s", qPrintable(query), result.describe().constData());
            return ids;
        }
        for (const QJsonValue& user : result.json.toArray()) {
            if (!userShapeProblem(user.toObject()).isEmpty())
                qWarning("bad user in search result: %s",
                         qPrintable(userShapeProblem(user.toObject())));
            ids.insert(user["id"].toInteger());
        }
        return ids;
    };
    for (const QString& query : QStringList{"pfx", "PFX", "Pfx"}) {
        const QSet<qint64> ids = idsFor(query);
        QVERIFY2(ids.contains(alpha.userId), qPrintable(query + ": username prefix missed"));
        QVERIFY2(ids.contains(beta.userId), qPrintable(query + ": mixed-case username missed"));
        QVERIFY2(ids.contains(gamma.userId), qPrintable(query + ": display name prefix missed"));
        QVERIFY2(!ids.contains(unrelated.userId), qPrintable(query + ": unrelated user matched"));
    }
    const QSet<qint64> narrow = idsFor("pfx_a");
    QVERIFY(narrow.contains(alpha.userId));
    QVERIFY(!narrow.contains(beta.userId));
    QVERIFY(!narrow.contains(gamma.userId));
    const QSet<qint64> byDisplayName = idsFor("alpha%20o");
    QVERIFY2(byDisplayName.contains(alpha.userId), "display name prefix with a space missed");
    QVERIFY(idsFor("nothing_starts_like_this").isEmpty());
}

void TestServerUsers::searchReturnsAtMostTwenty() {
    TestUser last;
    for (int i = 0; i < 23; ++i) {
        last = registerUser(*m_http, QString("many_%1").arg(i));
        QVERIFY2(last.ok(), last.result.describe().constData());
    }
    const HttpResult result = m_http->get("/api/v1/users/search?q=MANY_", last.token);
    QVERIFY2(result.status == 200, result.describe().constData());
    QCOMPARE(result.json.toArray().size(), 20);
}

void TestServerUsers::searchRequiresToken() {
    const HttpResult result = m_http->get("/api/v1/users/search?q=pfx");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
}

void TestServerUsers::userByIdReturnsUser() {
    const TestUser target = fresh("target", "Target Person");
    const TestUser viewer = fresh("looker");
    QVERIFY(target.ok() && viewer.ok());
    const HttpResult result =
        m_http->get(QString("/api/v1/users/%1").arg(target.userId), viewer.token);
    QVERIFY2(result.status == 200, result.describe().constData());
    QVERIFY2(userShapeProblem(result.json.toObject()).isEmpty(),
             qPrintable(userShapeProblem(result.json.toObject())));
    QCOMPARE(result.json["id"].toInteger(), target.userId);
    QCOMPARE(result.json["username"].toString(), target.username);
    QCOMPARE(result.json["display_name"].toString(), QStringLiteral("Target Person"));

    const HttpResult missing = m_http->get("/api/v1/users/987654321", viewer.token);
    QVERIFY2(missing.status == 404, missing.describe().constData());
    QCOMPARE(missing.errorCode(), QStringLiteral("not_found"));
    const HttpResult largest = m_http->get("/api/v1/users/9007199254740991", viewer.token);
    QVERIFY2(largest.status == 404, largest.describe().constData());
    QCOMPARE(m_http->get(QString("/api/v1/users/%1").arg(target.userId)).status, 401);
}

void TestServerUsers::userByIdRejectsBadIds_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : {"abc", "0", "-1", "9007199254740992", "99999999999999999999999", "1.5",
                           "1e3", "0x10", "%20"})
        QTest::newRow(id) << QString(id);
}

void TestServerUsers::userByIdRejectsBadIds() {
    QFETCH(QString, id);
    const TestUser& viewer = cached("badids");
    const HttpResult result = m_http->get("/api/v1/users/" + id, viewer.token);
    QVERIFY2(result.status == 400, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
}

void TestServerUsers::failedLoginsAreRateLimited() {
    if (!m_tls)
        QSKIP("transport-independent; checked in the TLS run");
    ServerOptions options;
    options.configToml.clear();
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    const TestUser user = registerUser(http, "limited");
    QVERIFY2(user.ok(), user.result.describe().constData());
    const QByteArray wrong = json({{"username", "limited"}, {"password", "wrong-password"}});
    for (int attempt = 1; attempt <= 5; ++attempt) {
        const HttpResult result = http.post("/api/v1/auth/login", wrong);
        QVERIFY2(result.status == 401,
                 (QByteArray::number(attempt) + ": " + result.describe()).constData());
    }
    const HttpResult sixth = http.post("/api/v1/auth/login", wrong);
    QVERIFY2(sixth.status == 429, sixth.describe().constData());
    QCOMPARE(sixth.errorCode(), QStringLiteral("rate_limited"));
    bool isNumber = false;
    const int retryAfter = sixth.header("retry-after").toInt(&isNumber);
    QVERIFY2(isNumber && retryAfter >= 1, "Retry-After: " + sixth.header("retry-after"));

    const HttpResult right = http.post(
        "/api/v1/auth/login", json({{"username", "LIMITED"}, {"password", "password123"}}));
    QVERIFY2(right.status == 429, right.describe().constData());
    QCOMPARE(right.errorCode(), QStringLiteral("rate_limited"));
    QVERIFY(!right.header("retry-after").isEmpty());
    QCOMPARE(http.get("/api/v1/me", user.token).status, 200);
}

void TestServerUsers::registrationsAreRateLimitedPerAddress() {
    if (!m_tls)
        QSKIP("transport-independent; checked in the TLS run");
    ServerOptions options;
    options.configToml.clear();
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());
    HttpClient http(server);
    for (int i = 1; i <= 5; ++i) {
        const TestUser user = registerUser(http, QString("burst_%1").arg(i));
        QVERIFY2(user.ok(), (QByteArray::number(i) + ": " + user.result.describe()).constData());
    }
    const TestUser sixth = registerUser(http, "burst_6");
    QVERIFY2(sixth.result.status == 429, sixth.result.describe().constData());
    QCOMPARE(sixth.result.errorCode(), QStringLiteral("rate_limited"));
    bool isNumber = false;
    QVERIFY(sixth.result.header("retry-after").toInt(&isNumber) >= 1 && isNumber);
    QVERIFY2(!loginUser(http, "burst_6").ok(), "a rate-limited registration created the account");
}

int main(int argc, char** argv) {
    return test::runOverTlsAndPlain<TestServerUsers>(argc, argv);
}

#include "tst_server_users.moc"
