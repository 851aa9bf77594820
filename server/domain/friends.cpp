#include "server/domain/friends.h"

#include <string>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/notifications_actions.h"
#include "server/store/chat_repository.h"
#include "server/store/friend_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using store::ChatRepository;
using store::Connection;
using store::FriendRepository;

ApiError noSuchRequest() {
    return ApiError(ErrorCode::NotFound, "id: no such friend request");
}

// Makes the two friends: their old direct chat is reopened, or a new one made.
std::int64_t becomeFriends(Connection& c, std::int64_t a, std::int64_t b, std::int64_t ts) {
    FriendRepository friends(c);
    ChatRepository chats(c);
    friends.deleteRequestsBetween(a, b);
    const auto key = std::to_string(std::min(a, b)) + ":" + std::to_string(std::max(a, b));
    auto chatId = chats.findByDirectKey(key);
    if (!chatId)
        chatId = chats.insertDirect(key, ts);
    chats.addMember(*chatId, a, "member", ts);
    chats.addMember(*chatId, b, "member", ts);
    friends.insertFriendship(a, b, *chatId, ts);
    return *chatId;
}

std::shared_ptr<const std::string> frame(protocol::ServerFrame value) {
    return std::make_shared<const std::string>(protocol::encode(value));
}

}  // namespace

Friends::Friends(store::Database& database, store::Writer& writer, ChatDirectory& directory,
                 Chats& chats, UserViews& users, Broadcaster& broadcaster, const Clock& clock)
    : m_database(database),
      m_writer(writer),
      m_directory(directory),
      m_chats(chats),
      m_users(users),
      m_broadcaster(broadcaster),
      m_clock(clock) {}

FriendRequestOutcome Friends::request(std::int64_t callerId, std::int64_t userId) {
    if (userId == callerId)
        throw ApiError(ErrorCode::BadRequest, "user_id: cannot befriend yourself");
    requireOtherUser(callerId, userId);
    const auto now = m_clock.nowMs();
    struct Result {
        std::int64_t requestId = 0;
        std::int64_t chatId = 0;
        NotificationDelivery notification;
    };
    const auto result = m_writer.run<Result>([&](Connection& c) {
        FriendRepository friends(c);
        if (friends.blockedEitherWay(callerId, userId))
            throw ApiError(ErrorCode::Forbidden, "user_id: blocked");
        if (friends.friendshipChat(callerId, userId))
            throw ApiError(ErrorCode::Conflict, "user_id: already friends");
        if (friends.findRequestFrom(callerId, userId))
            throw ApiError(ErrorCode::Conflict, "user_id: already requested");
        // The other side had asked: this request accepts theirs.
        if (friends.findRequestFrom(userId, callerId))
            return Result{0, becomeFriends(c, callerId, userId, now),
                          ActionNotifier(c, now).friendAccepted(userId, callerId)};
        const auto requestId = friends.insertRequest(callerId, userId, now);
        return Result{requestId, 0, ActionNotifier(c, now).friendRequest(userId, callerId)};
    });
    FriendRequestOutcome outcome;
    if (result.chatId) {
        outcome.chat = announceChat(result.chatId, callerId, userId);
        m_broadcaster.toUsers({userId}, result.notification.frame);
        return outcome;
    }
    auto forRecipient = m_database.read(
        [&](Connection& c) { return present(c, result.requestId, callerId, userId, now, userId); });
    m_broadcaster.toUsers({userId}, frame(protocol::ws::FriendRequestOut{forRecipient}));
    m_broadcaster.toUsers({userId}, result.notification.frame);
    outcome.request = m_database.read([&](Connection& c) {
        return present(c, result.requestId, callerId, userId, now, callerId);
    });
    return outcome;
}

FriendRequestLists Friends::requests(std::int64_t callerId) {
    return m_database.read([&](Connection& c) {
        FriendRequestLists lists;
        FriendRepository friends(c);
        for (const auto& row : friends.incoming(callerId))
            lists.incoming.push_back(present(c, row.id, row.fromId, row.toId, row.ts, callerId));
        for (const auto& row : friends.outgoing(callerId))
            lists.outgoing.push_back(present(c, row.id, row.fromId, row.toId, row.ts, callerId));
        return lists;
    });
}

protocol::Chat Friends::accept(std::int64_t callerId, std::int64_t requestId) {
    const auto now = m_clock.nowMs();
    struct Result {
        std::int64_t chatId = 0;
        std::int64_t otherId = 0;
        NotificationDelivery notification;
    };
    const auto result = m_writer.run<Result>([&](Connection& c) {
        auto request = FriendRepository(c).findRequest(requestId);
        if (!request || request->toId != callerId)
            throw noSuchRequest();
        const auto chatId = becomeFriends(c, request->fromId, callerId, now);
        return Result{chatId, request->fromId,
                      ActionNotifier(c, now).friendAccepted(request->fromId, callerId)};
    });
    auto chat = announceChat(result.chatId, callerId, result.otherId);
    m_broadcaster.toUsers({result.otherId}, result.notification.frame);
    return chat;
}

void Friends::decline(std::int64_t callerId, std::int64_t requestId) {
    m_writer.run<void>([&](Connection& c) {
        FriendRepository friends(c);
        auto request = friends.findRequest(requestId);
        if (!request || request->toId != callerId)
            throw noSuchRequest();
        friends.deleteRequest(requestId);
    });
}

void Friends::withdraw(std::int64_t callerId, std::int64_t requestId) {
    m_writer.run<void>([&](Connection& c) {
        FriendRepository friends(c);
        auto request = friends.findRequest(requestId);
        if (!request || request->fromId != callerId)
            throw noSuchRequest();
        friends.deleteRequest(requestId);
    });
}

std::vector<FriendEntry> Friends::list(std::int64_t callerId) {
    return m_database.read([&](Connection& c) {
        std::vector<FriendEntry> entries;
        for (const auto& row : FriendRepository(c).friendsOf(callerId))
            entries.push_back({m_users.view(c, row.userId, callerId), row.chatId});
        return entries;
    });
}

void Friends::unfriend(std::int64_t callerId, std::int64_t userId) {
    const auto chatId = m_writer.run<std::int64_t>([&](Connection& c) {
        FriendRepository friends(c);
        const auto chat = friends.friendshipChat(callerId, userId);
        if (!chat)
            throw ApiError(ErrorCode::NotFound, "user_id: not a friend");
        friends.deleteFriendship(callerId, userId);
        return *chat;
    });
    m_directory.reload(chatId);
    announceRemoved(callerId, userId);
}

void Friends::block(std::int64_t callerId, std::int64_t userId) {
    if (userId == callerId)
        throw ApiError(ErrorCode::BadRequest, "user_id: cannot block yourself");
    requireOtherUser(callerId, userId);
    const auto now = m_clock.nowMs();
    struct Result {
        std::optional<std::int64_t> chatId;
        bool endedSomething = false;
    };
    const auto result = m_writer.run<Result>([&](Connection& c) {
        FriendRepository friends(c);
        friends.insertBlock(callerId, userId, now);
        Result r;
        r.chatId = friends.friendshipChat(callerId, userId);
        if (r.chatId)
            friends.deleteFriendship(callerId, userId);
        const bool requests = friends.deleteRequestsBetween(callerId, userId) > 0;
        r.endedSomething = r.chatId.has_value() || requests;
        return r;
    });
    if (result.chatId)
        m_directory.reload(*result.chatId);
    if (result.endedSomething)
        announceRemoved(callerId, userId);
}

void Friends::unblock(std::int64_t callerId, std::int64_t userId) {
    requireOtherUser(callerId, userId);
    m_writer.run<bool>(
        [&](Connection& c) { return FriendRepository(c).deleteBlock(callerId, userId); });
}

std::vector<protocol::User> Friends::blocks(std::int64_t callerId) {
    return m_database.read([&](Connection& c) {
        std::vector<protocol::User> users;
        for (const auto id : FriendRepository(c).blockedBy(callerId))
            users.push_back(m_users.view(c, id, callerId));
        return users;
    });
}

void Friends::requireOtherUser(std::int64_t callerId, std::int64_t userId) {
    if (userId != callerId && !m_users.exists(userId))
        throw ApiError(ErrorCode::NotFound, "user_id: no such user");
}

protocol::FriendRequest Friends::present(Connection& c, std::int64_t id, std::int64_t fromId,
                                         std::int64_t toId, std::int64_t ts,
                                         std::int64_t viewerId) {
    return {id, m_users.view(c, fromId, viewerId), m_users.view(c, toId, viewerId), ts};
}

protocol::Chat Friends::announceChat(std::int64_t chatId, std::int64_t callerId,
                                     std::int64_t otherId) {
    m_directory.reload(chatId);
    const auto forOther =
        m_database.read([&](Connection& c) { return m_chats.view(c, chatId, otherId); });
    auto forCaller =
        m_database.read([&](Connection& c) { return m_chats.view(c, chatId, callerId); });
    m_broadcaster.toUsers({otherId}, frame(protocol::ws::ChatAdded{forOther}));
    m_broadcaster.toUsers({callerId}, frame(protocol::ws::ChatAdded{forCaller}));
    return forCaller;
}

void Friends::announceRemoved(std::int64_t a, std::int64_t b) {
    m_broadcaster.toUsers({a}, frame(protocol::ws::FriendRemoved{b}));
    m_broadcaster.toUsers({b}, frame(protocol::ws::FriendRemoved{a}));
}

}  // namespace server::domain
