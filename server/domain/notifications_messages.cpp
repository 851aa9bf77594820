#include "server/domain/notifications_messages.h"

#include <algorithm>
#include <string>

#include "server/domain/mentions.h"
#include "server/store/chat_repository.h"
#include "server/store/message_repository.h"
#include "server/store/user_repository.h"

namespace server::domain {
namespace {

class Collector {
public:
    Collector(store::Connection& connection, const protocol::Message& message)
        : m_connection(connection), m_message(message) {}

    void add(std::int64_t userId, std::string_view type) {
        if (userId == m_message.sender ||
            std::find(m_notified.begin(), m_notified.end(), userId) != m_notified.end())
            return;
        const auto member = store::ChatRepository(m_connection).member(m_message.chatId, userId);
        if (!member)
            return;
        m_notified.push_back(userId);
        if (member->notificationsMutedUntil && *member->notificationsMutedUntil > m_message.ts)
            return;
        NewNotification n;
        n.userId = userId;
        n.type = type;
        n.ts = m_message.ts;
        n.actor = m_message.sender;
        n.chatId = m_message.chatId;
        n.messageId = m_message.id;
        n.text = textPreview(m_message.text);
        m_deliveries.push_back(notify(m_connection, n));
    }

    std::vector<NotificationDelivery> take() { return std::move(m_deliveries); }

private:
    store::Connection& m_connection;
    const protocol::Message& m_message;
    std::vector<std::int64_t> m_notified;
    std::vector<NotificationDelivery> m_deliveries;
};

}  // namespace

std::string textPreview(const std::string& text, std::size_t limit) {
    std::size_t points = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80 && points++ == limit)
            return text.substr(0, i);
    }
    return text;
}

std::vector<NotificationDelivery> messageNotifications(store::Connection& connection,
                                                       const protocol::Message& message) {
    Collector collector(connection, message);
    if (message.text.find('@') != std::string::npos) {
        store::UserRepository users(connection);
        for (const auto& name : mentionedUsernames(message.text))
            if (const auto user = users.findByUsername(name))
                collector.add(user->id, notificationType::Mention);
    }
    if (message.replyTo)
        if (const auto target = store::MessageRepository(connection).find(*message.replyTo))
            collector.add(target->sender, notificationType::Reply);
    return collector.take();
}

}  // namespace server::domain
