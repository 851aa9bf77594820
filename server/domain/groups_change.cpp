#include "server/domain/groups_change.h"

#include <algorithm>

#include "common/codec.h"
#include "server/domain/audit_log.h"
#include "server/domain/chat_log.h"
#include "server/store/chat_repository.h"

namespace server::domain {

std::vector<std::int64_t> GroupChange::currentMembers() {
    std::vector<std::int64_t> ids;
    for (const auto& member : store::ChatRepository(m_connection).members(m_chatId))
        ids.push_back(member.userId);
    return ids;
}

void GroupChange::event(std::string_view type, const boost::json::object& data,
                        const std::vector<std::int64_t>& alsoTo) {
    auto logged =
        appendEvent(m_connection, m_chatId, type, m_actor, m_ts, protocol::serialize(data));
    auto users = currentMembers();
    for (const auto id : alsoTo)
        if (std::find(users.begin(), users.end(), id) == users.end())
            users.push_back(id);
    m_deliveries.push_back({std::move(users), std::move(logged.frame)});
}

void GroupChange::logOnly(std::string_view type, const boost::json::object& data) {
    appendEvent(m_connection, m_chatId, type, m_actor, m_ts, protocol::serialize(data));
}

void GroupChange::audit(std::string_view action, std::optional<std::int64_t> target,
                        const boost::json::object& details) {
    recordAudit(m_connection, m_chatId, m_ts, m_actor, action, target,
                protocol::serialize(details));
}

void GroupChange::send(std::vector<std::int64_t> users, const protocol::ServerFrame& frame) {
    m_deliveries.push_back(
        {std::move(users), std::make_shared<const std::string>(protocol::encode(frame))});
}

void GroupChange::notify(const NotificationDelivery& delivery) {
    m_deliveries.push_back({{delivery.userId}, delivery.frame});
}

void GroupChange::finish() {
    if (!m_deleted)
        m_entry = ChatDirectory::load(m_connection, m_chatId);
}

void GroupChange::apply(ChatDirectory& directory, Broadcaster& broadcaster) const {
    directory.publish(m_chatId, m_entry);
    for (const auto& delivery : m_deliveries)
        broadcaster.toUsers(delivery.users, delivery.frame);
}

}  // namespace server::domain
