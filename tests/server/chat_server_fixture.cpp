#include "tests/server/chat_server_fixture.h"

#include <QtGlobal>

namespace test {

using namespace testsupport;

bool ChatServerFixture::startServer() {
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start())
        return false;
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<ChatApi>(*m_http);
    return true;
}

void ChatServerFixture::stopServer() {
    m_api.reset();
    m_http.reset();
    m_server.reset();
}

ChatServerFixture::Pair ChatServerFixture::friends() {
    Pair pair;
    pair.alice = registerUser(*m_http, uniqueUsername("alice"));
    pair.bob = registerUser(*m_http, uniqueUsername("bob"));
    if (pair.alice.ok() && pair.bob.ok())
        pair.chatId = m_api->makeFriends(pair.alice, pair.bob);
    return pair;
}

std::unique_ptr<WsClient> ChatServerFixture::live(const TestUser& user) {
    auto socket = std::make_unique<WsClient>(*m_server);
    if (!socket->connectAs(m_server->wsUrl(), user.token))
        qWarning("socket for %s: %s", qPrintable(user.username), qPrintable(socket->errorString()));
    return socket;
}

}  // namespace test
