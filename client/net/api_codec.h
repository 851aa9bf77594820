// JSON of the request and answer bodies of api_types.h. They live on the client's side because
// common/ has no types for them yet; the objects inside go through common's codec.
#pragma once

#include <QByteArray>
#include <QString>
#include <optional>

#include "client/net/api_types.h"
#include "client/net/convert.h"

namespace client::net {

// A success body as T: the protocol's own objects through common's codec, the shapes of
// api_types.h here. Throws protocol::ApiError when the body does not fit.
template <class T>
T answerFrom(const QByteArray& body) {
    return fromBody<T>(body);
}
template <>
FriendRequestOutcome answerFrom<FriendRequestOutcome>(const QByteArray& body);
template <>
FriendRequestLists answerFrom<FriendRequestLists>(const QByteArray& body);
template <>
FriendList answerFrom<FriendList>(const QByteArray& body);
template <>
ChatAnswer answerFrom<ChatAnswer>(const QByteArray& body);
template <>
MessagePage answerFrom<MessagePage>(const QByteArray& body);
template <>
EventPage answerFrom<EventPage>(const QByteArray& body);

QByteArray userIdBody(protocol::Id userId);
QByteArray postMessageBody(const QString& clientId, const QString& text,
                           std::optional<protocol::Id> replyTo);
QByteArray textBody(const QString& text);
QByteArray seqBody(std::int64_t seq);

}  // namespace client::net
