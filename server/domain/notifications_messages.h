// The notifications a new group message makes: mentions of members and a reply to a member.
#pragma once

#include <string>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/notifications.h"
#include "server/store/connection.h"

namespace server::domain {

// Preview length of a notification's text, in code points.
inline constexpr std::size_t kNotificationPreview = 140;

// The first `limit` code points of valid UTF-8 text.
std::string textPreview(const std::string& text, std::size_t limit = kNotificationPreview);

// Inside the send's writer op, after the message is stored: a `mention` for each member named
// as `@username` in the text, and a `reply` to the sender of the message replied to, each user
// at most once (a mention wins), never the sender, never a non-member, and nobody whose
// notifications of the chat are muted at the message's time. Relay each delivery's frame after
// the commit. Direct chats make none: every message there is already for the peer.
std::vector<NotificationDelivery> messageNotifications(store::Connection& connection,
                                                       const protocol::Message& message);

}  // namespace server::domain
