// Groups: membership, roles, ownership and bans (the lifecycle is in groups.cpp).
#include <boost/json/object.hpp>
#include <string>

#include "common/codec.h"
#include "common/errors.h"
#include "common/validation.h"
#include "server/domain/groups.h"
#include "server/domain/groups_access.h"
#include "server/domain/notifications_actions.h"
#include "server/store/ban_repository.h"
#include "server/store/chat_repository.h"
#include "server/store/friend_repository.h"
#include "server/store/member_repository.h"
#include "server/store/user_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using protocol::Role;
using store::ChatRepository;
using store::MemberRepository;

store::MemberRow requireTarget(ChatRepository& chats, std::int64_t chatId, std::int64_t userId) {
    auto row = chats.member(chatId, userId);
    if (!row)
        throw ApiError(ErrorCode::NotFound, "user_id: not a member");
    return *row;
}

void requireUser(store::Connection& c, std::int64_t userId) {
    if (!store::UserRepository(c).findById(userId))
        throw ApiError(ErrorCode::NotFound, "user_id: no such user");
}

boost::json::object roleData(std::int64_t userId, Role role) {
    return {{"user_id", userId}, {"role", protocol::toString(role)}};
}

}  // namespace

void Groups::removeInChange(GroupChange& change, std::int64_t userId, std::string_view reason) {
    auto& c = change.connection();
    const auto chatId = change.chatId();
    ChatRepository chats(c);
    MemberRepository members(c);
    const auto role = roleOf(requireTarget(chats, chatId, userId));
    members.remove(chatId, userId);
    const protocol::ws::ChatRemoved removed{chatId, std::string(reason)};
    if (chats.memberCount(chatId) == 0) {
        chats.deleteChat(chatId);
        change.markDeleted();
        change.send({userId}, removed);
        return;
    }
    change.event(protocol::eventType::MemberRemoved, {{"user_id", userId}, {"reason", reason}},
                 {userId});
    change.send({userId}, removed);
    if (role != Role::Owner)
        return;
    const auto next = members.successor(chatId, userId);
    members.setRole(chatId, *next, protocol::toString(Role::Owner));
    change.event(protocol::eventType::MemberRole, roleData(*next, Role::Owner));
    change.audit(protocol::auditAction::OwnerTransferred, *next, {{"reason", "succession"}});
    change.notify(ActionNotifier(c, change.ts()).succeeded(*next, userId, chatId));
}

protocol::Member Groups::addMember(std::int64_t callerId, std::int64_t chatId,
                                   std::int64_t userId) {
    protocol::Member result;
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::AddMembers, access.role, "adding members");
        requireUser(c, userId);
        ChatRepository chats(c);
        if (chats.member(chatId, userId))
            throw ApiError(ErrorCode::Conflict, "user_id: already a member");
        if (store::BanRepository(c).isBanned(chatId, userId))
            throw ApiError(ErrorCode::Forbidden, "user_id: banned from this group");
        if (!store::FriendRepository(c).friendshipChat(callerId, userId))
            throw ApiError(ErrorCode::Forbidden, "user_id: not your friend");
        chats.addMember(chatId, userId, protocol::toString(Role::Member), change.ts());
        // The newcomer learns of the chat first; its last_seq is just before the event's seq.
        change.send({userId}, protocol::ws::ChatAdded{m_chats.view(c, chatId, userId)});
        change.event(protocol::eventType::MemberAdded,
                     {{"member", protocol::toJson(memberView(c, chatId, userId, 0, change.ts()))}});
        change.audit(protocol::auditAction::MemberAdded, userId);
        change.notify(ActionNotifier(c, change.ts()).groupAdded(userId, callerId, chatId));
        result = memberView(c, chatId, userId, callerId, change.ts());
    });
    return result;
}

void Groups::removeMember(std::int64_t callerId, std::int64_t chatId, std::int64_t userId) {
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        if (userId == callerId) {
            removeInChange(change, callerId, "left");
            return;
        }
        requireAllowed(GroupAction::Kick, access.role, "kicking members");
        ChatRepository chats(c);
        requireOutranks(access.role, roleOf(requireTarget(chats, chatId, userId)),
                        "kicking this member");
        removeInChange(change, userId, "kicked");
        change.audit(protocol::auditAction::MemberKicked, userId);
        change.notify(ActionNotifier(c, change.ts()).kicked(userId, callerId, chatId));
    });
}

protocol::Member Groups::setRole(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
                                 Role role) {
    if (role == Role::Owner)
        throw ApiError(ErrorCode::BadRequest,
                       "role: must be member, moderator or admin (ownership is transferred)");
    protocol::Member result;
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        if (role == Role::Admin)
            requireAllowed(GroupAction::SetRoleAdmin, access.role, "making admins");
        else
            requireAllowed(GroupAction::SetRoleMemberOrModerator, access.role,
                           "setting a member's role");
        ChatRepository chats(c);
        const auto current = roleOf(requireTarget(chats, chatId, userId));
        if (userId == callerId)
            throw ApiError(ErrorCode::Forbidden, "user_id: you cannot change your own role");
        requireOutranks(access.role, current, "changing this member's role");
        requireOutranks(access.role, role, "giving this role");
        if (current != role) {
            MemberRepository(c).setRole(chatId, userId, protocol::toString(role));
            change.event(protocol::eventType::MemberRole, roleData(userId, role));
            change.audit(
                protocol::auditAction::MemberRole, userId,
                {{"role", protocol::toString(role)}, {"previous", protocol::toString(current)}});
            change.notify(
                ActionNotifier(c, change.ts()).roleChanged(userId, callerId, chatId, role));
        }
        result = memberView(c, chatId, userId, callerId, change.ts());
    });
    return result;
}

protocol::Chat Groups::transferOwnership(std::int64_t callerId, std::int64_t chatId,
                                         std::int64_t userId) {
    protocol::Chat result;
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::TransferOwnership, access.role, "transferring ownership");
        ChatRepository chats(c);
        requireTarget(chats, chatId, userId);
        if (userId == callerId)
            throw ApiError(ErrorCode::BadRequest, "user_id: you are the owner already");
        MemberRepository members(c);
        members.setRole(chatId, userId, protocol::toString(Role::Owner));
        members.setRole(chatId, callerId, protocol::toString(Role::Admin));
        change.event(protocol::eventType::MemberRole, roleData(userId, Role::Owner));
        change.event(protocol::eventType::MemberRole, roleData(callerId, Role::Admin));
        change.audit(protocol::auditAction::OwnerTransferred, userId);
        change.notify(
            ActionNotifier(c, change.ts()).roleChanged(userId, callerId, chatId, Role::Owner));
        result = m_chats.view(c, chatId, callerId);
    });
    return result;
}

void Groups::ban(std::int64_t callerId, std::int64_t chatId, std::int64_t userId,
                 const std::string& reason) {
    if (protocol::validation::codePoints(reason) > kBanReasonMax)
        throw ApiError(ErrorCode::BadRequest, "reason: at most 500 characters");
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::Ban, access.role, "banning");
        requireUser(c, userId);
        if (userId == callerId)
            throw ApiError(ErrorCode::Forbidden, "user_id: you cannot ban yourself");
        ChatRepository chats(c);
        const auto target = chats.member(chatId, userId);
        if (target)
            requireOutranks(access.role, roleOf(*target), "banning this member");
        if (!store::BanRepository(c).insert({chatId, userId, callerId, reason, change.ts()}))
            throw ApiError(ErrorCode::Conflict, "user_id: already banned");
        if (target)
            removeInChange(change, userId, "banned");
        change.audit(protocol::auditAction::MemberBanned, userId, {{"reason", reason}});
        if (target)
            change.notify(ActionNotifier(c, change.ts()).banned(userId, callerId, chatId, reason));
    });
}

void Groups::unban(std::int64_t callerId, std::int64_t chatId, std::int64_t userId) {
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::Ban, access.role, "unbanning");
        if (!store::BanRepository(c).remove(chatId, userId))
            throw ApiError(ErrorCode::NotFound, "user_id: not banned");
        change.event(protocol::eventType::MemberUnbanned, {{"user_id", userId}});
        change.audit(protocol::auditAction::MemberUnbanned, userId);
    });
}

}  // namespace server::domain
