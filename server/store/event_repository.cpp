#include "server/store/event_repository.h"

namespace server::store {

void EventRepository::insert(std::int64_t chatId, std::int64_t seq, std::int64_t ts,
                             std::string_view type, std::int64_t actor, std::string_view data) {
    m_connection
        .prepare(
            "INSERT INTO events (chat_id, seq, ts, type, actor, data) "
            "VALUES (?1, ?2, ?3, ?4, ?5, ?6)")
        .bindAll(chatId, seq, ts, type, actor, data)
        .exec();
}

std::vector<EventRow> EventRepository::after(std::int64_t chatId, std::int64_t afterSeq,
                                             std::int64_t upToSeq, int limit) {
    auto s = m_connection.prepare(
        "SELECT chat_id, seq, ts, type, actor, data FROM events WHERE chat_id = ?1 AND seq > ?2 "
        "AND seq <= ?3 AND type != 'message.created' ORDER BY seq LIMIT ?4");
    s.bindAll(chatId, afterSeq, upToSeq, limit);
    std::vector<EventRow> rows;
    while (s.step())
        rows.push_back({s.int64(0), s.int64(1), s.int64(2), s.text(3), s.int64(4), s.text(5)});
    return rows;
}

}  // namespace server::store
