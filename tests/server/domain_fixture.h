// The server's domain over a real SQLite file, with the real-time side recorded.
#pragma once

#include <QString>
#include <atomic>
#include <boost/json/object.hpp>
#include <cstdint>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "common/errors.h"
#include "server/domain/chat_signals.h"
#include "server/domain/chats.h"
#include "server/domain/friends.h"
#include "server/domain/message_sender.h"
#include "server/domain/messages.h"
#include "server/store/database.h"
#include "server/store/search_index.h"
#include "server/store/writer.h"

namespace test {

class RecordingSessions : public server::domain::SessionEvents {
public:
    void tokensRevoked(std::int64_t, const std::vector<std::string>&) override {}
    bool isOnline(std::int64_t userId) const override;
    void setOnline(std::int64_t userId);

private:
    mutable std::mutex m_mutex;
    std::set<std::int64_t> m_online;
};

class RecordingBroadcaster : public server::domain::Broadcaster {
public:
    struct Sent {
        std::vector<std::int64_t> users;
        std::string frame;
        server::domain::SocketId except;
    };
    void toUsers(const std::vector<std::int64_t>& users, std::shared_ptr<const std::string> frame,
                 server::domain::SocketId except) override;
    // The frames with this op that reached `userId`, oldest first.
    std::vector<boost::json::object> to(std::int64_t userId, std::string_view op) const;
    void clear();

private:
    mutable std::mutex m_mutex;
    std::vector<Sent> m_sent;
};

class ManualClock : public server::domain::Clock {
public:
    std::int64_t nowMs() const override { return m_now += 1; }

private:
    mutable std::atomic<std::int64_t> m_now{1'700'000'000'000};
};

// The error code name `call` throws as an ApiError, or "none".
template <class F>
QString errorOf(F&& call) {
    try {
        call();
    } catch (const protocol::ApiError& error) {
        return QString::fromUtf8(protocol::errorCodeName(error.code()));
    }
    return "none";
}

struct Domain {
    explicit Domain(const QString& folder);

    std::int64_t addUser(const std::string& name);
    // Two users made friends; returns their direct chat.
    std::int64_t befriend(std::int64_t a, std::int64_t b);
    protocol::Message send(std::int64_t user, std::int64_t chat, const std::string& text,
                           const std::string& clientId);

    RecordingSessions sessions;
    RecordingBroadcaster broadcaster;
    ManualClock clock;
    server::store::Database database;
    server::store::Writer writer;
    server::store::SearchIndex search;
    server::domain::UserViews users;
    server::domain::ChatDirectory directory;
    server::domain::Chats chats;
    server::domain::Friends friends;
    server::domain::MessageSender sender;
    server::domain::Messages messages;
    server::domain::ChatSignals chatSignals;
};

}  // namespace test
