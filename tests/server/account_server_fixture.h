// One server in one transport mode (TLS or --no-tls) and the accounts an end-to-end suite makes on
// it.
#pragma once

#include <QCoreApplication>
#include <QHash>
#include <QString>
#include <QTest>
#include <memory>

#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

namespace test {

// Inherited by a test class next to QObject, so its test functions keep using the members directly.
class AccountServerFixture {
protected:
    explicit AccountServerFixture(bool tls) : m_tls(tls) {}

    // Starts the server in the mode given at construction; false when it did not start.
    bool startServer();
    void stopServer();
    testsupport::TestUser fresh(const QString& prefix, const QString& displayName = {});
    // One account per key for the rows of a data-driven test, made on first use.
    const testsupport::TestUser& cached(const QString& key);

    bool m_tls;
    std::unique_ptr<testsupport::ServerProcess> m_server;
    std::unique_ptr<testsupport::HttpClient> m_http;
    QHash<QString, testsupport::TestUser> m_cached;
};

// The main of a suite built on the fixture: the whole suite over TLS, then over --no-tls.
template <class Suite>
int runOverTlsAndPlain(int argc, char** argv) {
    QCoreApplication app(argc, argv);
    Suite overTls(true);
    Suite plain(false);
    int status = QTest::qExec(&overTls, argc, argv);
    status |= QTest::qExec(&plain, argc, argv);
    return status;
}

}  // namespace test
