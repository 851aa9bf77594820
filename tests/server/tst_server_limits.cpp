// Hostile and malformed input: size limits, slow clients, and a sweep of bad requests over every
// route of the milestone. The server must answer each with a 4xx and the error body, and live on.
#include <QJsonDocument>
#include <QtTest>

#include "tests/support/http_client.h"
#include "tests/support/raw_connection.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using namespace testsupport;

namespace {

struct Route {
    QByteArray verb;
    QString path;
};

// Every route of this milestone, with a placeholder id where the path takes one.
const QList<Route> routes = {
    {"POST", "/api/v1/auth/register"},
    {"POST", "/api/v1/auth/login"},
    {"GET", "/api/v1/me"},
    {"PATCH", "/api/v1/me"},
    {"PUT", "/api/v1/me/password"},
    {"GET", "/api/v1/users/search?q=a"},
    {"GET", "/api/v1/users/1"},
    {"GET", "/healthz"},
    {"GET", "/metrics"},
    {"POST", "/api/v1/auth/logout"},
};

QByteArray deepNesting(int depth) {
    return QByteArray(depth, '[') + QByteArray(depth, ']');
}

// Request bodies no valid client sends: malformed JSON, wrong shapes, wrong types, huge values.
QList<QByteArray> badBodies() {
    QList<QByteArray> bodies = {
        "",
        "{",
        "}",
        "[",
        "nul",
        "null",
        "true",
        "42",
        "\"just a string\"",
        "[]",
        "[{\"username\":\"a\"}]",
        "{\"a\":}",
        "{'single':'quotes'}",
        "{\"username\":\"x\",}",
        "\xff\xfe\xfd",
        "{\"username\":\"\xff\xfe\",\"password\":\"password123\"}",
        "{\"username\":\"nul\\u0000byte\",\"password\":\"password123\"}",
        "{\"display_name\":\"\\ud800\"}",
        "{\"username\":1e999999,\"password\":1e999999}",
        "{\"username\":123456789012345678901234567890,\"password\":-0}",
        "{\"old_password\":9007199254740993,\"new_password\":[]}",
        "{\"username\":null,\"password\":null,\"display_name\":null,\"avatar\":null,"
        "\"old_password\":null,\"new_password\":null,\"device\":null}",
        "{\"username\":[],\"password\":{},\"display_name\":[1],\"avatar\":{},"
        "\"old_password\":true,\"new_password\":false,\"device\":[]}",
        "{\"username\":{\"$gt\":\"\"},\"password\":{\"$gt\":\"\"}}",
        "{\"avatar\":\"../../../../etc/passwd\"}",
        "{\"avatar\":\"" + QByteArray(64, 'A') + "\"}",
        "{\"display_name\":\"" + QByteArray(100000, 'd') + "\"}",
        "{\"username\":\"" + QByteArray(100000, 'u') + "\",\"password\":\"password123\"}",
        "{\"password\":\"" + QByteArray(200000, 'p') + "\",\"username\":\"longpw\"}",
        "{\"a\":1,\"a\":2,\"username\":\"dup\",\"username\":3}",
        "\xef\xbb\xbf{\"username\":\"bom_user\",\"password\":\"password123\"}",
    };
    bodies << deepNesting(100) << deepNesting(10000)
           << ("{\"x\":" + QByteArray(5000, '[') + QByteArray(5000, ']') + "}");
    return bodies;
}

}  // namespace

class TestServerLimits : public QObject {
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();

    void headersOverLimitAreRefused();
    void jsonBodyOverLimitIs413();
    void jsonBodyUnderLimitIsAccepted();
    void slowHeadersAreCutOff();
    void sweepBadBodiesOnEveryRoute();
    void sweepUnknownRoutesAndWrongMethods();
    void sweepGarbageIdsAndQueries();
    void sweepGarbageAuthorization();
    void sweepMalformedHttp();
    void serverSurvivedEverything();

private:
    // Records a failure when `result` breaks the rules for bad input: a 5xx, no answer, or a 4xx
    // without the protocol's error body.
    void check(const QByteArray& what, const HttpResult& result, bool mayBeOk = true);

    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<HttpClient> m_http;
    QStringList m_failures;
};

void TestServerLimits::initTestCase() {
    m_server = std::make_unique<ServerProcess>();
    QVERIFY2(m_server->start(), m_server->errors().constData());
    m_http = std::make_unique<HttpClient>(*m_server);
}

void TestServerLimits::cleanupTestCase() {
    m_http.reset();
    m_server.reset();
}

void TestServerLimits::check(const QByteArray& what, const HttpResult& result, bool mayBeOk) {
    QString problem;
    if (result.status == 0)
        problem = "no HTTP answer (" + result.networkErrorText + ")";
    else if (result.status >= 500)
        problem = QString("status %1").arg(result.status);
    else if (!mayBeOk && result.status < 400)
        problem = QString("status %1 for bad input").arg(result.status);
    else if (result.status >= 400 && !result.hasErrorBody())
        problem = QString("status %1 without the error body").arg(result.status);
    else if (result.status >= 400 && !result.header("content-type").startsWith("application/json"))
        problem = QString("status %1 with Content-Type %2")
                      .arg(result.status)
                      .arg(QString::fromLatin1(result.header("content-type")));
    if (!problem.isEmpty())
        m_failures << QString::fromUtf8(what.left(160)) + " -> " + problem + " " +
                          QString::fromUtf8(result.body.left(200));
}

void TestServerLimits::headersOverLimitAreRefused() {
    const QList<QByteArray> requests = {
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + QByteArray(9 * 1024, 'h') +
            "\r\n\r\n",
        [] {
            QByteArray many = "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            for (int i = 0; i < 300; ++i)
                many += "X-Header-" + QByteArray::number(i) + ": " + QByteArray(40, 'v') + "\r\n";
            return many + "\r\n";
        }(),
        "GET /" + QByteArray(16 * 1024, 'p') + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
    };
    for (const QByteArray& request : requests) {
        RawConnection raw(*m_server);
        QVERIFY(raw.connect());
        raw.write(request);
        const RawHttpResponse response = raw.readHttpResponse();
        QVERIFY2(response.status == 431 || response.status == 413 || response.status == 414,
                 qPrintable(QString("oversized headers answered %1").arg(response.status)));
        const QJsonObject body = QJsonDocument::fromJson(response.body).object();
        QVERIFY2(body.value("error").toObject().value("code").isString(),
                 response.body.constData());
    }
    HttpClient http(*m_server);
    const HttpResult viaQt =
        http.request("GET", "/healthz", {}, {}, {}, {{"X-Big", QByteArray(10 * 1024, 'q')}});
    QVERIFY2(viaQt.status >= 400 && viaQt.status < 500, viaQt.describe().constData());
    QCOMPARE(http.get("/healthz").status, 200);
}

void TestServerLimits::jsonBodyOverLimitIs413() {
    const QByteArray big =
        "{\"username\":\"big_body\",\"password\":\"password123\",\"padding\":\"" +
        QByteArray(300 * 1024, 'x') + "\"}";

    RawConnection announced(*m_server);
    QVERIFY(announced.connect());
    announced.write(
        "POST /api/v1/auth/register HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nContent-Length: " +
        QByteArray::number(big.size()) + "\r\n\r\n");
    RawHttpResponse early = announced.readHttpResponse(2000);
    if (early.status == 0) {
        announced.write(big);
        early = announced.readHttpResponse();
    }
    QCOMPARE(early.status, 413);
    QCOMPARE(QJsonDocument::fromJson(early.body)["error"]["code"].toString(),
             QStringLiteral("payload_too_large"));

    RawConnection chunked(*m_server);
    QVERIFY(chunked.connect());
    QByteArray request =
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\n"
        "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    for (qsizetype at = 0; at < big.size(); at += 16 * 1024) {
        const QByteArray piece = big.mid(at, 16 * 1024);
        request += QByteArray::number(piece.size(), 16) + "\r\n" + piece + "\r\n";
    }
    request += "0\r\n\r\n";
    chunked.write(request);
    const RawHttpResponse chunkedAnswer = chunked.readHttpResponse();
    QCOMPARE(chunkedAnswer.status, 413);

    const HttpResult viaQt = m_http->post("/api/v1/auth/register", big);
    QVERIFY2(viaQt.status == 413, viaQt.describe().constData());
    QCOMPARE(viaQt.errorCode(), QStringLiteral("payload_too_large"));
    QVERIFY(viaQt.hasErrorBody());
    QVERIFY2(!loginUser(*m_http, "big_body").ok(), "an over-limit registration was stored");
}

void TestServerLimits::jsonBodyUnderLimitIsAccepted() {
    const QByteArray body =
        "{\"username\":\"fits_body\",\"password\":\"password123\",\"padding\":\"" +
        QByteArray(200 * 1024, 'x') + "\"}";
    const HttpResult result = m_http->post("/api/v1/auth/register", body);
    QVERIFY2(result.status == 201, result.describe().constData());
}

void TestServerLimits::slowHeadersAreCutOff() {
    ServerOptions options;
    options.configToml += "limits.handshake_timeout_s = 1\n";
    ServerProcess server(options);
    QVERIFY2(server.start(), server.errors().constData());

    RawConnection half(server);
    QVERIFY(half.connect());
    QVERIFY(half.write("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n"));
    QVERIFY2(half.waitForClosed(6000), "half a request held the connection open");

    RawConnection noTlsHandshake(server);
    QVERIFY(noTlsHandshake.connect(false));
    QVERIFY2(noTlsHandshake.waitForClosed(6000), "an unfinished TLS handshake held the connection");

    RawConnection dribble(server);
    QVERIFY(dribble.connect());
    const QByteArray request =
        "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + QByteArray(200, 's') + "\r\n\r\n";
    bool closed = false;
    QElapsedTimer elapsed;
    elapsed.start();
    for (qsizetype i = 0; i < request.size() && elapsed.elapsed() < 8000 && !closed; ++i) {
        dribble.write(request.mid(i, 1));
        closed = dribble.waitForClosed(250);
    }
    QVERIFY2(closed, "a client sending one byte at a time kept its headers open past the limit");

    HttpClient http(server);
    QCOMPARE(http.get("/healthz").status, 200);
}

void TestServerLimits::sweepBadBodiesOnEveryRoute() {
    m_failures.clear();
    const QList<QByteArray> bodies = badBodies();
    for (const Route& route : routes) {
        const TestUser user = registerUser(*m_http, uniqueUsername("sweep"));
        QVERIFY2(user.ok(), user.result.describe().constData());
        for (const QByteArray& body : bodies) {
            for (const QString& token : {user.token, QString()}) {
                const HttpResult result = m_http->request(route.verb, route.path, body, token);
                check(route.verb + ' ' + route.path.toUtf8() +
                          (token.isEmpty() ? " (no token) " : " ") + body.left(60),
                      result);
            }
        }
        for (const QByteArray& type : {QByteArray("text/plain"), QByteArray(),
                                       QByteArray("application/json; charset=latin1")}) {
            const HttpResult result =
                m_http->request(route.verb, route.path, "{}", user.token, type);
            check(route.verb + ' ' + route.path.toUtf8() + " content-type " + type, result);
        }
    }
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.mid(0, 40).join('\n')));
}

void TestServerLimits::sweepUnknownRoutesAndWrongMethods() {
    m_failures.clear();
    const TestUser user = registerUser(*m_http, uniqueUsername("routes"));
    QVERIFY(user.ok());
    const QList<Route> unknown = {
        {"GET", "/"},
        {"GET", "/api"},
        {"GET", "/api/v1"},
        {"GET", "/api/v1/"},
        {"GET", "/api/v2/me"},
        {"GET", "/api/v1/nope"},
        {"GET", "/api/v1/me/extra"},
        {"GET", "/api/v1/users/1/extra"},
        {"GET", "/api/v1/users/"},
        {"GET", "/api/v1/%00"},
        {"GET", "/api/v1/%ff%fe"},
        {"GET", "/API/V1/ME"},
        {"GET", "/" + QString(4000, 'x')},
        {"PATCH", "/api/v1/friends/requests"},
        {"GET", "/api/v1/chat"},
        {"DELETE", "/api/v1/me"},
        {"POST", "/api/v1/me"},
        {"GET", "/api/v1/auth/login"},
        {"PUT", "/api/v1/auth/register"},
        {"DELETE", "/api/v1/auth/logout"},
        {"GET", "/api/v1/me/password"},
        {"POST", "/api/v1/users/search?q=a"},
        {"DELETE", "/api/v1/users/1"},
        {"PUT", "/healthz"},
        {"POST", "/metrics"},
        {"OPTIONS", "/api/v1/me"},
        {"BREW", "/api/v1/me"},
        {"TRACE", "/api/v1/me"},
    };
    for (const Route& route : unknown) {
        for (const QString& token : {user.token, QString()}) {
            const HttpResult result = m_http->request(route.verb, route.path, {}, token);
            check(route.verb + ' ' + route.path.left(80).toUtf8(), result, false);
            if (result.status != 0 && result.status != 404 && result.status != 405 &&
                result.status != 401 && result.status != 400 && result.status != 414 &&
                result.status != 431)
                m_failures << QString("%1 %2 -> %3, expected 404 or 405")
                                  .arg(QString::fromLatin1(route.verb), route.path.left(80))
                                  .arg(result.status);
        }
    }
    const HttpResult head = m_http->request("HEAD", "/api/v1/me", {}, user.token);
    if (head.status == 0 || head.status >= 500)
        m_failures << QString("HEAD /api/v1/me -> %1").arg(head.status);
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.mid(0, 40).join('\n')));
}

void TestServerLimits::sweepGarbageIdsAndQueries() {
    m_failures.clear();
    const TestUser user = registerUser(*m_http, uniqueUsername("ids"));
    QVERIFY(user.ok());
    const QStringList ids = {"abc",
                             "0",
                             "-1",
                             "-0",
                             "+1",
                             "1.0",
                             "1e5",
                             "0x1",
                             "%ff",
                             "%00",
                             "1%20",
                             "9007199254740992",
                             "18446744073709551616",
                             "99999999999999999999999999999999999999",
                             QString(3000, '9'),
                             "NaN",
                             "Infinity",
                             "null",
                             "[]",
                             "%7B%7D",
                             "1;DROP TABLE users"};
    for (const QString& id : ids) {
        const HttpResult result = m_http->get("/api/v1/users/" + id, user.token);
        check("GET /api/v1/users/" + id.left(60).toUtf8(), result, false);
        if (result.status != 400 && result.status != 404)
            m_failures
                << QString("users/%1 -> %2, expected 400").arg(id.left(40)).arg(result.status);
    }
    const QStringList queries = {"",         "q",
                                 "q=",       "q=%00",
                                 "q=%ff%fe", "q=%25",
                                 "q=_",      "q=' OR 1=1 --",
                                 "q=a&q=b",  "q=" + QString(8000, 'a'),
                                 "x=1",      "q=%E2%80%AE",
                                 "q=*"};
    for (const QString& query : queries) {
        const HttpResult result = m_http->get("/api/v1/users/search?" + query, user.token);
        check("GET /api/v1/users/search?" + query.left(60).toUtf8(), result);
        if (result.status == 200 && (!result.json.isArray() || result.json.toArray().size() > 20))
            m_failures << "search?" + query.left(40) + " -> 200 without a list of at most 20";
    }
    const HttpResult wildcard = m_http->get("/api/v1/users/search?q=%25", user.token);
    if (wildcard.status == 200 && !wildcard.json.toArray().isEmpty())
        m_failures << "search q=% matched users: the LIKE wildcard is not escaped";
    const HttpResult underscore = m_http->get("/api/v1/users/search?q=i_s", user.token);
    for (const QJsonValue& found : underscore.json.toArray()) {
        if (!found["username"].toString().startsWith("i_s"))
            m_failures << "search q=i_s matched " + found["username"].toString() +
                              ": the LIKE wildcard _ is not escaped";
    }
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.mid(0, 40).join('\n')));
}

void TestServerLimits::sweepGarbageAuthorization() {
    m_failures.clear();
    const TestUser user = registerUser(*m_http, uniqueUsername("auth"));
    QVERIFY(user.ok());
    const QList<QByteArray> headers = {
        "Bearer",
        "Bearer ",
        "Bearer  ",
        "Bearer x y z",
        "Basic dXNlcjpwYXNz",
        "Token " + user.token.toUtf8(),
        "Bearer " + user.token.toUtf8() + "x",
        "Bearer " + user.token.toUtf8().left(user.token.size() / 2),
        "Bearer " + QByteArray(6000, 'A'),
        "Bearer \xc3\xa9\xff\xfe",
        "Bearer %00",
        "\"Bearer\"",
        QByteArray(1, ' '),
    };
    const QList<Route> authenticated = {{"GET", "/api/v1/me"},
                                        {"PATCH", "/api/v1/me"},
                                        {"PUT", "/api/v1/me/password"},
                                        {"GET", "/api/v1/users/search?q=a"},
                                        {"GET", QString("/api/v1/users/%1").arg(user.userId)},
                                        {"POST", "/api/v1/auth/logout"}};
    for (const Route& route : authenticated) {
        for (const QByteArray& header : headers) {
            const HttpResult result = m_http->request(
                route.verb, route.path, "{}", {}, "application/json", {{"Authorization", header}});
            check(route.verb + ' ' + route.path.toUtf8() + " Authorization: " + header.left(40),
                  result, false);
            if (result.status != 401 && result.status != 400 && result.status != 431)
                m_failures << QString("%1 %2 with Authorization \"%3\" -> %4, expected 401")
                                  .arg(QString::fromLatin1(route.verb), route.path,
                                       QString::fromLatin1(header.left(30)))
                                  .arg(result.status);
        }
    }
    if (m_http->get("/api/v1/me", user.token).status != 200)
        m_failures << "garbage Authorization headers broke a valid token";
    QVERIFY2(m_failures.isEmpty(), qPrintable(m_failures.mid(0, 40).join('\n')));
}

void TestServerLimits::sweepMalformedHttp() {
    const QList<QByteArray> requests = {
        "GARBAGE\r\n\r\n",
        "GET\r\n\r\n",
        "GET /healthz HTTP/9.9\r\nHost: a\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: a\r\nContent-Length: abc\r\n\r\n",
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: -5\r\n\r\n",
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: 5\r\n"
        "Transfer-Encoding: chunked\r\n\r\n0\r\n\r\n",
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "POST /api/v1/auth/login HTTP/1.1\r\nHost: a\r\nContent-Length: "
        "99999999999999999999\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nBad Header Line\r\n\r\n",
        "GET /healthz HTTP/1.1\r\nHost: a\r\n\x01\x02: \x03\r\n\r\n",
    };
    QStringList failures;
    for (const QByteArray& request : requests) {
        RawConnection raw(*m_server);
        QVERIFY(raw.connect());
        raw.write(request);
        const RawHttpResponse response = raw.readHttpResponse(5000);
        const QString what = QString::fromLatin1(request.left(70)).replace("\r\n", "\\r\\n");
        if (response.status >= 500 || (response.status != 0 && response.status < 400))
            failures << what + QString(" -> %1").arg(response.status);
        else if (response.status == 0)
            failures << what + " -> no answer";
        else if (!QJsonDocument::fromJson(response.body)["error"]["code"].isString())
            failures << what + QString(" -> %1 without the error body").arg(response.status);
    }
    RawConnection noise(*m_server);
    QVERIFY(noise.connect());
    QByteArray bytes(2048, '\0');
    for (qsizetype i = 0; i < bytes.size(); ++i)
        bytes[i] = static_cast<char>((i * 131 + 7) & 0xff);
    noise.write(bytes);
    const RawHttpResponse noiseAnswer = noise.readHttpResponse(3000);
    if (noiseAnswer.status >= 500 || (noiseAnswer.status != 0 && noiseAnswer.status < 400))
        failures << QString("binary noise -> %1").arg(noiseAnswer.status);
    QVERIFY2(failures.isEmpty(), qPrintable(failures.join('\n')));
}

void TestServerLimits::serverSurvivedEverything() {
    QVERIFY2(m_server->isRunning(), m_server->errors().right(2000).constData());
    HttpClient http(*m_server);
    const HttpResult health = http.get("/healthz");
    QVERIFY2(health.status == 200, health.describe().constData());
    QCOMPARE(health.json["status"].toString(), QStringLiteral("ok"));
    const TestUser user = registerUser(http, uniqueUsername("survivor"));
    QVERIFY2(user.ok(), user.result.describe().constData());
    QVERIFY(loginUser(http, user.username).ok());
}

QTEST_GUILESS_MAIN(TestServerLimits)
#include "tst_server_limits.moc"
