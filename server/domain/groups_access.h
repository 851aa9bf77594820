// The checks every group request starts with: membership, kind and the permission table.
#pragma once

#include <cstdint>
#include <string_view>

#include "common/wire_types.h"
#include "server/domain/roles.h"
#include "server/store/chat_repository.h"
#include "server/store/connection.h"

namespace server::domain {

struct GroupAccess {
    store::ChatRow chat;
    protocol::Role role = protocol::Role::Member;  // the caller's
};

// The chat and the caller's role, read on `connection`: 404 ("chat_id: no such chat") unless
// the caller is a member, 403 ("chat_id: not a group") for a direct chat.
GroupAccess requireGroupMember(store::Connection& connection, std::int64_t chatId,
                               std::int64_t userId);
// 403 ("role: <what> needs ...") unless the table allows `action` to `role`.
void requireAllowed(GroupAction action, protocol::Role role, std::string_view what);
// 403 unless `actor` strictly outranks `target`.
void requireOutranks(protocol::Role actor, protocol::Role target, std::string_view what);
// The stored role of a member row.
protocol::Role roleOf(const store::MemberRow& member);

}  // namespace server::domain
