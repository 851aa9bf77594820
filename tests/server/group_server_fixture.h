// One server, and fresh users who are the owner's friends, for the group end-to-end suites.
#pragma once

#include <QJsonObject>
#include <QList>
#include <memory>

#include "tests/support/group_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

namespace test {

// Inherited by a test class next to QObject, so its test functions use the members directly.
class GroupServerFixture {
protected:
    // Starts a default server; false when it did not start.
    bool startServer();
    void stopServer();
    // A registered user; empty token when registration failed.
    testsupport::TestUser user(const char* prefix);
    // `count` fresh users, each made a friend of `owner`.
    QList<testsupport::TestUser> friendsOf(const testsupport::TestUser& owner, int count);
    // A group of `owner` with `members` (ids); 0 when creation failed (the warning says why).
    qint64 group(const testsupport::TestUser& owner, const QList<testsupport::TestUser>& members);
    std::unique_ptr<testsupport::WsClient> live(const testsupport::TestUser& user);
    // The role of `userId` in GET members as `viewer`, or "" when not listed.
    QString roleOf(const testsupport::TestUser& viewer, qint64 chatId, qint64 userId);
    // An event frame's `event`, found by waiting for `type` in `chatId` on `socket`.
    static QJsonObject nextEvent(testsupport::WsClient& socket, qint64 chatId, const QString& type);

    std::unique_ptr<testsupport::ServerProcess> m_server;
    std::unique_ptr<testsupport::HttpClient> m_http;
    std::unique_ptr<testsupport::GroupApi> m_api;
};

}  // namespace test
