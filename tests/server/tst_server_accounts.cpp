// "Accounts and sessions" end to end, over TLS and over --no-tls: the whole suite runs in both.
#include <QDirIterator>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>
#include <vector>

#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

using namespace testsupport;

namespace {

QByteArray json(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonValue nullValue() {
    return QJsonValue(QJsonValue::Null);
}

const QSet<QString> userFields = {"id",     "username", "display_name",
                                  "avatar", "status",   "last_seen"};

// A User object as PROTOCOL.md "Objects" defines it, and nothing more (no hashes, no tokens).
QString userShapeProblem(const QJsonObject& user) {
    for (const QString& key : user.keys()) {
        if (!userFields.contains(key))
            return "unexpected field " + key;
    }
    for (const QString& key : userFields) {
        if (!user.contains(key))
            return "missing field " + key;
    }
    if (!user.value("id").isDouble() || user.value("id").toInteger() <= 0)
        return "id is not a positive integer";
    if (!user.value("username").isString() || !user.value("display_name").isString())
        return "username or display_name is not a string";
    if (!user.value("avatar").isNull() && !user.value("avatar").isString())
        return "avatar is neither null nor a string";
    const QString status = user.value("status").toString();
    if (status != "online" && status != "offline")
        return "status is " + status;
    if (!user.value("last_seen").isNull() && !user.value("last_seen").isDouble())
        return "last_seen is neither null nor a number";
    return {};
}

}  // namespace

class TestServerAccounts : public QObject {
    Q_OBJECT

public:
    explicit TestServerAccounts(bool tls) : m_tls(tls) {}

private slots:
    void initTestCase();
    void cleanupTestCase();

    void registerCreatesAccount();
    void registerTrimsDisplayName();
    void registerAcceptsBoundaryValues();
    void registerTakenUsernameIgnoresCase();
    void registerRejectsInvalidFields_data();
    void registerRejectsInvalidFields();
    void loginReturnsNewToken();
    void loginIgnoresUsernameCase();
    void loginFailuresLookIdentical();
    void loginRejectsInvalidBody_data();
    void loginRejectsInvalidBody();
    void meRequiresValidToken_data();
    void meRequiresValidToken();
    void patchMeChangesDisplayName();
    void patchMeAvatarNullClears();
    void patchMeRejectsBadTypes_data();
    void patchMeRejectsBadTypes();
    void passwordChangeRevokesOtherTokens();
    void passwordChangeRejectsInvalidBody_data();
    void passwordChangeRejectsInvalidBody();
    void searchMatchesUsernameAndDisplayNamePrefix();
    void searchReturnsAtMostTwenty();
    void searchRequiresToken();
    void userByIdReturnsUser();
    void userByIdRejectsBadIds_data();
    void userByIdRejectsBadIds();
    void logoutRevokesTokenAndClosesItsSocket();
    void curlFlow();
    void secretsAreNotStoredInClear();
    void concurrentRegistrationsOfOneNameMakeOneAccount();
    void failedLoginsAreRateLimited();
    void registrationsAreRateLimitedPerAddress();

private:
    TestUser fresh(const QString& prefix, const QString& displayName = {});
    // One account per key for the rows of a data-driven test, made on first use.
    const TestUser& cached(const QString& key);

    bool m_tls;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QHash<QString, TestUser> m_cached;
};

void TestServerAccounts::initTestCase() {
    qInfo("transport: %s", m_tls ? "TLS" : "--no-tls");
    ServerOptions options;
    options.tls = m_tls;
    m_server = std::make_unique<ServerProcess>(options);
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
}

void TestServerAccounts::cleanupTestCase() {
    m_http.reset();
    m_server.reset();
}

TestUser TestServerAccounts::fresh(const QString& prefix, const QString& displayName) {
    TestUser user = registerUser(*m_http, uniqueUsername(prefix), "password123", displayName);
    if (!user.ok())
        qWarning("registration failed: %s", user.result.describe().constData());
    return user;
}

const TestUser& TestServerAccounts::cached(const QString& key) {
    if (!m_cached.contains(key))
        m_cached.insert(key, fresh(key));
    return m_cached[key];
}

void TestServerAccounts::registerCreatesAccount() {
    const HttpResult result = m_http->post(
        "/api/v1/auth/register", json({{"username", "Alice.One"}, {"password", "password123"}}));
    QVERIFY2(result.status == 201, result.describe().constData());
    const QJsonObject body = result.json.toObject();
    const QString token = body.value("token").toString();
    QVERIFY2(token.size() >= 22, "the token cannot carry 128 random bits");
    const QJsonObject user = body.value("user").toObject();
    QVERIFY2(userShapeProblem(user).isEmpty(), qPrintable(userShapeProblem(user)));
    QCOMPARE(user.value("username").toString(), QStringLiteral("alice.one"));
    QVERIFY2(user.value("display_name").toString().compare("Alice.One", Qt::CaseInsensitive) == 0,
             qPrintable("default display_name is " + user.value("display_name").toString()));
    QVERIFY(user.value("avatar").isNull());

    const HttpResult me = m_http->get("/api/v1/me", token);
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(me.json["user"]["id"].toInteger(), user.value("id").toInteger());
    QCOMPARE(me.json["user"]["username"].toString(), QStringLiteral("alice.one"));
    QCOMPARE(me.json["unread_notifications"].toInteger(-1), 0);

    const TestUser second = fresh("second");
    QVERIFY(second.ok());
    QVERIFY(second.token != token);
    QVERIFY(second.userId != user.value("id").toInteger());
}

void TestServerAccounts::registerTrimsDisplayName() {
    const TestUser user = fresh("trim", "  Zoë 😀 Wonder  ");
    QVERIFY2(user.ok(), user.result.describe().constData());
    QCOMPARE(user.user.value("display_name").toString(), QStringLiteral("Zoë 😀 Wonder"));

    const HttpResult explicitNull =
        m_http->post("/api/v1/auth/register", json({{"username", uniqueUsername("nulldn")},
                                                    {"password", "password123"},
                                                    {"display_name", nullValue()}}));
    QVERIFY2(explicitNull.status == 201, explicitNull.describe().constData());
    QVERIFY(!explicitNull.json["user"]["display_name"].toString().isEmpty());
}

void TestServerAccounts::registerAcceptsBoundaryValues() {
    const QString emoji64 = QString("😀").repeated(64);
    const QList<QJsonObject> bodies = {
        {{"username", "a_."}, {"password", "12345678"}},
        {{"username", QString("b").repeated(32)}, {"password", QString("p").repeated(1024)}},
        {{"username", "C_3.x"}, {"password", "password123"}, {"display_name", emoji64}},
        {{"username", "d_unknown"}, {"password", "password123"}, {"favourite_colour", "blue"}},
    };
    for (const QJsonObject& body : bodies) {
        const HttpResult result = m_http->post("/api/v1/auth/register", json(body));
        QVERIFY2(result.status == 201,
                 (json(body).left(120) + " -> " + result.describe()).constData());
    }
}

void TestServerAccounts::registerTakenUsernameIgnoresCase() {
    QVERIFY(registerUser(*m_http, "Bob_Dup").ok());
    for (const QString& name : QStringList{"bob_dup", "BOB_DUP", "bOb_DuP"}) {
        const HttpResult result = m_http->post(
            "/api/v1/auth/register", json({{"username", name}, {"password", "password123"}}));
        QVERIFY2(result.status == 409, result.describe().constData());
        QCOMPARE(result.errorCode(), QStringLiteral("username_taken"));
        QVERIFY(result.hasErrorBody());
    }
}

void TestServerAccounts::registerRejectsInvalidFields_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    const auto row = [](const char* name, const QJsonObject& body, const QString& field) {
        QTest::newRow(name) << json(body) << field;
    };
    const QString pw = "password123";
    row("username too short", {{"username", "ab"}, {"password", pw}}, "username");
    row("username too long", {{"username", QString("u").repeated(33)}, {"password", pw}},
        "username");
    row("username with space", {{"username", "al ice"}, {"password", pw}}, "username");
    row("username with dash", {{"username", "al-ice"}, {"password", pw}}, "username");
    row("username non-ascii", {{"username", "álice"}, {"password", pw}}, "username");
    row("username empty", {{"username", ""}, {"password", pw}}, "username");
    row("username missing", {{"password", pw}}, "username");
    row("username null", {{"username", nullValue()}, {"password", pw}}, "username");
    row("username number", {{"username", 12345}, {"password", pw}}, "username");
    row("username array", {{"username", QJsonArray{"abc"}}, {"password", pw}}, "username");
    row("password too short", {{"username", "pw_short"}, {"password", "1234567"}}, "password");
    row("password too long", {{"username", "pw_long"}, {"password", QString("p").repeated(1025)}},
        "password");
    row("password multibyte too long",
        {{"username", "pw_long2"}, {"password", QString("é").repeated(513)}}, "password");
    row("password missing", {{"username", "pw_missing"}}, "password");
    row("password number", {{"username", "pw_number"}, {"password", 12345678}}, "password");
    row("display_name empty", {{"username", "dn_empty"}, {"password", pw}, {"display_name", ""}},
        "display_name");
    row("display_name blank", {{"username", "dn_blank"}, {"password", pw}, {"display_name", "   "}},
        "display_name");
    row("display_name too long",
        {{"username", "dn_long"}, {"password", pw}, {"display_name", QString("d").repeated(65)}},
        "display_name");
    row("display_name control char",
        {{"username", "dn_ctrl"}, {"password", pw}, {"display_name", QString("bad\x07name")}},
        "display_name");
    row("display_name number", {{"username", "dn_num"}, {"password", pw}, {"display_name", 7}},
        "display_name");
    QTest::newRow("array body") << QByteArray(R"([{"username":"arr","password":"password123"}])")
                                << QString();
    QTest::newRow("string body") << QByteArray(R"("hello")") << QString();
    QTest::newRow("malformed json") << QByteArray(R"({"username":"mal","password":)") << QString();
    QTest::newRow("empty body") << QByteArray() << QString();
    QTest::newRow("lone surrogate")
        << QByteArray(R"({"username":"sur","password":"password123","display_name":"\ud800"})")
        << QString();
}

void TestServerAccounts::registerRejectsInvalidFields() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult result = m_http->post("/api/v1/auth/register", body);
    QVERIFY2(result.status == 400, result.describe().constData());
    QVERIFY2(result.hasErrorBody(), result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
    if (!field.isEmpty())
        QVERIFY2(result.errorMessage().startsWith(field + ": "),
                 qPrintable("message does not start with \"" + field +
                            ": \": " + result.errorMessage()));
}

void TestServerAccounts::loginReturnsNewToken() {
    const TestUser user = fresh("login");
    QVERIFY(user.ok());
    const HttpResult result = m_http->post(
        "/api/v1/auth/login",
        json({{"username", user.username}, {"password", "password123"}, {"device", "laptop"}}));
    QVERIFY2(result.status == 200, result.describe().constData());
    const QString token = result.json["token"].toString();
    QVERIFY(!token.isEmpty());
    QVERIFY(token != user.token);
    QCOMPARE(result.json["user"]["id"].toInteger(), user.userId);
    QVERIFY(userShapeProblem(result.json["user"].toObject()).isEmpty());
    QCOMPARE(m_http->get("/api/v1/me", token).status, 200);
    QCOMPARE(m_http->get("/api/v1/me", user.token).status, 200);
}

void TestServerAccounts::loginIgnoresUsernameCase() {
    QVERIFY(registerUser(*m_http, "Carol.Case").ok());
    for (const QString& name : QStringList{"carol.case", "CAROL.CASE", "Carol.Case"}) {
        const TestUser login = loginUser(*m_http, name);
        QVERIFY2(login.ok(), login.result.describe().constData());
        QCOMPARE(login.username, QStringLiteral("carol.case"));
    }
}

void TestServerAccounts::loginFailuresLookIdentical() {
    const TestUser user = fresh("victim");
    QVERIFY(user.ok());
    const HttpResult wrongPassword = m_http->post(
        "/api/v1/auth/login", json({{"username", user.username}, {"password", "wrong-password"}}));
    const HttpResult unknownUser = m_http->post(
        "/api/v1/auth/login", json({{"username", "nobody_here"}, {"password", "wrong-password"}}));
    QVERIFY2(wrongPassword.status == 401, wrongPassword.describe().constData());
    QCOMPARE(wrongPassword.errorCode(), QStringLiteral("invalid_credentials"));
    QVERIFY(wrongPassword.hasErrorBody());
    QCOMPARE(unknownUser.status, 401);
    QCOMPARE(unknownUser.body, wrongPassword.body);
}

void TestServerAccounts::loginRejectsInvalidBody_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("password missing") << json({{"username", "someone"}}) << "password";
    QTest::newRow("username missing") << json({{"password", "password123"}}) << "username";
    QTest::newRow("username number")
        << json({{"username", 1}, {"password", "password123"}}) << "username";
    QTest::newRow("password object")
        << json({{"username", "someone"}, {"password", QJsonObject{}}}) << "password";
    QTest::newRow("device number")
        << json({{"username", "someone"}, {"password", "password123"}, {"device", 3}}) << "device";
    QTest::newRow("malformed") << QByteArray("{") << QString();
    QTest::newRow("array") << QByteArray("[]") << QString();
}

void TestServerAccounts::loginRejectsInvalidBody() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const HttpResult result = m_http->post("/api/v1/auth/login", body);
    QVERIFY2(result.status == 400, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
    if (!field.isEmpty())
        QVERIFY2(result.errorMessage().startsWith(field + ": "), qPrintable(result.errorMessage()));
}

void TestServerAccounts::meRequiresValidToken_data() {
    QTest::addColumn<QByteArray>("authorization");
    QTest::newRow("none") << QByteArray();
    QTest::newRow("unknown token") << QByteArray("Bearer AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
    QTest::newRow("empty bearer") << QByteArray("Bearer ");
    QTest::newRow("basic scheme") << QByteArray("Basic YWxpY2U6cGFzc3dvcmQ=");
    QTest::newRow("garbage token") << QByteArray("Bearer not-a-real-token-%%%");
}

void TestServerAccounts::meRequiresValidToken() {
    QFETCH(QByteArray, authorization);
    HeaderList headers;
    if (!authorization.isEmpty())
        headers.append({"Authorization", authorization});
    for (const QByteArray& verb : {QByteArray("GET"), QByteArray("PATCH")}) {
        const HttpResult result = m_http->request(
            verb, "/api/v1/me", verb == "PATCH" ? json({{"display_name", "x"}}) : QByteArray(), {},
            "application/json", headers);
        QVERIFY2(result.status == 401, (verb + " " + result.describe()).constData());
        QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
    }
}

void TestServerAccounts::patchMeChangesDisplayName() {
    const TestUser user = fresh("patch");
    const TestUser viewer = fresh("viewer");
    QVERIFY(user.ok() && viewer.ok());
    const HttpResult result = m_http->patch(
        "/api/v1/me", json({{"display_name", "  New Name  "}, {"username", "hijack"}}), user.token);
    QVERIFY2(result.status == 200, result.describe().constData());
    QVERIFY(userShapeProblem(result.json.toObject()).isEmpty());
    QCOMPARE(result.json["display_name"].toString(), QStringLiteral("New Name"));
    QCOMPARE(result.json["username"].toString(), user.username);

    QCOMPARE(m_http->get("/api/v1/me", user.token).json["user"]["display_name"].toString(),
             QStringLiteral("New Name"));
    const HttpResult seen = m_http->get(QString("/api/v1/users/%1").arg(user.userId), viewer.token);
    QCOMPARE(seen.json["display_name"].toString(), QStringLiteral("New Name"));

    const HttpResult ignored =
        m_http->patch("/api/v1/me", json({{"display_name", nullValue()}}), user.token);
    QVERIFY2(ignored.status == 200, ignored.describe().constData());
    QCOMPARE(ignored.json["display_name"].toString(), QStringLiteral("New Name"));
    const HttpResult empty = m_http->patch("/api/v1/me", "{}", user.token);
    QVERIFY2(empty.status == 200, empty.describe().constData());
    QCOMPARE(empty.json["display_name"].toString(), QStringLiteral("New Name"));
}

void TestServerAccounts::patchMeAvatarNullClears() {
    const TestUser user = fresh("avatar");
    QVERIFY(user.ok());
    const HttpResult result =
        m_http->patch("/api/v1/me", json({{"avatar", nullValue()}}), user.token);
    QVERIFY2(result.status == 200, result.describe().constData());
    QVERIFY(result.json.toObject().contains("avatar"));
    QVERIFY(result.json["avatar"].isNull());
    QVERIFY(m_http->get("/api/v1/me", user.token).json["user"]["avatar"].isNull());
}

void TestServerAccounts::patchMeRejectsBadTypes_data() {
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("field");
    QTest::newRow("display_name number") << json({{"display_name", 5}}) << "display_name";
    QTest::newRow("display_name bool") << json({{"display_name", true}}) << "display_name";
    QTest::newRow("display_name empty") << json({{"display_name", ""}}) << "display_name";
    QTest::newRow("display_name too long")
        << json({{"display_name", QString("x").repeated(65)}}) << "display_name";
    QTest::newRow("avatar number") << json({{"avatar", 5}}) << "avatar";
    QTest::newRow("avatar object") << json({{"avatar", QJsonObject{}}}) << "avatar";
    QTest::newRow("avatar not a media id") << json({{"avatar", "not a media id"}}) << "avatar";
    QTest::newRow("array body") << QByteArray("[]") << QString();
    QTest::newRow("malformed") << QByteArray("{\"display_name\":") << QString();
}

void TestServerAccounts::patchMeRejectsBadTypes() {
    QFETCH(QByteArray, body);
    QFETCH(QString, field);
    const TestUser& user = cached("badpatch");
    QVERIFY(user.ok());
    const HttpResult result = m_http->patch("/api/v1/me", body, user.token);
    QVERIFY2(result.status == 400, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
    if (!field.isEmpty())
        QVERIFY2(result.errorMessage().startsWith(field + ": "), qPrintable(result.errorMessage()));
    const HttpResult me = m_http->get("/api/v1/me", user.token);
    QCOMPARE(me.json["user"]["display_name"].toString(),
             user.user.value("display_name").toString());
}

void TestServerAccounts::passwordChangeRevokesOtherTokens() {
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

void TestServerAccounts::passwordChangeRejectsInvalidBody_data() {
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

void TestServerAccounts::passwordChangeRejectsInvalidBody() {
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

void TestServerAccounts::searchMatchesUsernameAndDisplayNamePrefix() {
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

void TestServerAccounts::searchReturnsAtMostTwenty() {
    TestUser last;
    for (int i = 0; i < 23; ++i) {
        last = registerUser(*m_http, QString("many_%1").arg(i));
        QVERIFY2(last.ok(), last.result.describe().constData());
    }
    const HttpResult result = m_http->get("/api/v1/users/search?q=MANY_", last.token);
    QVERIFY2(result.status == 200, result.describe().constData());
    QCOMPARE(result.json.toArray().size(), 20);
}

void TestServerAccounts::searchRequiresToken() {
    const HttpResult result = m_http->get("/api/v1/users/search?q=pfx");
    QCOMPARE(result.status, 401);
    QCOMPARE(result.errorCode(), QStringLiteral("unauthorized"));
}

void TestServerAccounts::userByIdReturnsUser() {
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

void TestServerAccounts::userByIdRejectsBadIds_data() {
    QTest::addColumn<QString>("id");
    for (const char* id : {"abc", "0", "-1", "9007199254740992", "99999999999999999999999", "1.5",
                           "1e3", "0x10", "%20"})
        QTest::newRow(id) << QString(id);
}

void TestServerAccounts::userByIdRejectsBadIds() {
    QFETCH(QString, id);
    const TestUser& viewer = cached("badids");
    const HttpResult result = m_http->get("/api/v1/users/" + id, viewer.token);
    QVERIFY2(result.status == 400, result.describe().constData());
    QCOMPARE(result.errorCode(), QStringLiteral("bad_request"));
}

void TestServerAccounts::logoutRevokesTokenAndClosesItsSocket() {
    const TestUser user = fresh("logout");
    const TestUser otherDevice = loginUser(*m_http, user.username);
    QVERIFY(user.ok() && otherDevice.ok());
    WsClient socket(*m_server);
    QVERIFY2(socket.open(m_server->wsUrl()), qPrintable(socket.errorString()));
    QCOMPARE(socket.hello(user.token)["op"].toString(), QStringLiteral("ready"));
    WsClient otherSocket(*m_server);
    QVERIFY2(otherSocket.open(m_server->wsUrl()), qPrintable(otherSocket.errorString()));
    QCOMPARE(otherSocket.hello(otherDevice.token)["op"].toString(), QStringLiteral("ready"));

    const HttpResult result = m_http->post("/api/v1/auth/logout", {}, user.token);
    QVERIFY2(result.status == 204, result.describe().constData());
    QCOMPARE(m_http->get("/api/v1/me", user.token).status, 401);
    QCOMPARE(socket.waitForClose(5000), 4001);
    QCOMPARE(m_http->post("/api/v1/auth/logout", {}, user.token).status, 401);

    QCOMPARE(m_http->get("/api/v1/me", otherDevice.token).status, 200);
    QVERIFY(otherSocket.isOpen());
    otherSocket.sendJson({{"op", "ping"}});
    QCOMPARE(otherSocket.waitForOp("pong")["op"].toString(), QStringLiteral("pong"));

    WsClient again(*m_server);
    QVERIFY(again.open(m_server->wsUrl()));
    const QJsonObject refused = again.hello(user.token);
    QCOMPARE(refused["op"].toString(), QStringLiteral("error"));
    QCOMPARE(refused["code"].toString(), QStringLiteral("unauthorized"));
    QCOMPARE(again.waitForClose(5000), 4001);
}

void TestServerAccounts::curlFlow() {
    const HttpResult registered = m_http->post(
        "/api/v1/auth/register", json({{"username", "Curl_User"}, {"password", "s3cret-pass"}}));
    QVERIFY2(registered.status == 201, registered.describe().constData());
    const HttpResult login = m_http->post(
        "/api/v1/auth/login", json({{"username", "curl_user"}, {"password", "s3cret-pass"}}));
    QVERIFY2(login.status == 200, login.describe().constData());
    const QString token = login.json["token"].toString();
    const HttpResult me = m_http->get("/api/v1/me", token);
    QVERIFY2(me.status == 200, me.describe().constData());
    QCOMPARE(me.json["user"]["username"].toString(), QStringLiteral("curl_user"));
    QCOMPARE(m_http->post("/api/v1/auth/logout", {}, token).status, 204);
    const HttpResult after = m_http->get("/api/v1/me", token);
    QCOMPARE(after.status, 401);
    QCOMPARE(after.errorCode(), QStringLiteral("unauthorized"));
}

void TestServerAccounts::secretsAreNotStoredInClear() {
    const QString password = "Unique-Secret-Passw0rd-" + QString::number(m_tls);
    const TestUser user = registerUser(*m_http, uniqueUsername("secret"), password);
    QVERIFY2(user.ok(), user.result.describe().constData());
    const TestUser second = loginUser(*m_http, user.username, password);
    QVERIFY(second.ok());
    QCOMPARE(m_http->get("/api/v1/me", second.token).status, 200);

    int filesRead = 0;
    QDirIterator files(m_server->dataDir(), QDir::Files | QDir::Hidden,
                       QDirIterator::Subdirectories);
    while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray bytes = file.readAll();
        ++filesRead;
        QVERIFY2(!bytes.contains(password.toUtf8()),
                 qPrintable(file.fileName() + " holds a password in clear"));
        QVERIFY2(!bytes.contains(user.token.toUtf8()) && !bytes.contains(second.token.toUtf8()),
                 qPrintable(file.fileName() + " holds a session token in clear"));
    }
    QVERIFY2(filesRead > 0, "nothing stored in the data folder");
}

void TestServerAccounts::concurrentRegistrationsOfOneNameMakeOneAccount() {
    constexpr int threads = 8;
    const QUrl base = m_server->baseUrl();
    const QSslCertificate certificate = m_tls ? m_server->certificate() : QSslCertificate();
    std::vector<int> sameName(threads, 0);
    std::vector<int> ownName(threads, 0);
    std::vector<std::unique_ptr<QThread>> workers;
    for (int i = 0; i < threads; ++i) {
        workers.emplace_back(QThread::create([&, i] {
            HttpClient http(base, certificate);
            sameName[i] = registerUser(http, "Race_Winner").result.status;
            ownName[i] = registerUser(http, QString("race_%1").arg(i)).result.status;
        }));
        workers.back()->start();
    }
    for (auto& worker : workers)
        QVERIFY(worker->wait(60000));
    QCOMPARE(std::count(sameName.begin(), sameName.end(), 201), 1);
    QCOMPARE(std::count(sameName.begin(), sameName.end(), 409), threads - 1);
    QCOMPARE(std::count(ownName.begin(), ownName.end(), 201), threads);
    QVERIFY(loginUser(*m_http, "race_winner").ok());
}

void TestServerAccounts::failedLoginsAreRateLimited() {
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

void TestServerAccounts::registrationsAreRateLimitedPerAddress() {
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
    QCoreApplication app(argc, argv);
    TestServerAccounts overTls(true);
    TestServerAccounts plain(false);
    int status = QTest::qExec(&overTls, argc, argv);
    status |= QTest::qExec(&plain, argc, argv);
    return status;
}

#include "tst_server_accounts.moc"
