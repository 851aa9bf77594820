// The WebSocket op table: one client frame in, the frames to answer and whether to close out.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/config/logger.h"
#include "server/domain/accounts.h"
#include "server/realtime/connection.h"
#include "server/realtime/session_registry.h"

namespace server::realtime {

// What one socket has established so far. Touched only by the socket's own, sequential frames.
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

// Runs on a worker thread (hello authenticates against the database). Never throws.
class WsOps {
public:
    // `heartbeatMs` is what `ready` asks of clients: at most half the idle timeout, so a client
    // that follows it is never closed as idle.
    WsOps(domain::Accounts& accounts, SessionRegistry& registry, config::Logger& logger,
          int heartbeatMs);

    // A text frame of `connection`. Frames of one socket are handled one at a time, in order.
    OpResult handle(SocketState& state, std::string_view text,
                    const std::shared_ptr<Connection>& connection);
    // The socket is gone; the last one of its user records last_seen.
    void closed(const Connection& connection);

private:
    domain::Accounts& m_accounts;
    SessionRegistry& m_registry;
    config::Logger& m_logger;
    int m_heartbeatMs;
};

}  // namespace server::realtime
