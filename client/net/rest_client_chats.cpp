// The friends, chats and messages endpoints of RestClient (PROTOCOL.md).
#include "client/net/rest_client.h"

namespace client::net {
namespace {

QString id(protocol::Id value) {
    return QString::number(value);
}

}  // namespace

void RestClient::sendFriendRequest(protocol::Id userId, Callback<FriendRequestOutcome> done) {
    call<FriendRequestOutcome>("POST", QStringLiteral("/api/v1/friends/requests"),
                               userIdBody(userId), std::move(done));
}

void RestClient::friendRequests(Callback<FriendRequestLists> done) {
    call<FriendRequestLists>("GET", QStringLiteral("/api/v1/friends/requests"), {},
                             std::move(done));
}

void RestClient::acceptFriendRequest(protocol::Id requestId, Callback<ChatAnswer> done) {
    call<ChatAnswer>("POST",
                     QStringLiteral("/api/v1/friends/requests/%1/accept").arg(id(requestId)), {},
                     std::move(done));
}

void RestClient::declineFriendRequest(protocol::Id requestId, Callback<NoContent> done) {
    call<NoContent>("POST",
                    QStringLiteral("/api/v1/friends/requests/%1/decline").arg(id(requestId)), {},
                    std::move(done));
}

void RestClient::withdrawFriendRequest(protocol::Id requestId, Callback<NoContent> done) {
    call<NoContent>("DELETE", QStringLiteral("/api/v1/friends/requests/%1").arg(id(requestId)), {},
                    std::move(done));
}

void RestClient::friends(Callback<FriendList> done) {
    call<FriendList>("GET", QStringLiteral("/api/v1/friends"), {}, std::move(done));
}

void RestClient::unfriend(protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("DELETE", QStringLiteral("/api/v1/friends/%1").arg(id(userId)), {},
                    std::move(done));
}

void RestClient::block(protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("POST", QStringLiteral("/api/v1/blocks"), userIdBody(userId), std::move(done));
}

void RestClient::unblock(protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("DELETE", QStringLiteral("/api/v1/blocks/%1").arg(id(userId)), {},
                    std::move(done));
}

void RestClient::blocks(Callback<std::vector<protocol::User>> done) {
    call<std::vector<protocol::User>>("GET", QStringLiteral("/api/v1/blocks"), {}, std::move(done));
}

void RestClient::chats(Callback<std::vector<protocol::Chat>> done) {
    call<std::vector<protocol::Chat>>("GET", QStringLiteral("/api/v1/chats"), {}, std::move(done));
}

void RestClient::chat(protocol::Id chatId, Callback<protocol::Chat> done) {
    call<protocol::Chat>("GET", QStringLiteral("/api/v1/chats/%1").arg(id(chatId)), {},
                         std::move(done));
}

void RestClient::postMessage(protocol::Id chatId, const QString& clientId, const QString& text,
                             std::optional<protocol::Id> replyTo,
                             Callback<protocol::Message> done) {
    call<protocol::Message>("POST", QStringLiteral("/api/v1/chats/%1/messages").arg(id(chatId)),
                            postMessageBody(clientId, text, replyTo), std::move(done));
}

void RestClient::messages(protocol::Id chatId, std::int64_t beforeSeq, int limit,
                          Callback<MessagePage> done) {
    QString path = QStringLiteral("/api/v1/chats/%1/messages?limit=%2").arg(id(chatId)).arg(limit);
    if (beforeSeq > 0) {
        path += QStringLiteral("&before=%1").arg(beforeSeq);
    }
    call<MessagePage>("GET", path, {}, std::move(done));
}

void RestClient::events(protocol::Id chatId, std::int64_t afterSeq, int limit,
                        Callback<EventPage> done) {
    call<EventPage>("GET",
                    QStringLiteral("/api/v1/chats/%1/events?after=%2&limit=%3")
                        .arg(id(chatId))
                        .arg(afterSeq)
                        .arg(limit),
                    {}, std::move(done));
}

void RestClient::editMessage(protocol::Id messageId, const QString& text,
                             Callback<protocol::Message> done) {
    call<protocol::Message>("PATCH", QStringLiteral("/api/v1/messages/%1").arg(id(messageId)),
                            textBody(text), std::move(done));
}

void RestClient::deleteMessage(protocol::Id messageId, Callback<NoContent> done) {
    call<NoContent>("DELETE", QStringLiteral("/api/v1/messages/%1").arg(id(messageId)), {},
                    std::move(done));
}

void RestClient::setReaction(protocol::Id messageId, const QString& emoji, bool on,
                             Callback<NoContent> done) {
    call<NoContent>(
        on ? "PUT" : "DELETE",
        QStringLiteral("/api/v1/messages/%1/reactions/%2").arg(id(messageId), encoded(emoji)), {},
        std::move(done));
}

void RestClient::setPin(protocol::Id chatId, protocol::Id messageId, bool on,
                        Callback<NoContent> done) {
    call<NoContent>(on ? "PUT" : "DELETE",
                    QStringLiteral("/api/v1/chats/%1/pins/%2").arg(id(chatId), id(messageId)), {},
                    std::move(done));
}

void RestClient::pins(protocol::Id chatId, Callback<std::vector<protocol::Message>> done) {
    call<std::vector<protocol::Message>>(
        "GET", QStringLiteral("/api/v1/chats/%1/pins").arg(id(chatId)), {}, std::move(done));
}

void RestClient::markRead(protocol::Id chatId, std::int64_t seq, Callback<NoContent> done) {
    call<NoContent>("POST", QStringLiteral("/api/v1/chats/%1/read").arg(id(chatId)), seqBody(seq),
                    std::move(done));
}

void RestClient::searchMessages(protocol::Id chatId, const QString& words,
                                Callback<std::vector<protocol::Message>> done) {
    call<std::vector<protocol::Message>>(
        "GET", QStringLiteral("/api/v1/chats/%1/search?q=%2").arg(id(chatId), encoded(words)), {},
        std::move(done));
}

}  // namespace client::net
