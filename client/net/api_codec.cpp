#include "client/net/api_codec.h"

#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "common/codec.h"
#include "common/json_reader.h"

namespace client::net {
namespace {

boost::json::value parse(const QByteArray& body) {
    return protocol::parseJson(
        std::string_view(body.constData(), static_cast<size_t>(body.size())));
}

template <class T>
std::vector<T> readList(const boost::json::value& json, const std::string& field) {
    std::vector<T> items;
    const auto& array = protocol::readArray(json, field);
    items.reserve(array.size());
    for (std::size_t i = 0; i < array.size(); ++i) {
        items.push_back(protocol::readValue<T>(array[i], protocol::elementPath(field, i)));
    }
    return items;
}

QByteArray toBytes(const boost::json::value& value) {
    const std::string text = protocol::serialize(value);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

}  // namespace

template <>
FriendRequestOutcome answerFrom<FriendRequestOutcome>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    const protocol::JsonReader reader(json, "");
    FriendRequestOutcome outcome;
    if (reader.has("chat")) {
        outcome.chat = reader.get<protocol::Chat>("chat");
    } else {
        outcome.request = protocol::readValue<protocol::FriendRequest>(json, "request");
    }
    return outcome;
}

template <>
FriendRequestLists answerFrom<FriendRequestLists>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    const protocol::JsonReader reader(json, "");
    FriendRequestLists lists;
    lists.incoming = readList<protocol::FriendRequest>(reader.required("incoming"), "incoming");
    lists.outgoing = readList<protocol::FriendRequest>(reader.required("outgoing"), "outgoing");
    return lists;
}

template <>
FriendList answerFrom<FriendList>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    const auto& array = protocol::readArray(json, "friends");
    FriendList list;
    for (std::size_t i = 0; i < array.size(); ++i) {
        const protocol::JsonReader entry(array[i], protocol::elementPath("friends", i));
        list.push_back({entry.get<protocol::User>("user"), entry.id("chat_id")});
    }
    return list;
}

template <>
ChatAnswer answerFrom<ChatAnswer>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    return {protocol::JsonReader(json, "").get<protocol::Chat>("chat")};
}

template <>
MessagePage answerFrom<MessagePage>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    const protocol::JsonReader reader(json, "");
    MessagePage page;
    page.messages = readList<protocol::Message>(reader.required("messages"), "messages");
    page.hasMore = reader.optBoolean("has_more").value_or(false);
    return page;
}

template <>
EventPage answerFrom<EventPage>(const QByteArray& body) {
    const boost::json::value json = parse(body);
    const protocol::JsonReader reader(json, "");
    EventPage page;
    page.events = readList<protocol::Event>(reader.required("events"), "events");
    page.lastSeq = reader.integer("last_seq", 0);
    return page;
}

QByteArray userIdBody(protocol::Id userId) {
    return toBytes(boost::json::object{{"user_id", userId}});
}

QByteArray postMessageBody(const QString& clientId, const QString& text,
                           std::optional<protocol::Id> replyTo) {
    boost::json::object body{{"client_id", toStdString(clientId)}, {"text", toStdString(text)}};
    if (replyTo) {
        body["reply_to"] = *replyTo;
    }
    return toBytes(body);
}

QByteArray textBody(const QString& text) {
    return toBytes(boost::json::object{{"text", toStdString(text)}});
}

QByteArray seqBody(std::int64_t seq) {
    return toBytes(boost::json::object{{"seq", seq}});
}

}  // namespace client::net
