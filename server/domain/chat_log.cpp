#include "server/domain/chat_log.h"

#include "common/codec.h"
#include "server/store/chat_repository.h"
#include "server/store/event_repository.h"

namespace server::domain {

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
    logged.frame = std::make_shared<const std::string>(
        protocol::encode(protocol::ServerFrame{protocol::ws::EventOut{logged.event}}));
    return logged;
}

}  // namespace server::domain
