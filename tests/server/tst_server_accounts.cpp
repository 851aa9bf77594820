// "Accounts and sessions" end to end, register, login, me and logout, over TLS and over --no-tls:
// the whole suite runs in both.
#include <QDirIterator>
#include <QJsonDocument>
#include <QThread>
#include <QtTest>
#include <vector>

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

QJsonValue nullValue() {
    return QJsonValue(QJsonValue::Null);
}

}  // namespace

class TestServerAccounts : public QObject, protected test::AccountServerFixture {
    Q_OBJECT

public:
    explicit TestServerAccounts(bool tls) : AccountServerFixture(tls) {}

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
    void logoutRevokesTokenAndClosesItsSocket();
    void curlFlow();
    void secretsAreNotStoredInClear();
    void concurrentRegistrationsOfOneNameMakeOneAccount();
};

void TestServerAccounts::initTestCase() {
    QVERIFY2(startServer(), m_server->errors().constData());
}

void TestServerAccounts::cleanupTestCase() {
    stopServer();
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

int main(int argc, char** argv) {
    return test::runOverTlsAndPlain<TestServerAccounts>(argc, argv);
}

#include "tst_server_accounts.moc"
