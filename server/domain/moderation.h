// The moderation service of groups: mutes (timeouts) and reading the audit log.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/clock.h"
#include "server/domain/groups_change.h"
#include "server/store/database.h"
#include "server/store/writer.h"

namespace server::domain {

inline constexpr std::int64_t kMuteMaxS = 31'536'000;  // one year
inline constexpr int kAuditDefaultPage = 50;
inline constexpr int kAuditMaxPage = 100;

// Which audit entries to read; every filter is optional (an extension of the protocol for the
// client's settings panel: one action name, an actor's or a target's user id).
struct AuditFilter {
    std::optional<std::int64_t> before;
    std::optional<std::int64_t> limit;
    std::optional<std::string> action;
    std::optional<std::int64_t> actor;
    std::optional<std::int64_t> target;
};

// PROTOCOL.md "Groups, roles and moderation": mute and unmute, the audit log. Thread-safe;
// calls block on the writer's commit, so call them from a worker thread. Checks run inside the
// writer op against the committed state; each change appends member.muted to the chat's log and
// its audit entry in the same op, and the completion updates the directory and relays. Failures
// are thrown as protocol::ApiError: 404 for a chat the caller is not in or a target who is not a
// member, 403 below moderator, or on a member the caller does not strictly outrank, 400 for a
// bad value.
class Moderation {
public:
    Moderation(store::Database& database, store::Writer& writer, ChatDirectory& directory,
               Broadcaster& broadcaster, const Clock& clock);

    // Mutes for `seconds` (1..31,536,000) from now, replacing a mute in force.
    void mute(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
              std::int64_t seconds);
    // Lifts a mute in force; a member not muted (or whose mute expired) is left as is.
    void unmute(std::int64_t callerId, std::int64_t chatId, std::int64_t userId);
    // Moderator and above; newest first.
    std::vector<protocol::AuditEntry> audit(std::int64_t callerId, std::int64_t chatId,
                                            const AuditFilter& filter);

private:
    void commit(std::int64_t chatId, std::int64_t actor,
                const std::function<void(GroupChange&)>& op);

    store::Database& m_database;
    store::Writer& m_writer;
    ChatDirectory& m_directory;
    Broadcaster& m_broadcaster;
    const Clock& m_clock;
};

}  // namespace server::domain
