// One server and the pairs of fresh friends, with their live sockets, that a chat end-to-end suite
// uses.
#pragma once

#include <memory>

#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"
#include "tests/support/ws_client.h"

namespace test {

// Inherited by a test class next to QObject, so its test functions keep using the members directly.
class ChatServerFixture {
protected:
    struct Pair {
        testsupport::TestUser alice;
        testsupport::TestUser bob;
        qint64 chatId = 0;
    };

    // Starts a default server; false when it did not start.
    bool startServer();
    void stopServer();
    // Two fresh friends and their direct chat.
    Pair friends();
    std::unique_ptr<testsupport::WsClient> live(const testsupport::TestUser& user);

    std::unique_ptr<testsupport::ServerProcess> m_server;
    std::unique_ptr<testsupport::HttpClient> m_http;
    std::unique_ptr<testsupport::ChatApi> m_api;
};

}  // namespace test
