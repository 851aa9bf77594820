#include "tests/server/account_server_fixture.h"

#include <QtGlobal>

namespace test {

using namespace testsupport;

bool AccountServerFixture::startServer() {
    qInfo("transport: %s", m_tls ? "TLS" : "--no-tls");
    ServerOptions options;
    options.tls = m_tls;
    m_server = std::make_unique<ServerProcess>(options);
    if (!m_server->start())
        return false;
    m_http = std::make_unique<HttpClient>(*m_server);
    return true;
}

void AccountServerFixture::stopServer() {
    m_http.reset();
    m_server.reset();
}

TestUser AccountServerFixture::fresh(const QString& prefix, const QString& displayName) {
    TestUser user = registerUser(*m_http, uniqueUsername(prefix), "password123", displayName);
    if (!user.ok())
        qWarning("registration failed: %s", user.result.describe().constData());
    return user;
}

const TestUser& AccountServerFixture::cached(const QString& key) {
    if (!m_cached.contains(key))
        m_cached.insert(key, fresh(key));
    return m_cached[key];
}

}  // namespace test
