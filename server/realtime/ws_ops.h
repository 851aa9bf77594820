// The WebSocket op table: one client frame in, the frames to answer and whether to close out.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/config/logger.h"
#include "server/domain/accounts.h"
#include "server/domain/chat_signals.h"
#include "server/domain/message_sender.h"
#include "server/realtime/connection.h"
#include "server/realtime/session_registry.h"

namespace server::realtime {

// What one socket has established so far. Touched only by the socket's own frames, one at a
// time (hello on a worker while no other frame of the socket is being handled).
struct SocketState {
    std::optional<domain::AuthContext> auth;
};

struct CloseRequest {
    int code = 0;
    std::string reason;
};

struct OpResult {
    std::vector<std::string> frames;  // sent in order, before any close
    std::optional<CloseRequest> close;
};

// The services the ops reach; each must outlive the WsOps.
struct WsServices {
    domain::Accounts& accounts;
    domain::MessageSender& sender;
    domain::ChatSignals& signals;
};

// hello runs on a worker thread (it authenticates against the database); the ops of an
// authenticated socket run on its strand and must not block on a commit. Never throws.
class WsOps {
public:
    // Called exactly once per frame, on any thread (a send answers from the writer's thread once
    // its message is committed); it must not block.
    using Reply = std::function<void(OpResult)>;

    // `heartbeatMs` is what `ready` asks of clients: at most half the idle timeout, so a client
    // that follows it is never closed as idle.
    WsOps(WsServices services, SessionRegistry& registry, config::Logger& logger, int heartbeatMs);

    // A text frame of `connection`. Until the socket is authenticated its frames are handled
    // one at a time (the next one only after `reply` for this one has run); after it, several
    // may await their replies at once (the socket answers them in frame order), so an op
    // touches `state` only before it returns, never from `reply`.
    void handle(SocketState& state, std::string_view text,
                const std::shared_ptr<Connection>& connection, Reply reply);
    // The socket is gone (presence records last_seen once the user goes offline).
    void closed(const Connection& connection);

private:
    WsServices m_services;
    SessionRegistry& m_registry;
    config::Logger& m_logger;
    int m_heartbeatMs;
};

}  // namespace server::realtime
