#include "server/domain/chats.h"

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/message_view.h"
#include "server/store/chat_repository.h"
#include "server/store/message_repository.h"

namespace server::domain {

using protocol::ApiError;
using protocol::ErrorCode;
using store::Connection;

std::vector<protocol::Chat> Chats::list(std::int64_t userId) {
    return m_database.read([&](Connection& c) {
        std::vector<protocol::Chat> chats;
        for (const auto chatId : store::ChatRepository(c).chatIdsOf(userId))
            chats.push_back(view(c, chatId, userId));
        return chats;
    });
}

protocol::Chat Chats::get(std::int64_t userId, std::int64_t chatId) {
    m_directory.requireMember(chatId, userId);
    return m_database.read([&](Connection& c) { return view(c, chatId, userId); });
}

protocol::Chat Chats::view(Connection& connection, std::int64_t chatId, std::int64_t viewerId) {
    store::ChatRepository chats(connection);
    const auto row = chats.find(chatId);
    const auto me = row ? chats.member(chatId, viewerId) : std::nullopt;
    if (!row || !me)
        throw ApiError(ErrorCode::NotFound, "chat_id: no such chat");

    protocol::Chat chat;
    chat.id = row->id;
    chat.kind = protocol::chatKindFromString(row->kind).value_or(protocol::ChatKind::Direct);
    chat.name = row->name;
    chat.description = row->description;
    chat.avatar = row->avatar;
    chat.createdTs = row->createdTs;
    chat.lastSeq = row->lastSeq;
    chat.readSeq = me->readSeq;
    chat.unread = chats.unread(chatId, viewerId, me->readSeq);
    chat.myRole = protocol::roleFromString(me->role).value_or(protocol::Role::Member);
    chat.memberCount = chats.memberCount(chatId);
    chat.notificationsMutedUntil = me->notificationsMutedUntil;
    chat.settings.slowModeS = static_cast<int>(row->slowModeS);
    chat.settings.onlyAdminsPost = row->onlyAdminsPost;
    if (chat.kind == protocol::ChatKind::Direct) {
        for (const auto& member : chats.members(chatId)) {
            if (member.userId == viewerId)
                continue;
            chat.peer = m_users.view(connection, member.userId, viewerId);
            chat.peerReadSeq = member.readSeq;
        }
    }
    if (auto last = store::MessageRepository(connection).last(chatId))
        chat.lastMessage = loadMessage(connection, *last);
    return chat;
}

}  // namespace server::domain
