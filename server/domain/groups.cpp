#include "server/domain/groups.h"

#include <algorithm>
#include <boost/json/array.hpp>
#include <future>
#include <string>

#include "common/codec.h"
#include "common/errors.h"
#include "common/validation.h"
#include "server/domain/groups_access.h"
#include "server/domain/notifications_actions.h"
#include "server/store/ban_repository.h"
#include "server/store/chat_repository.h"
#include "server/store/friend_repository.h"
#include "server/store/user_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using store::ChatRepository;
using store::Connection;

std::string checkName(std::string_view value) {
    const auto first = value.find_first_not_of(" \t\r\n");
    const auto last = value.find_last_not_of(" \t\r\n");
    auto name = first == std::string_view::npos
                    ? std::string()
                    : std::string(value.substr(first, last - first + 1));
    if (name.empty())
        throw ApiError(ErrorCode::BadRequest, "name: must not be empty");
    if (protocol::validation::codePoints(name) > kGroupNameMax)
        throw ApiError(ErrorCode::BadRequest, "name: at most 64 characters");
    return name;
}

void checkDescription(std::string_view value) {
    if (protocol::validation::codePoints(value) > kGroupDescriptionMax)
        throw ApiError(ErrorCode::BadRequest, "description: at most 500 characters");
}

// The chat as the event chat.updated carries it: the same for every member, without the fields
// that depend on who reads (read_seq, unread, peer, notifications, last_message; my_role is
// "member"), with last_seq as of the event itself.
protocol::Chat sharedView(Connection& c, std::int64_t chatId) {
    ChatRepository chats(c);
    const auto row = chats.find(chatId);
    protocol::Chat chat;
    chat.id = row->id;
    chat.kind = protocol::ChatKind::Group;
    chat.name = row->name;
    chat.description = row->description;
    chat.avatar = row->avatar;
    chat.createdTs = row->createdTs;
    chat.lastSeq = row->lastSeq + 1;
    chat.memberCount = chats.memberCount(chatId);
    chat.settings.slowModeS = static_cast<int>(row->slowModeS);
    chat.settings.onlyAdminsPost = row->onlyAdminsPost;
    return chat;
}

}  // namespace

Groups::Groups(store::Database& database, store::Writer& writer, ChatDirectory& directory,
               Chats& chats, UserViews& users, Broadcaster& broadcaster, const Clock& clock)
    : m_database(database),
      m_writer(writer),
      m_directory(directory),
      m_chats(chats),
      m_users(users),
      m_broadcaster(broadcaster),
      m_clock(clock) {}

void Groups::commit(std::int64_t chatId, std::int64_t actor,
                    const std::function<void(GroupChange&)>& op) {
    const auto ts = m_clock.nowMs();
    std::unique_ptr<GroupChange> change;
    std::promise<void> committed;
    auto future = committed.get_future();
    m_writer.submit(
        [&](Connection& c) {
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

protocol::Member Groups::memberView(Connection& c, std::int64_t chatId, std::int64_t userId,
                                    std::int64_t viewerId, std::int64_t nowMs) {
    const auto row = ChatRepository(c).member(chatId, userId);
    if (!row)
        throw ApiError(ErrorCode::NotFound, "user_id: not a member");
    return {m_users.view(c, userId, viewerId), roleOf(*row), row->joinedTs,
            activeMute(row->mutedUntil, nowMs)};
}

protocol::Chat Groups::create(std::int64_t callerId, NewGroup group) {
    const auto name = checkName(group.name);
    checkDescription(group.description);
    // Each invitee once, with the index it had in the request for error messages.
    std::vector<std::pair<std::int64_t, std::size_t>> invitees;
    for (std::size_t i = 0; i < group.members.size(); ++i) {
        const auto id = group.members[i];
        protocol::validation::id(id, "members[" + std::to_string(i) + "]");
        const bool seen = std::any_of(invitees.begin(), invitees.end(),
                                      [id](const auto& invitee) { return invitee.first == id; });
        if (id != callerId && !seen)
            invitees.emplace_back(id, i);
    }

    protocol::Chat created;
    commit(0, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        store::UserRepository users(c);
        store::FriendRepository friends(c);
        for (const auto& [id, index] : invitees) {
            const auto field = "members[" + std::to_string(index) + "]";
            if (!users.findById(id))
                throw ApiError(ErrorCode::NotFound, field + ": no such user");
            if (!friends.friendshipChat(callerId, id))
                throw ApiError(ErrorCode::Forbidden, field + ": not your friend");
        }
        ChatRepository chats(c);
        const auto chatId = chats.insertGroup(name, group.description, change.ts());
        change.setChatId(chatId);
        std::vector<std::int64_t> everyone{callerId};
        chats.addMember(chatId, callerId, protocol::toString(protocol::Role::Owner), change.ts());
        for (const auto& invitee : invitees) {
            chats.addMember(chatId, invitee.first, protocol::toString(protocol::Role::Member),
                            change.ts());
            everyone.push_back(invitee.first);
        }
        for (const auto id : everyone) {
            change.logOnly(
                protocol::eventType::MemberAdded,
                {{"member", protocol::toJson(memberView(c, chatId, id, 0, change.ts()))}});
            if (id != callerId)
                change.audit(protocol::auditAction::MemberAdded, id);
        }
        for (const auto id : everyone) {
            auto view = m_chats.view(c, chatId, id);
            if (id == callerId)
                created = view;
            change.send({id}, protocol::ws::ChatAdded{std::move(view)});
            if (id != callerId)
                change.notify(ActionNotifier(c, change.ts()).groupAdded(id, callerId, chatId));
        }
    });
    return created;
}

protocol::Chat Groups::update(std::int64_t callerId, std::int64_t chatId, const GroupPatch& patch) {
    std::optional<std::string> name;
    if (patch.name)
        name = checkName(*patch.name);
    if (patch.description)
        checkDescription(*patch.description);
    // Media arrive with the media milestone: until then no media id exists to be read.
    if (patch.avatarPresent && patch.avatar)
        throw ApiError(ErrorCode::NotFound, "avatar: no such media");
    if (patch.slowModeS && (*patch.slowModeS < 0 || *patch.slowModeS > kSlowModeMaxS))
        throw ApiError(ErrorCode::BadRequest, "settings.slow_mode_s: must be 0 to 21600");

    protocol::Chat result;
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::EditSettings, access.role,
                       "changing the group's name, description, avatar or settings");
        auto row = access.chat;
        boost::json::array fields;
        if (name && *name != row.name) {
            row.name = *name;
            fields.emplace_back("name");
        }
        if (patch.description && *patch.description != row.description) {
            row.description = *patch.description;
            fields.emplace_back("description");
        }
        if (patch.avatarPresent && row.avatar) {
            row.avatar.reset();
            fields.emplace_back("avatar");
        }
        if (patch.slowModeS && *patch.slowModeS != row.slowModeS) {
            row.slowModeS = *patch.slowModeS;
            fields.emplace_back("settings.slow_mode_s");
        }
        if (patch.onlyAdminsPost && *patch.onlyAdminsPost != row.onlyAdminsPost) {
            row.onlyAdminsPost = *patch.onlyAdminsPost;
            fields.emplace_back("settings.only_admins_post");
        }
        if (!fields.empty()) {
            ChatRepository(c).updateGroup(row);
            change.event(protocol::eventType::ChatUpdated,
                         {{"chat", protocol::toJson(sharedView(c, chatId))}});
            change.audit(protocol::auditAction::ChatUpdated, std::nullopt,
                         {{"fields", std::move(fields)}});
        }
        result = m_chats.view(c, chatId, callerId);
    });
    return result;
}

void Groups::deleteGroup(std::int64_t callerId, std::int64_t chatId) {
    commit(chatId, callerId, [&](GroupChange& change) {
        auto& c = change.connection();
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::DeleteGroup, access.role, "deleting the group");
        ChatRepository chats(c);
        std::vector<std::int64_t> members;
        for (const auto& member : chats.members(chatId))
            members.push_back(member.userId);
        chats.deleteChat(chatId);
        change.markDeleted();
        change.send(std::move(members), protocol::ws::ChatRemoved{chatId, "deleted"});
    });
}

std::vector<protocol::Member> Groups::members(std::int64_t callerId, std::int64_t chatId) {
    m_directory.requireMember(chatId, callerId);
    const auto now = m_clock.nowMs();
    return m_database.read([&](Connection& c) {
        ChatRepository chats(c);
        if (!chats.member(chatId, callerId))
            throw ApiError(ErrorCode::NotFound, "chat_id: no such chat");
        std::vector<protocol::Member> members;
        for (const auto& row : chats.members(chatId))
            members.push_back({m_users.view(c, row.userId, callerId), roleOf(row), row.joinedTs,
                               activeMute(row.mutedUntil, now)});
        return members;
    });
}

std::vector<protocol::BanEntry> Groups::bans(std::int64_t callerId, std::int64_t chatId) {
    return m_database.read([&](Connection& c) {
        const auto access = requireGroupMember(c, chatId, callerId);
        requireAllowed(GroupAction::Ban, access.role, "seeing the bans");
        std::vector<protocol::BanEntry> entries;
        for (const auto& row : store::BanRepository(c).list(chatId))
            entries.push_back(
                {m_users.view(c, row.userId, callerId), row.actor, row.reason, row.ts});
        return entries;
    });
}

}  // namespace server::domain
