#include "server/domain/moderation.h"

#include <boost/json/object.hpp>
#include <future>
#include <memory>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/audit_log.h"
#include "server/domain/groups_access.h"
#include "server/store/chat_repository.h"
#include "server/store/moderation_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

constexpr std::string_view kAuditActions[] = {
    protocol::auditAction::MemberAdded,      protocol::auditAction::MemberKicked,
    protocol::auditAction::MemberBanned,     protocol::auditAction::MemberUnbanned,
    protocol::auditAction::MemberRole,       protocol::auditAction::MemberMuted,
    protocol::auditAction::MemberUnmuted,    protocol::auditAction::MessageDeleted,
    protocol::auditAction::PinChanged,       protocol::auditAction::ChatUpdated,
    protocol::auditAction::OwnerTransferred,
};

void checkId(std::optional<std::int64_t> id, const char* field) {
    if (id && (*id < 1 || *id >= (std::int64_t{1} << 53)))
        throw ApiError(ErrorCode::BadRequest, std::string(field) + ": must be a positive id");
}

store::AuditQuery toQuery(std::int64_t chatId, const AuditFilter& filter) {
    if (filter.limit && (*filter.limit < 1 || *filter.limit > kAuditMaxPage))
        throw ApiError(ErrorCode::BadRequest,
                       "limit: must be 1 to " + std::to_string(kAuditMaxPage));
    checkId(filter.before, "before");
    checkId(filter.actor, "actor");
    checkId(filter.target, "target");
    if (filter.action && std::find(std::begin(kAuditActions), std::end(kAuditActions),
                                   *filter.action) == std::end(kAuditActions))
        throw ApiError(ErrorCode::BadRequest, "action: not an audit action");
    store::AuditQuery query;
    query.chatId = chatId;
    query.beforeId = filter.before;
    query.limit = filter.limit ? static_cast<int>(*filter.limit) : kAuditDefaultPage;
    query.action = filter.action;
    query.actor = filter.actor;
    query.target = filter.target;
    return query;
}

// The target's role after the caller's checks: moderator and above, strictly higher rank.
void requireMayMute(GroupChange& change, std::int64_t userId, std::string_view what) {
    auto& c = change.connection();
    const auto access = requireGroupMember(c, change.chatId(), change.actor());
    requireAllowed(GroupAction::Mute, access.role, what);
    const auto target = store::ChatRepository(c).member(change.chatId(), userId);
    if (!target)
        throw ApiError(ErrorCode::NotFound, "user_id: not a member");
    requireOutranks(access.role, roleOf(*target), what);
}

}  // namespace

Moderation::Moderation(store::Database& database, store::Writer& writer, ChatDirectory& directory,
                       Broadcaster& broadcaster, const Clock& clock)
    : m_database(database),
      m_writer(writer),
      m_directory(directory),
      m_broadcaster(broadcaster),
      m_clock(clock) {}

void Moderation::mute(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
                      std::int64_t seconds) {
    if (seconds < 1 || seconds > kMuteMaxS)
        throw ApiError(ErrorCode::BadRequest, "seconds: must be 1 to " + std::to_string(kMuteMaxS));
    commit(chatId, callerId, [&](GroupChange& change) {
        requireMayMute(change, userId, "muting");
        const auto until = change.ts() + seconds * 1000;
        store::ModerationRepository(change.connection()).setMutedUntil(chatId, userId, until);
        change.event(protocol::eventType::MemberMuted,
                     {{"user_id", userId}, {"muted_until", until}});
        change.audit(protocol::auditAction::MemberMuted, userId,
                     {{"seconds", seconds}, {"muted_until", until}});
    });
}

void Moderation::unmute(std::int64_t callerId, std::int64_t chatId, std::int64_t userId) {
    commit(chatId, callerId, [&](GroupChange& change) {
        requireMayMute(change, userId, "unmuting");
        auto& c = change.connection();
        const auto target = store::ChatRepository(c).member(chatId, userId);
        if (!target->mutedUntil || *target->mutedUntil <= change.ts())
            return;
        store::ModerationRepository(c).setMutedUntil(chatId, userId, std::nullopt);
        change.event(protocol::eventType::MemberMuted,
                     {{"user_id", userId}, {"muted_until", nullptr}});
        change.audit(protocol::auditAction::MemberUnmuted, userId);
    });
}

std::vector<protocol::AuditEntry> Moderation::audit(std::int64_t callerId, std::int64_t chatId,
                                                    const AuditFilter& filter) {
    const auto query = toQuery(chatId, filter);
    return m_database.read([&](store::Connection& c) {
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::ViewAudit, access.role, "viewing the audit log");
        return readAudit(c, query);
    });
}

void Moderation::commit(std::int64_t chatId, std::int64_t actor,
                        const std::function<void(GroupChange&)>& op) {
    const auto ts = m_clock.nowMs();
    std::unique_ptr<GroupChange> change;
    std::promise<void> committed;
    auto future = committed.get_future();
    m_writer.submit(
        [&](store::Connection& c) {
            change = std::make_unique<GroupChange>(c, chatId, actor, ts);
            op(*change);
            change->finish();
        },
        [&](std::exception_ptr error) {
            if (!error)
                change->apply(m_directory, m_broadcaster);
            error ? committed.set_exception(error) : committed.set_value();
        });
    future.get();
}

}  // namespace server::domain
