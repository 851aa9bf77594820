#include "server/realtime/ws_ops.h"

#include <variant>

#include "common/codec.h"

namespace server::realtime {
namespace {

using protocol::ErrorCode;

struct OpContext {
    SocketState& state;
    const std::shared_ptr<Connection>& connection;
    domain::Accounts& accounts;
    SessionRegistry& registry;
    int heartbeatMs;
};

std::string errorFrame(ErrorCode code, std::optional<std::string> message = std::nullopt,
                       std::optional<std::string> clientId = std::nullopt,
                       std::optional<int> retryAfterMs = std::nullopt) {
    protocol::ws::Error error;
    error.code = std::string(protocol::errorCodeName(code));
    error.message = std::move(message);
    error.clientId = std::move(clientId);
    error.retryAfterMs = retryAfterMs;
    return protocol::encode(protocol::ServerFrame{std::move(error)});
}

OpResult reply(std::string frame) {
    OpResult result;
    result.frames.push_back(std::move(frame));
    return result;
}

OpResult unauthorized(std::string reason) {
    OpResult result = reply(errorFrame(ErrorCode::Unauthorized, reason));
    result.close = CloseRequest{close_code::kUnauthorized, std::move(reason)};
    return result;
}

OpResult hello(OpContext& ctx, const protocol::ws::Hello& frame) {
    if (ctx.state.auth)
        return reply(errorFrame(ErrorCode::BadRequest, "op: hello was already sent"));
    auto auth = ctx.accounts.authenticate(frame.token);
    if (!auth)
        return unauthorized("token: unknown, revoked or expired");
    ctx.registry.authenticated(*ctx.connection, auth->userId, auth->tokenHash);
    ctx.state.auth = std::move(auth);
    protocol::ws::Ready ready;
    ready.user = ctx.accounts.user(ctx.state.auth->userId);
    ready.heartbeatMs = ctx.heartbeatMs;
    return reply(protocol::encode(protocol::ServerFrame{std::move(ready)}));
}

OpResult ping(OpContext&, const protocol::ws::Ping& frame) {
    return reply(protocol::encode(protocol::ServerFrame{protocol::ws::Pong{frame.nonce}}));
}

// No chat exists before the chats milestone; the same ops will reach the chat services then.
OpResult send(OpContext&, const protocol::ws::Send& frame) {
    return reply(errorFrame(ErrorCode::NotFound, "chat_id: no such chat", frame.clientId));
}

OpResult typing(OpContext&, const protocol::ws::TypingIn&) {
    return reply(errorFrame(ErrorCode::NotFound, "chat_id: no such chat"));
}

OpResult read(OpContext&, const protocol::ws::ReadIn&) {
    return reply(errorFrame(ErrorCode::NotFound, "chat_id: no such chat"));
}

OpResult dispatch(OpContext& ctx, const protocol::ClientFrame& frame) {
    if (!ctx.state.auth && !std::holds_alternative<protocol::ws::Hello>(frame))
        return unauthorized("op: hello must come first");
    return std::visit(
        [&](const auto& op) -> OpResult {
            using Op = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<Op, protocol::ws::Hello>)
                return hello(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::Ping>)
                return ping(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::Send>)
                return send(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::TypingIn>)
                return typing(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::ReadIn>)
                return read(ctx, op);
        },
        frame);
}

std::optional<std::string> clientIdOf(std::string_view text) {
    try {
        const auto json = protocol::parseJson(text);
        if (const auto* object = json.if_object())
            if (const auto* id = object->if_contains("client_id"); id && id->is_string())
                return std::string(id->as_string());
    } catch (const std::exception&) {
    }
    return std::nullopt;
}

}  // namespace

WsOps::WsOps(domain::Accounts& accounts, SessionRegistry& registry, config::Logger& logger,
             int heartbeatMs)
    : m_accounts(accounts), m_registry(registry), m_logger(logger), m_heartbeatMs(heartbeatMs) {}

OpResult WsOps::handle(SocketState& state, std::string_view text,
                       const std::shared_ptr<Connection>& connection) {
    OpContext ctx{state, connection, m_accounts, m_registry, m_heartbeatMs};
    try {
        return dispatch(ctx, protocol::decode<protocol::ClientFrame>(text));
    } catch (const protocol::ApiError& error) {
        // A frame that names its client_id gets it back, so a client can match the failure.
        return reply(
            errorFrame(error.code(), error.what(), clientIdOf(text), error.retryAfterMs()));
    } catch (const std::exception& error) {
        m_logger.error(std::string("websocket op failed: ") + error.what());
        return reply(errorFrame(ErrorCode::Internal, "internal error"));
    }
}

void WsOps::closed(const Connection& connection) {
    const auto lastOfUser = m_registry.closed(connection);
    if (!lastOfUser)
        return;
    try {
        m_accounts.socketsClosed(*lastOfUser);
    } catch (const std::exception& error) {
        m_logger.warn(std::string("recording last_seen failed: ") + error.what());
    }
}

}  // namespace server::realtime
