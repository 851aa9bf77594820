#include "server/domain/groups_access.h"

#include <string>

#include "common/codec.h"
#include "common/errors.h"

namespace server::domain {

using protocol::ApiError;
using protocol::ErrorCode;

GroupAccess requireGroupMember(store::Connection& connection, std::int64_t chatId,
                               std::int64_t userId) {
    store::ChatRepository chats(connection);
    auto chat = chats.find(chatId);
    const auto member = chat ? chats.member(chatId, userId) : std::nullopt;
    if (!chat || !member)
        throw ApiError(ErrorCode::NotFound, "chat_id: no such chat");
    if (chat->kind != "group")
        throw ApiError(ErrorCode::Forbidden, "chat_id: not a group");
    return {std::move(*chat), roleOf(*member)};
}

void requireAllowed(GroupAction action, protocol::Role role, std::string_view what) {
    if (allowed(action, role))
        return;
    throw ApiError(ErrorCode::Forbidden, "role: " + std::string(what) + " needs the role " +
                                             std::string(protocol::toString(minimumRole(action))) +
                                             " or higher");
}

void requireOutranks(protocol::Role actor, protocol::Role target, std::string_view what) {
    if (outranks(actor, target))
        return;
    throw ApiError(ErrorCode::Forbidden, "user_id: " + std::string(what) +
                                             " needs a role above the member's (" +
                                             std::string(protocol::toString(target)) + ")");
}

protocol::Role roleOf(const store::MemberRow& member) {
    return protocol::roleFromString(member.role).value_or(protocol::Role::Member);
}

}  // namespace server::domain
