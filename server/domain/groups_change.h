// One group change inside its writer op: its events, audit entries and frames, applied in order.
#pragma once

#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/ws_frames.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/notifications.h"
#include "server/store/connection.h"

namespace server::domain {

// Built on the writer thread by the op and applied by the op's completion, which runs after the
// commit and in commit order: the directory gets the chat's new entry first, then the frames go
// out, so who receives what is decided in the order changes were committed.
class GroupChange {
public:
    GroupChange(store::Connection& connection, std::int64_t chatId, std::int64_t actor,
                std::int64_t ts)
        : m_connection(connection), m_chatId(chatId), m_actor(actor), m_ts(ts) {}

    store::Connection& connection() { return m_connection; }
    std::int64_t chatId() const { return m_chatId; }
    // For an op that makes the chat.
    void setChatId(std::int64_t chatId) { m_chatId = chatId; }
    std::int64_t actor() const { return m_actor; }
    std::int64_t ts() const { return m_ts; }

    // Appends the event to the chat's log and relays it to the members present now (after the
    // change) and to `alsoTo` (a removed member gets its own member.removed).
    void event(std::string_view type, const boost::json::object& data,
               const std::vector<std::int64_t>& alsoTo = {});
    // Appends the event to the chat's log without relaying it (a new group's first events: its
    // members learn of the chat from chat.added, whose last_seq covers them).
    void logOnly(std::string_view type, const boost::json::object& data);
    // Appends to the group's audit log.
    void audit(std::string_view action, std::optional<std::int64_t> target,
               const boost::json::object& details = {});
    // Relays a frame that is not an event (chat.added, chat.removed).
    void send(std::vector<std::int64_t> users, const protocol::ServerFrame& frame);
    // Relays a notification stored in this op (notify()) to its user, in order with the frames.
    void notify(const NotificationDelivery& delivery);
    // The chat is gone: its entry is forgotten instead of reloaded.
    void markDeleted() { m_deleted = true; }

    // In the op, last: reads the chat's entry as the op leaves it.
    void finish();
    // In the completion, after a successful commit.
    void apply(ChatDirectory& directory, Broadcaster& broadcaster) const;

private:
    struct Delivery {
        std::vector<std::int64_t> users;
        std::shared_ptr<const std::string> frame;
    };

    std::vector<std::int64_t> currentMembers();

    store::Connection& m_connection;
    std::int64_t m_chatId;
    std::int64_t m_actor;
    std::int64_t m_ts;
    bool m_deleted = false;
    std::shared_ptr<const ChatEntry> m_entry;
    std::vector<Delivery> m_deliveries;
};

}  // namespace server::domain
