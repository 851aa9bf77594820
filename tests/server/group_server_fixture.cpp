#include "tests/server/group_server_fixture.h"

namespace test {

using namespace testsupport;

bool GroupServerFixture::startServer() {
    m_server = std::make_unique<ServerProcess>();
    if (!m_server->start())
        return false;
    m_http = std::make_unique<HttpClient>(*m_server);
    m_api = std::make_unique<GroupApi>(*m_http);
    return true;
}

void GroupServerFixture::stopServer() {
    m_api.reset();
    m_http.reset();
    m_server.reset();
}

TestUser GroupServerFixture::user(const char* prefix) {
    return registerUser(*m_http, uniqueUsername(QString::fromLatin1(prefix)));
}

QList<TestUser> GroupServerFixture::friendsOf(const TestUser& owner, int count) {
    QList<TestUser> users;
    for (int i = 0; i < count; ++i) {
        auto friendUser = user("pal");
        m_api->chats().makeFriends(owner, friendUser);
        users.append(friendUser);
    }
    return users;
}

qint64 GroupServerFixture::group(const TestUser& owner, const QList<TestUser>& members) {
    QList<qint64> ids;
    for (const auto& member : members)
        ids.append(member.userId);
    return m_api->createGroupId(owner, QStringLiteral("Team"), ids);
}

std::unique_ptr<WsClient> GroupServerFixture::live(const TestUser& user) {
    auto socket = std::make_unique<WsClient>(*m_server);
    if (!socket->connectAs(m_server->wsUrl(), user.token))
        qWarning("socket for %s: %s", qPrintable(user.username), qPrintable(socket->errorString()));
    return socket;
}

QString GroupServerFixture::roleOf(const TestUser& viewer, qint64 chatId, qint64 userId) {
    return m_api->member(viewer, chatId, userId).value(QLatin1String("role")).toString();
}

QJsonObject GroupServerFixture::nextEvent(WsClient& socket, qint64 chatId, const QString& type) {
    return socket.waitForEvent(chatId, type).value(QLatin1String("event")).toObject();
}

}  // namespace test
