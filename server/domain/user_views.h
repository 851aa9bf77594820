// Users as a given viewer may see them: presence and last_seen for friends (and oneself) only.
#pragma once

#include <cstdint>

#include "common/wire_types.h"
#include "server/domain/relationships.h"
#include "server/domain/session_events.h"
#include "server/store/connection.h"
#include "server/store/database.h"
#include "server/store/user_repository.h"

namespace server::domain {

// Thread-safe. Everyone else, and anyone blocked either way, sees "offline" and no last_seen.
class UserViews {
public:
    UserViews(store::Database& database, SessionEvents& sessions)
        : m_database(database), m_sessions(sessions), m_relationships(database) {}

    protocol::User view(const store::UserRow& row, std::int64_t viewerId);
    // Throws ApiError NotFound ("<field>: no such user") for an unknown id.
    protocol::User view(std::int64_t userId, std::int64_t viewerId,
                        std::string_view field = "user_id");
    // The same, reading on the connection given (inside a writer op or another read).
    protocol::User view(store::Connection& connection, std::int64_t userId, std::int64_t viewerId,
                        std::string_view field = "user_id");
    bool exists(std::int64_t userId);

private:
    bool presenceVisible(store::Connection& connection, std::int64_t userId, std::int64_t viewerId);

    store::Database& m_database;
    SessionEvents& m_sessions;
    Relationships m_relationships;
};

}  // namespace server::domain
