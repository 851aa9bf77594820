#include "server/domain/posting_policy.h"

#include <algorithm>
#include <climits>
#include <string>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/roles.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using protocol::Role;

Role roleOfRow(const store::PostingRow& row) {
    return protocol::roleFromString(row.role).value_or(Role::Member);
}

}  // namespace

bool slowModeApplies(const store::PostingRow& row) {
    return row.kind == "group" && row.slowModeS > 0 && rank(roleOfRow(row)) < rank(Role::Moderator);
}

void checkPosting(const store::PostingRow& row, std::int64_t nowMs) {
    if (row.kind != "group")
        return;
    if (row.mutedUntil && *row.mutedUntil > nowMs)
        throw ApiError(ErrorCode::Forbidden, "chat_id: you are muted in this group until " +
                                                 std::to_string(*row.mutedUntil));
    if (row.onlyAdminsPost && rank(roleOfRow(row)) < rank(Role::Admin))
        throw ApiError(ErrorCode::Forbidden, "chat_id: only admins may post in this group");
    if (!slowModeApplies(row) || !row.lastPostTs)
        return;
    const auto next = *row.lastPostTs + row.slowModeS * 1000;
    if (nowMs < next)
        throw ApiError(
            ErrorCode::RateLimited,
            "chat_id: slow mode allows one message every " + std::to_string(row.slowModeS) + " s",
            static_cast<int>(std::min<std::int64_t>(next - nowMs, INT_MAX)));
}

void enforcePosting(store::Connection& connection, std::int64_t chatId, std::int64_t userId,
                    std::int64_t nowMs) {
    store::ModerationRepository repository(connection);
    const auto row = repository.posting(chatId, userId);
    if (!row)
        throw ApiError(ErrorCode::NotFound, "chat_id: no such chat");
    checkPosting(*row, nowMs);
    if (slowModeApplies(*row))
        repository.setLastPost(chatId, userId, nowMs);
}

}  // namespace server::domain
