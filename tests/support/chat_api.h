// The REST calls of friends, blocks, chats and messages that tests make over and over, each
// answering the raw HttpResult so a test can check statuses as well as bodies.
#pragma once

#include <QJsonObject>
#include <QString>

#include "tests/support/http_client.h"
#include "tests/support/test_user.h"

namespace testsupport {

class ChatApi {
public:
    explicit ChatApi(HttpClient& http) : m_http(http) {}

    HttpResult requestFriend(const TestUser& from, qint64 toUserId);
    HttpResult friendRequests(const TestUser& user);
    HttpResult acceptRequest(const TestUser& user, qint64 requestId);
    HttpResult declineRequest(const TestUser& user, qint64 requestId);
    HttpResult withdrawRequest(const TestUser& user, qint64 requestId);
    HttpResult friends(const TestUser& user);
    HttpResult unfriend(const TestUser& user, qint64 otherId);
    HttpResult block(const TestUser& user, qint64 otherId);
    HttpResult unblock(const TestUser& user, qint64 otherId);
    HttpResult blocks(const TestUser& user);
    // Request then accept: the direct chat's id, 0 when a step failed (the warning says which).
    qint64 makeFriends(const TestUser& from, const TestUser& to);

    HttpResult chats(const TestUser& user);
    HttpResult chat(const TestUser& user, qint64 chatId);
    // The Chat of `chatId` in GET /chats, or an empty object.
    QJsonObject chatInList(const TestUser& user, qint64 chatId);

    // `clientId` empty: a fresh UUID.
    HttpResult postMessage(const TestUser& user, qint64 chatId, const QString& text,
                           const QString& clientId = {});
    // `before` or `limit` 0: left out of the query.
    HttpResult history(const TestUser& user, qint64 chatId, qint64 before = 0, int limit = 0);
    HttpResult events(const TestUser& user, qint64 chatId, qint64 after, int limit = 0);
    HttpResult editMessage(const TestUser& user, qint64 messageId, const QString& text);
    HttpResult deleteMessage(const TestUser& user, qint64 messageId);
    HttpResult react(const TestUser& user, qint64 messageId, const QString& emoji);
    HttpResult unreact(const TestUser& user, qint64 messageId, const QString& emoji);
    HttpResult pin(const TestUser& user, qint64 chatId, qint64 messageId);
    HttpResult unpin(const TestUser& user, qint64 chatId, qint64 messageId);
    HttpResult pins(const TestUser& user, qint64 chatId);
    HttpResult markRead(const TestUser& user, qint64 chatId, qint64 seq);
    // `words` is percent-encoded here.
    HttpResult search(const TestUser& user, qint64 chatId, const QString& words);

    static QByteArray body(const QJsonObject& object);
    static QString newClientId();

private:
    HttpClient& m_http;
};

}  // namespace testsupport
