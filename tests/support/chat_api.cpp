#include "tests/support/chat_api.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>
#include <QUuid>

namespace testsupport {

namespace {

QString chatPath(qint64 chatId, const QString& rest = {}) {
    return QStringLiteral("/api/v1/chats/%1%2").arg(chatId).arg(rest);
}

QString messagePath(qint64 messageId, const QString& rest = {}) {
    return QStringLiteral("/api/v1/messages/%1%2").arg(messageId).arg(rest);
}

QString reactionPath(qint64 messageId, const QString& emoji) {
    return messagePath(messageId, QStringLiteral("/reactions/") +
                                      QString::fromLatin1(QUrl::toPercentEncoding(emoji)));
}

}  // namespace

QByteArray ChatApi::body(const QJsonObject& object) {
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QString ChatApi::newClientId() {
    return QUuid::createUuid().toString(QUuid::WithoutBraces);
}

HttpResult ChatApi::requestFriend(const TestUser& from, qint64 toUserId) {
    return m_http.post(QStringLiteral("/api/v1/friends/requests"),
                       body({{QStringLiteral("user_id"), toUserId}}), from.token);
}

HttpResult ChatApi::friendRequests(const TestUser& user) {
    return m_http.get(QStringLiteral("/api/v1/friends/requests"), user.token);
}

HttpResult ChatApi::acceptRequest(const TestUser& user, qint64 requestId) {
    return m_http.post(QStringLiteral("/api/v1/friends/requests/%1/accept").arg(requestId), {},
                       user.token);
}

HttpResult ChatApi::declineRequest(const TestUser& user, qint64 requestId) {
    return m_http.post(QStringLiteral("/api/v1/friends/requests/%1/decline").arg(requestId), {},
                       user.token);
}

HttpResult ChatApi::withdrawRequest(const TestUser& user, qint64 requestId) {
    return m_http.del(QStringLiteral("/api/v1/friends/requests/%1").arg(requestId), user.token);
}

HttpResult ChatApi::friends(const TestUser& user) {
    return m_http.get(QStringLiteral("/api/v1/friends"), user.token);
}

HttpResult ChatApi::unfriend(const TestUser& user, qint64 otherId) {
    return m_http.del(QStringLiteral("/api/v1/friends/%1").arg(otherId), user.token);
}

HttpResult ChatApi::block(const TestUser& user, qint64 otherId) {
    return m_http.post(QStringLiteral("/api/v1/blocks"),
                       body({{QStringLiteral("user_id"), otherId}}), user.token);
}

HttpResult ChatApi::unblock(const TestUser& user, qint64 otherId) {
    return m_http.del(QStringLiteral("/api/v1/blocks/%1").arg(otherId), user.token);
}

HttpResult ChatApi::blocks(const TestUser& user) {
    return m_http.get(QStringLiteral("/api/v1/blocks"), user.token);
}

qint64 ChatApi::makeFriends(const TestUser& from, const TestUser& to) {
    const HttpResult request = requestFriend(from, to.userId);
    if (request.status != 201) {
        qWarning("friend request: %s", request.describe().constData());
        return 0;
    }
    const qint64 requestId = request.json.toObject().value(QLatin1String("id")).toInteger();
    const HttpResult accepted = acceptRequest(to, requestId);
    if (accepted.status != 200) {
        qWarning("accept: %s", accepted.describe().constData());
        return 0;
    }
    return accepted.json.toObject()
        .value(QLatin1String("chat"))
        .toObject()
        .value(QLatin1String("id"))
        .toInteger();
}

HttpResult ChatApi::chats(const TestUser& user) {
    return m_http.get(QStringLiteral("/api/v1/chats"), user.token);
}

HttpResult ChatApi::chat(const TestUser& user, qint64 chatId) {
    return m_http.get(chatPath(chatId), user.token);
}

QJsonObject ChatApi::chatInList(const TestUser& user, qint64 chatId) {
    const HttpResult list = chats(user);
    for (const QJsonValue& chat : list.json.toArray()) {
        if (chat.toObject().value(QLatin1String("id")).toInteger() == chatId)
            return chat.toObject();
    }
    return {};
}

HttpResult ChatApi::postMessage(const TestUser& user, qint64 chatId, const QString& text,
                                const QString& clientId) {
    return m_http.post(
        chatPath(chatId, QStringLiteral("/messages")),
        body({{QStringLiteral("client_id"), clientId.isEmpty() ? newClientId() : clientId},
              {QStringLiteral("text"), text}}),
        user.token);
}

HttpResult ChatApi::history(const TestUser& user, qint64 chatId, qint64 before, int limit) {
    QStringList query;
    if (before > 0)
        query << QStringLiteral("before=%1").arg(before);
    if (limit > 0)
        query << QStringLiteral("limit=%1").arg(limit);
    QString path = chatPath(chatId, QStringLiteral("/messages"));
    if (!query.isEmpty())
        path += QLatin1Char('?') + query.join(QLatin1Char('&'));
    return m_http.get(path, user.token);
}

HttpResult ChatApi::events(const TestUser& user, qint64 chatId, qint64 after, int limit) {
    QString path = chatPath(chatId, QStringLiteral("/events?after=%1").arg(after));
    if (limit > 0)
        path += QStringLiteral("&limit=%1").arg(limit);
    return m_http.get(path, user.token);
}

HttpResult ChatApi::editMessage(const TestUser& user, qint64 messageId, const QString& text) {
    return m_http.patch(messagePath(messageId), body({{QStringLiteral("text"), text}}), user.token);
}

HttpResult ChatApi::deleteMessage(const TestUser& user, qint64 messageId) {
    return m_http.del(messagePath(messageId), user.token);
}

HttpResult ChatApi::react(const TestUser& user, qint64 messageId, const QString& emoji) {
    return m_http.put(reactionPath(messageId, emoji), {}, user.token);
}

HttpResult ChatApi::unreact(const TestUser& user, qint64 messageId, const QString& emoji) {
    return m_http.del(reactionPath(messageId, emoji), user.token);
}

HttpResult ChatApi::pin(const TestUser& user, qint64 chatId, qint64 messageId) {
    return m_http.put(chatPath(chatId, QStringLiteral("/pins/%1").arg(messageId)), {}, user.token);
}

HttpResult ChatApi::unpin(const TestUser& user, qint64 chatId, qint64 messageId) {
    return m_http.del(chatPath(chatId, QStringLiteral("/pins/%1").arg(messageId)), user.token);
}

HttpResult ChatApi::pins(const TestUser& user, qint64 chatId) {
    return m_http.get(chatPath(chatId, QStringLiteral("/pins")), user.token);
}

HttpResult ChatApi::markRead(const TestUser& user, qint64 chatId, qint64 seq) {
    return m_http.post(chatPath(chatId, QStringLiteral("/read")),
                       body({{QStringLiteral("seq"), seq}}), user.token);
}

HttpResult ChatApi::search(const TestUser& user, qint64 chatId, const QString& words) {
    return m_http.get(chatPath(chatId, QStringLiteral("/search?q=") +
                                           QString::fromLatin1(QUrl::toPercentEncoding(words))),
                      user.token);
}

}  // namespace testsupport
