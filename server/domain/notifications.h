// The notifications service: storing a user's notifications, their live frame, reading them.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/chat_directory.h"
#include "server/domain/clock.h"
#include "server/store/connection.h"
#include "server/store/database.h"
#include "server/store/writer.h"

namespace server::domain {

// The `type` of a Notification (PROTOCOL.md "Notifications").
namespace notificationType {
inline constexpr std::string_view FriendRequest = "friend_request";
inline constexpr std::string_view FriendAccepted = "friend_accepted";
inline constexpr std::string_view GroupAdded = "group_added";
inline constexpr std::string_view RoleChanged = "role_changed";
inline constexpr std::string_view Kicked = "kicked";
inline constexpr std::string_view Banned = "banned";
inline constexpr std::string_view Mention = "mention";
inline constexpr std::string_view Reply = "reply";
}  // namespace notificationType

struct NewNotification {
    std::int64_t userId = 0;  // who is notified
    std::string_view type;    // one of notificationType
    std::int64_t ts = 0;
    std::optional<std::int64_t> actor;
    std::optional<std::int64_t> chatId;
    std::optional<std::int64_t> messageId;
    std::string text;  // a short preview the client may show
};

// A stored notification and its {"op":"notification"} frame, to relay to its user's sockets
// after the commit of the op that stored it (Broadcaster::toUsers({userId}, frame)).
struct NotificationDelivery {
    std::int64_t userId = 0;
    protocol::Notification notification;
    std::shared_ptr<const std::string> frame;
};

// Stores a notification inside the caller's writer op (so it commits with what it reports)
// and returns it with its frame; relay the frame from the op's completion.
NotificationDelivery notify(store::Connection& connection, const NewNotification& notification);

// The user's unread count, for GET /me's `unread_notifications`.
std::int64_t unreadNotifications(store::Database& database, std::int64_t userId);

// PROTOCOL.md "Notifications": reading, marking read, and a chat's notification mute.
// Thread-safe; calls block on reads and the writer, so call them from a worker thread.
// Failures are thrown as protocol::ApiError.
class Notifications {
public:
    static constexpr int kDefaultPage = 50;
    static constexpr int kMaxPage = 100;

    Notifications(store::Database& database, store::Writer& writer, ChatDirectory& directory);

    // Newest first; `before` an id (default: the newest), `limit` 1..100 (default 50).
    std::vector<protocol::Notification> list(std::int64_t userId,
                                             std::optional<std::int64_t> before,
                                             std::optional<std::int64_t> limit);
    // Marks every notification of the user with id <= upTo read (an id, 400 otherwise).
    void markRead(std::int64_t userId, std::int64_t upTo);
    // Sets the caller's notifications_muted_until of the chat (null: unmuted); 404 for a chat
    // the caller is not in; a negative time is 400. While muted, messages of the chat make no
    // mention or reply notifications for the caller.
    void muteChat(std::int64_t userId, std::int64_t chatId, std::optional<std::int64_t> until);

private:
    store::Database& m_database;
    store::Writer& m_writer;
    ChatDirectory& m_directory;
};

}  // namespace server::domain
