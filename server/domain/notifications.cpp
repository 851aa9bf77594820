#include "server/domain/notifications.h"

#include "common/codec.h"
#include "common/errors.h"
#include "common/ws_frames.h"
#include "server/store/notification_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;

protocol::Notification toNotification(store::NotificationRow row) {
    return {row.id,        row.ts,   std::move(row.type), row.actor, row.chatId,
            row.messageId, row.read, std::move(row.text)};
}

}  // namespace

NotificationDelivery notify(store::Connection& connection, const NewNotification& notification) {
    store::NotificationRow row;
    row.userId = notification.userId;
    row.ts = notification.ts;
    row.type = std::string(notification.type);
    row.actor = notification.actor;
    row.chatId = notification.chatId;
    row.messageId = notification.messageId;
    row.text = notification.text;
    row.id = store::NotificationRepository(connection).insert(row);
    NotificationDelivery delivery;
    delivery.userId = notification.userId;
    delivery.notification = toNotification(std::move(row));
    delivery.frame = std::make_shared<const std::string>(protocol::encode(
        protocol::ServerFrame{protocol::ws::NotificationOut{delivery.notification}}));
    return delivery;
}

std::int64_t unreadNotifications(store::Database& database, std::int64_t userId) {
    return database.read([userId](store::Connection& c) {
        return store::NotificationRepository(c).unreadCount(userId);
    });
}

Notifications::Notifications(store::Database& database, store::Writer& writer,
                             ChatDirectory& directory)
    : m_database(database), m_writer(writer), m_directory(directory) {}

std::vector<protocol::Notification> Notifications::list(std::int64_t userId,
                                                        std::optional<std::int64_t> before,
                                                        std::optional<std::int64_t> limit) {
    if (limit && (*limit < 1 || *limit > kMaxPage))
        throw ApiError(ErrorCode::BadRequest, "limit: must be 1 to " + std::to_string(kMaxPage));
    if (before && *before < 1)
        throw ApiError(ErrorCode::BadRequest, "before: must be a notification id");
    const int size = limit ? static_cast<int>(*limit) : kDefaultPage;
    return m_database.read([&](store::Connection& c) {
        std::vector<protocol::Notification> result;
        for (auto& row : store::NotificationRepository(c).list(userId, before, size))
            result.push_back(toNotification(std::move(row)));
        return result;
    });
}

void Notifications::markRead(std::int64_t userId, std::int64_t upTo) {
    if (upTo < 1)
        throw ApiError(ErrorCode::BadRequest, "up_to: must be a notification id");
    m_writer.run<int>([&](store::Connection& c) {
        return store::NotificationRepository(c).markRead(userId, upTo);
    });
}

void Notifications::muteChat(std::int64_t userId, std::int64_t chatId,
                             std::optional<std::int64_t> until) {
    if (until && *until < 0)
        throw ApiError(ErrorCode::BadRequest, "muted_until: must be a time in ms, or null");
    m_directory.requireMember(chatId, userId);
    const bool found = m_writer.run<bool>([&](store::Connection& c) {
        return store::NotificationRepository(c).setChatMute(chatId, userId, until);
    });
    if (!found)
        throw ApiError(ErrorCode::NotFound, "chat_id: no such chat");
}

}  // namespace server::domain
