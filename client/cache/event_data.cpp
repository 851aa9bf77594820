#include "client/cache/event_data.h"

#include "common/codec.h"
#include "common/json_reader.h"

namespace client::cache {

protocol::Message eventMessage(const protocol::Event& event) {
    const boost::json::value data = protocol::parseJson(event.dataJson);
    return protocol::JsonReader(data, "data").get<protocol::Message>("message");
}

EventTarget eventTarget(const protocol::Event& event) {
    const boost::json::value data = protocol::parseJson(event.dataJson);
    const protocol::JsonReader reader(data, "data");
    EventTarget target;
    target.messageId = reader.id("message_id");
    target.emoji = reader.optString("emoji").value_or(std::string());
    target.userId = reader.optId("user_id").value_or(0);
    target.on = reader.optBoolean("added").value_or(reader.optBoolean("pinned").value_or(false));
    return target;
}

protocol::Chat eventChat(const protocol::Event& event) {
    const boost::json::value data = protocol::parseJson(event.dataJson);
    return protocol::JsonReader(data, "data").get<protocol::Chat>("chat");
}

}  // namespace client::cache
