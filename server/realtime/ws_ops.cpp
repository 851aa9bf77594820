#include "server/realtime/ws_ops.h"

#include <variant>

#include "common/codec.h"
#include "server/domain/json_text.h"

namespace server::realtime {
namespace {

using protocol::ErrorCode;

struct OpContext {
    SocketState& state;
    const std::shared_ptr<Connection>& connection;
    WsServices& services;
    SessionRegistry& registry;
    config::Logger& logger;
    int heartbeatMs;
    WsOps::Reply& reply;
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

OpResult single(std::string frame) {
    OpResult result;
    result.frames.push_back(std::move(frame));
    return result;
}

// The error frame of a failure the domain reported asynchronously.
std::string failureFrame(std::exception_ptr error, const std::optional<std::string>& clientId,
                         config::Logger& logger) {
    try {
        std::rethrow_exception(error);
    } catch (const protocol::ApiError& e) {
        return errorFrame(e.code(), e.what(), clientId, e.retryAfterMs());
    } catch (const std::exception& e) {
        logger.error(std::string("websocket op failed: ") + e.what());
    }
    return errorFrame(ErrorCode::Internal, "internal error", clientId);
}

OpResult unauthorized(std::string reason) {
    OpResult result = single(errorFrame(ErrorCode::Unauthorized, reason));
    result.close = CloseRequest{close_code::kUnauthorized, std::move(reason)};
    return result;
}

void hello(OpContext& ctx, const protocol::ws::Hello& frame) {
    if (ctx.state.auth)
        return ctx.reply(single(errorFrame(ErrorCode::BadRequest, "op: hello was already sent")));
    auto auth = ctx.services.accounts.authenticate(frame.token);
    if (!auth)
        return ctx.reply(unauthorized("token: unknown, revoked or expired"));
    ctx.registry.authenticated(*ctx.connection, auth->userId, auth->tokenHash);
    ctx.state.auth = std::move(auth);
    protocol::ws::Ready ready;
    ready.user = ctx.services.accounts.user(ctx.state.auth->userId);
    ready.heartbeatMs = ctx.heartbeatMs;
    ctx.reply(single(protocol::encode(protocol::ServerFrame{std::move(ready)})));
}

void ping(OpContext& ctx, const protocol::ws::Ping& frame) {
    ctx.reply(single(protocol::encode(protocol::ServerFrame{protocol::ws::Pong{frame.nonce}})));
}

// Answered from the writer's thread once the message is committed (and relayed).
void send(OpContext& ctx, const protocol::ws::Send& frame) {
    domain::SendInput input{frame.chatId, frame.clientId, frame.text, frame.media, frame.replyTo};
    ctx.services.sender.send(
        ctx.state.auth->userId, std::move(input),
        [reply = ctx.reply, clientId = frame.clientId,
         &logger = ctx.logger](domain::SendOutcome outcome) {
            if (outcome.error)
                return reply(single(failureFrame(outcome.error, clientId, logger)));
            if (outcome.messageJson.empty())
                return reply(single(protocol::encode(protocol::ServerFrame{
                    protocol::ws::Ack{clientId, std::move(outcome.message)}})));
            // The message's JSON was written once for its event: the ack reuses it.
            std::string ack = R"({"op":"ack","client_id":)";
            domain::json_text::appendString(ack, clientId);
            ack += R"(,"message":)";
            ack += outcome.messageJson;
            ack += '}';
            reply(single(std::move(ack)));
        });
}

void typing(OpContext& ctx, const protocol::ws::TypingIn& frame) {
    ctx.services.signals.typing(ctx.state.auth->userId, frame.chatId);
    ctx.reply({});
}

void read(OpContext& ctx, const protocol::ws::ReadIn& frame) {
    ctx.services.signals.read(
        ctx.state.auth->userId, frame.chatId, frame.seq, ctx.connection->socketId(),
        [reply = ctx.reply, &logger = ctx.logger](std::exception_ptr error) {
            reply(error ? single(failureFrame(error, std::nullopt, logger)) : OpResult{});
        });
}

void dispatch(OpContext& ctx, const protocol::ClientFrame& frame) {
    if (!ctx.state.auth && !std::holds_alternative<protocol::ws::Hello>(frame))
        return ctx.reply(unauthorized("op: hello must come first"));
    std::visit(
        [&](const auto& op) {
            using Op = std::decay_t<decltype(op)>;
            if constexpr (std::is_same_v<Op, protocol::ws::Hello>)
                hello(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::Ping>)
                ping(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::Send>)
                send(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::TypingIn>)
                typing(ctx, op);
            if constexpr (std::is_same_v<Op, protocol::ws::ReadIn>)
                read(ctx, op);
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

WsOps::WsOps(WsServices services, SessionRegistry& registry, config::Logger& logger,
             int heartbeatMs)
    : m_services(services), m_registry(registry), m_logger(logger), m_heartbeatMs(heartbeatMs) {}

// An op either replies (possibly later) or throws before replying; a throw becomes the error
// frame here, so `reply` runs exactly once either way.
void WsOps::handle(SocketState& state, std::string_view text,
                   const std::shared_ptr<Connection>& connection, Reply reply) {
    OpContext ctx{state, connection, m_services, m_registry, m_logger, m_heartbeatMs, reply};
    try {
        dispatch(ctx, protocol::decode<protocol::ClientFrame>(text));
    } catch (const protocol::ApiError& error) {
        // A frame that names its client_id gets it back, so a client can match the failure.
        reply(
            single(errorFrame(error.code(), error.what(), clientIdOf(text), error.retryAfterMs())));
    } catch (const std::exception& error) {
        m_logger.error(std::string("websocket op failed: ") + error.what());
        reply(single(errorFrame(ErrorCode::Internal, "internal error")));
    }
}

void WsOps::closed(const Connection& connection) {
    m_registry.closed(connection);
}

}  // namespace server::realtime
