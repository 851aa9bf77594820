// The events table: the log of every change in a chat but new messages (their rows are theirs).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "server/store/connection.h"

namespace server::store {

struct EventRow {
    std::int64_t chatId = 0;
    std::int64_t seq = 0;
    std::int64_t ts = 0;
    std::string type;
    std::int64_t actor = 0;
    std::string data;  // the serialised JSON of the event's `data`
};

// Stateless over the connection it is given. Throws StoreError (ConstraintError for a seq
// already taken, which the single writer and ChatRepository::nextSeq rule out).
class EventRepository {
public:
    explicit EventRepository(Connection& connection) : m_connection(connection) {}

    void insert(std::int64_t chatId, std::int64_t seq, std::int64_t ts, std::string_view type,
                std::int64_t actor, std::string_view data);
    // Up to `limit` events with `afterSeq` < seq <= `upToSeq`, ascending, message.created
    // excepted: a message's row is that event's record (rows of it stored before are ignored).
    std::vector<EventRow> after(std::int64_t chatId, std::int64_t afterSeq, std::int64_t upToSeq,
                                int limit);

private:
    Connection& m_connection;
};

}  // namespace server::store
