// The group posting rules of PROTOCOL.md: mutes, only_admins_post and slow mode.
#pragma once

#include <cstdint>

#include "server/store/connection.h"
#include "server/store/moderation_repository.h"

namespace server::domain {

// Throws protocol::ApiError when `row`'s member may not post at `nowMs`: 403 while muted (a mute
// that has expired is no mute), 403 below admin when only admins post, 429 rate_limited with
// the time left as retry-after when a member below moderator posted within slow_mode_s. A
// direct chat has none of these rules.
void checkPosting(const store::PostingRow& row, std::int64_t nowMs);

// Whether a post by `row`'s member counts toward slow mode (and so must be recorded).
bool slowModeApplies(const store::PostingRow& row);

// Inside the send's writer op, so the rules see every change committed before the send
// (a kick, a mute, a role lowered, settings changed a moment before): 404 for a non-member
// ("chat_id: no such chat"), then checkPosting, then records the post time when slow mode
// applies. The record is in the op's savepoint: a send that fails later leaves no trace.
// Last post times live in chat_members.last_post_ts rather than in memory so that the check
// runs in commit order with the rest of the op and holds across a restart; it costs one UPDATE
// per post, and only in chats with slow mode on, for members below moderator.
void enforcePosting(store::Connection& connection, std::int64_t chatId, std::int64_t userId,
                    std::int64_t nowMs);

}  // namespace server::domain
