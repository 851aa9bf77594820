#include "server/domain/chat_log.h"

#include "server/domain/json_text.h"
#include "server/store/chat_repository.h"
#include "server/store/event_repository.h"

namespace server::domain {
namespace {

// {"op":"event","event":{...}} as protocol::encode writes it, with `data` spliced in as it was
// serialised: encoding the Event would parse the data and write it again, for every event.
std::string eventFrame(const protocol::Event& event) {
    using namespace json_text;
    const std::string_view data =
        event.dataJson.empty() ? std::string_view("{}") : std::string_view(event.dataJson);
    std::string frame;
    frame.reserve(96 + event.type.size() + data.size());
    frame += R"({"op":"event","event":{"chat_id":)";
    appendInt(frame, event.chatId);
    frame += R"(,"seq":)";
    appendInt(frame, event.seq);
    frame += R"(,"ts":)";
    appendInt(frame, event.ts);
    frame += R"(,"type":)";
    appendString(frame, event.type);
    frame += R"(,"actor":)";
    appendInt(frame, event.actor);
    frame += R"(,"data":)";
    frame += data;
    frame += "}}";
    return frame;
}

}  // namespace

LoggedEvent appendEvent(store::Connection& connection, std::int64_t chatId, std::string_view type,
                        std::int64_t actor, std::int64_t ts, std::string dataJson) {
    const auto seq = store::ChatRepository(connection).nextSeq(chatId, ts);
    return appendEventAt(connection, chatId, seq, type, actor, ts, std::move(dataJson));
}

LoggedEvent appendEventAt(store::Connection& connection, std::int64_t chatId, std::int64_t seq,
                          std::string_view type, std::int64_t actor, std::int64_t ts,
                          std::string dataJson) {
    store::EventRepository(connection).insert(chatId, seq, ts, type, actor, dataJson);
    return unstoredEvent(chatId, seq, type, actor, ts, std::move(dataJson));
}

LoggedEvent unstoredEvent(std::int64_t chatId, std::int64_t seq, std::string_view type,
                          std::int64_t actor, std::int64_t ts, std::string dataJson) {
    LoggedEvent logged;
    logged.event.chatId = chatId;
    logged.event.seq = seq;
    logged.event.ts = ts;
    logged.event.type = std::string(type);
    logged.event.actor = actor;
    logged.event.dataJson = std::move(dataJson);
    logged.frame = std::make_shared<const std::string>(eventFrame(logged.event));
    return logged;
}

}  // namespace server::domain
