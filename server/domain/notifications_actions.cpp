#include "server/domain/notifications_actions.h"

#include "common/codec.h"
#include "server/domain/notifications_messages.h"
#include "server/store/chat_repository.h"
#include "server/store/user_repository.h"

namespace server::domain {
namespace {

// "an admin", "a moderator", "a member", "the owner".
std::string withArticle(protocol::Role role) {
    switch (role) {
        case protocol::Role::Owner:
            return "the owner";
        case protocol::Role::Admin:
            return "an admin";
        case protocol::Role::Moderator:
            return "a moderator";
        case protocol::Role::Member:
            break;
    }
    return "a member";
}

}  // namespace

NotificationDelivery ActionNotifier::friendRequest(std::int64_t userId, std::int64_t from) {
    return record(userId, notificationType::FriendRequest, from, std::nullopt,
                  nameOf(from) + " sent you a friend request");
}

NotificationDelivery ActionNotifier::friendAccepted(std::int64_t userId, std::int64_t by) {
    return record(userId, notificationType::FriendAccepted, by, std::nullopt,
                  nameOf(by) + " accepted your friend request");
}

NotificationDelivery ActionNotifier::groupAdded(std::int64_t userId, std::int64_t actor,
                                                std::int64_t chatId) {
    return record(userId, notificationType::GroupAdded, actor, chatId,
                  nameOf(actor) + " added you to " + groupName(chatId));
}

NotificationDelivery ActionNotifier::roleChanged(std::int64_t userId, std::int64_t actor,
                                                 std::int64_t chatId, protocol::Role role) {
    return record(userId, notificationType::RoleChanged, actor, chatId,
                  nameOf(actor) + " made you " + withArticle(role) + " of " + groupName(chatId));
}

NotificationDelivery ActionNotifier::succeeded(std::int64_t userId, std::int64_t leaver,
                                               std::int64_t chatId) {
    const auto group = groupName(chatId);
    return record(userId, notificationType::RoleChanged, leaver, chatId,
                  nameOf(leaver) + " left " + group + ": you are its owner now");
}

NotificationDelivery ActionNotifier::kicked(std::int64_t userId, std::int64_t actor,
                                            std::int64_t chatId) {
    return record(userId, notificationType::Kicked, actor, chatId,
                  nameOf(actor) + " removed you from " + groupName(chatId));
}

NotificationDelivery ActionNotifier::banned(std::int64_t userId, std::int64_t actor,
                                            std::int64_t chatId, const std::string& reason) {
    auto text = nameOf(actor) + " banned you from " + groupName(chatId);
    if (!reason.empty())
        text += ": " + textPreview(reason);
    return record(userId, notificationType::Banned, actor, chatId, std::move(text));
}

NotificationDelivery ActionNotifier::record(std::int64_t userId, std::string_view type,
                                            std::int64_t actor, std::optional<std::int64_t> chatId,
                                            std::string text) {
    NewNotification n;
    n.userId = userId;
    n.type = type;
    n.ts = m_ts;
    n.actor = actor;
    n.chatId = chatId;
    n.text = std::move(text);
    return notify(m_connection, n);
}

std::string ActionNotifier::nameOf(std::int64_t userId) {
    const auto user = store::UserRepository(m_connection).findById(userId);
    if (!user)
        return "Someone";
    return user->displayName.empty() ? user->username : user->displayName;
}

std::string ActionNotifier::groupName(std::int64_t chatId) {
    const auto chat = store::ChatRepository(m_connection).find(chatId);
    return chat && !chat->name.empty() ? chat->name : "a group";
}

}  // namespace server::domain
