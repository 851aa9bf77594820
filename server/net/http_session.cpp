#include "server/net/http_session.h"

#include <algorithm>
#include <array>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket/rfc6455.hpp>
#include <chrono>
#include <memory>
#include <optional>

#include "common/errors.h"
#include "server/net/remote_address.h"
#include "server/net/request_target.h"
#include "server/net/websocket_session.h"

namespace server::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using TlsStream = beast::ssl_stream<beast::tcp_stream>;
using protocol::ErrorCode;

constexpr std::string_view kWebSocketPath = "/api/v1/ws";
constexpr auto kLingerTimeout = std::chrono::seconds(5);
constexpr std::size_t kLingerMaxBytes = 64u << 20;

template <class Stream>
constexpr bool kIsTls = std::is_same_v<Stream, TlsStream>;

http::Method toMethod(bhttp::verb verb) {
    return http::methodFromString(bhttp::to_string(verb));
}

template <class Stream>
class HttpSession : public Stoppable, public std::enable_shared_from_this<HttpSession<Stream>> {
public:
    HttpSession(Stream stream, ServerContext& ctx) : m_stream(std::move(stream)), m_ctx(ctx) {}
    ~HttpSession() override {
        if (m_trackId)
            m_ctx.httpSessions.remove(m_trackId);
    }

    void run() {
        m_trackId = m_ctx.httpSessions.add(this->weak_from_this());
        asio::dispatch(m_stream.get_executor(),
                       [self = this->shared_from_this()] { self->start(); });
    }

    void stop() override {
        asio::post(m_stream.get_executor(), [self = this->shared_from_this()] {
            self->m_stopRequested = true;
            if (self->m_idle)
                self->lowest().close();  // nothing in flight: end the keep-alive
        });
    }

private:
    beast::tcp_stream& lowest() { return beast::get_lowest_layer(m_stream); }
    const config::LimitsSection& limits() const { return m_ctx.settings.limits; }

    void start() {
        boost::system::error_code ec;
        const auto peer = lowest().socket().remote_endpoint(ec);
        if (ec)
            return lowest().close();
        m_peer = peer.address();
        if constexpr (kIsTls<Stream>) {
            lowest().expires_after(std::chrono::seconds(limits().handshakeTimeoutS));
            m_stream.async_handshake(
                asio::ssl::stream_base::server,
                [self = this->shared_from_this()](boost::system::error_code e) {
                    if (e)
                        return self->lowest().close();
                    self->readHeader();
                });
        } else {
            readHeader();
        }
    }

    // handshake_timeout_s bounds each request's headers, so it also ends idle keep-alives.
    void readHeader() {
        if (m_stopRequested || m_ctx.httpSessions.stopping())
            return closeGracefully();
        m_parser.emplace();
        m_match = {};
        m_route = "unmatched";
        m_started = std::chrono::steady_clock::now();
        m_parser->header_limit(static_cast<std::uint32_t>(limits().headerKib * 1024));
        // The per-route limit is applied once the path is known; until then the largest one.
        m_parser->body_limit(maxBodyLimit());
        lowest().expires_after(std::chrono::seconds(limits().handshakeTimeoutS));
        m_idle = true;
        bhttp::async_read_header(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](boost::system::error_code ec, std::size_t) {
                self->onHeader(ec);
            });
    }

    std::uint64_t jsonBodyLimit() const {
        return static_cast<std::uint64_t>(limits().jsonBodyKib) * 1024;
    }
    std::uint64_t maxBodyLimit() const {
        return std::max<std::uint64_t>(jsonBodyLimit(),
                                       static_cast<std::uint64_t>(m_ctx.settings.media.maxBytes));
    }

    // Failures of the request itself are answered; failures of the connection just end it.
    bool answerReadError(boost::system::error_code ec) {
        if (ec == bhttp::error::header_limit) {
            replyAndClose(431, ErrorCode::PayloadTooLarge,
                          "headers: larger than " + std::to_string(limits().headerKib) + " KiB");
        } else if (ec == bhttp::error::body_limit) {
            replyAndClose(413, ErrorCode::PayloadTooLarge, "body: larger than allowed");
        } else if (ec.category() == bhttp::make_error_code(bhttp::error::header_limit).category() &&
                   ec != bhttp::error::end_of_stream && ec != bhttp::error::partial_message) {
            replyAndClose(400, ErrorCode::BadRequest, "malformed HTTP request");
        } else {
            return false;
        }
        return true;
    }

    void onHeader(boost::system::error_code ec) {
        m_idle = false;
        if (ec == bhttp::error::end_of_stream)
            return closeGracefully();
        if (ec) {
            if (!answerReadError(ec))
                lowest().close();
            return;
        }
        m_started = std::chrono::steady_clock::now();
        auto& header = m_parser->get();
        try {
            m_target = parseRequestTarget(header.target());
        } catch (const protocol::ApiError& error) {
            return replyAndClose(400, error.code(), error.what());
        }
        if (m_target.path == kWebSocketPath)
            return onWebSocketPath();

        m_match = m_ctx.dispatcher.router().match(toMethod(header.method()), m_target.path);
        m_route = m_match.handler ? m_match.route : "unmatched";
        const std::uint64_t limit = m_match.bodyLimit.value_or(jsonBodyLimit());
        if (const auto length = m_parser->content_length(); length && *length > limit)
            return replyAndClose(413, ErrorCode::PayloadTooLarge,
                                 "body: larger than " + std::to_string(limit) + " bytes");
        m_parser->body_limit(limit);
        if (m_parser->is_done())
            return handleRequest();
        if (beast::iequals(header[bhttp::field::expect], "100-continue"))
            return sendContinue();
        readBody();
    }

    // The client waits for a go-ahead before sending its body (curl does for large bodies).
    void sendContinue() {
        auto message =
            std::make_shared<bhttp::response<bhttp::empty_body>>(bhttp::status::continue_, 11);
        lowest().expires_after(std::chrono::seconds(limits().idleTimeoutS));
        bhttp::async_write(
            m_stream, *message,
            [self = this->shared_from_this(), message](boost::system::error_code ec, std::size_t) {
                if (ec)
                    return self->lowest().close();
                self->readBody();
            });
    }

    void readBody() {
        lowest().expires_after(std::chrono::seconds(limits().idleTimeoutS));
        bhttp::async_read(
            m_stream, m_buffer, *m_parser,
            [self = this->shared_from_this()](boost::system::error_code e, std::size_t) {
                if (e) {
                    if (!self->answerReadError(e))
                        self->lowest().close();
                    return;
                }
                self->handleRequest();
            });
    }

    void onWebSocketPath() {
        auto& header = m_parser->get();
        m_route = std::string(kWebSocketPath);
        if (!beast::websocket::is_upgrade(header))
            return replyAndClose(400, ErrorCode::BadRequest,
                                 "upgrade: /api/v1/ws expects a WebSocket upgrade");
        if (header[bhttp::field::sec_websocket_key].empty())
            return replyAndClose(400, ErrorCode::BadRequest, "sec-websocket-key: missing");
        if (header[bhttp::field::sec_websocket_version] != "13")
            return replyAndClose(400, ErrorCode::BadRequest, "sec-websocket-version: expected 13");
        if (!m_parser->is_done())
            return replyAndClose(400, ErrorCode::BadRequest, "body: not allowed on an upgrade");
        const auto origin = header[bhttp::field::origin];
        const auto& allowed = m_ctx.settings.server.allowedOrigins;
        if (!origin.empty() && std::find(allowed.begin(), allowed.end(), origin) == allowed.end())
            return replyAndClose(403, ErrorCode::Forbidden, "origin: not allowed");
        lowest().expires_never();
        startWebSocketSession(std::move(m_stream), m_parser->release(), m_ctx);
    }

    http::Request makeRequest() {
        auto& message = m_parser->get();
        http::Request request;
        request.method = toMethod(message.method());
        request.path = std::move(m_target.path);
        request.query = std::move(m_target.query);
        request.params = std::move(m_match.params);
        request.body = std::move(message.body());
        request.contentType = std::string(message[bhttp::field::content_type]);
        request.authorization = std::string(message[bhttp::field::authorization]);
        request.remoteAddress = resolveRemoteAddress(m_peer, message["X-Forwarded-For"],
                                                     m_ctx.settings.server.trustedProxies);
        return request;
    }

    void handleRequest() {
        m_keepAlive = m_parser->get().keep_alive();
        lowest().expires_never();  // the handler may take its time; the write gets a deadline
        auto job = [self = this->shared_from_this(), request = makeRequest(), match = m_match,
                    work = asio::make_work_guard(m_stream.get_executor())]() mutable {
            auto response = self->m_ctx.dispatcher.respond(request, match);
            asio::post(self->m_stream.get_executor(),
                       [self, response = std::move(response)]() mutable {
                           self->write(std::move(response), self->m_keepAlive, false);
                       });
        };
        asio::post(m_ctx.workers, std::move(job));
    }

    void replyAndClose(unsigned status, ErrorCode code, const std::string& message) {
        auto response = http::errorResponse(code, message);
        response.status = status;
        const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - m_started;
        m_ctx.dispatcher.record(m_route, status, elapsed.count());
        write(std::move(response), false, true);
    }

    void write(http::Response response, bool keepAlive, bool requestUnread) {
        keepAlive = keepAlive && !m_stopRequested && !m_ctx.httpSessions.stopping();
        auto message = std::make_shared<bhttp::response<bhttp::string_body>>(
            static_cast<bhttp::status>(response.status), 11);
        message->set(bhttp::field::server, "messenger-server/" MESSENGER_VERSION);
        if (!response.contentType.empty())
            message->set(bhttp::field::content_type, response.contentType);
        for (const auto& [name, value] : response.headers)
            message->set(name, value);
        message->keep_alive(keepAlive);
        message->body() = std::move(response.body);
        message->prepare_payload();
        lowest().expires_after(std::chrono::seconds(limits().idleTimeoutS));
        bhttp::async_write(m_stream, *message,
                           [self = this->shared_from_this(), message, keepAlive, requestUnread](
                               boost::system::error_code ec, std::size_t) {
                               if (ec)
                                   return self->lowest().close();
                               if (requestUnread)
                                   return self->linger();
                               if (!keepAlive)
                                   return self->closeGracefully();
                               self->readHeader();
                           });
    }

    // The answer went out before the request was read to its end. Closing now could reset the
    // connection before the client reads the answer, so read and drop the rest for a while.
    void linger() {
        if constexpr (!kIsTls<Stream>) {
            boost::system::error_code ignored;
            lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
        }
        lowest().expires_after(kLingerTimeout);
        drain();
    }

    void drain() {
        m_stream.async_read_some(
            asio::buffer(m_drainBuffer),
            [self = this->shared_from_this()](boost::system::error_code ec, std::size_t n) {
                self->m_drained += n;
                if (ec || self->m_drained > kLingerMaxBytes)
                    return self->lowest().close();
                self->drain();
            });
    }

    void closeGracefully() {
        if constexpr (kIsTls<Stream>) {
            lowest().expires_after(kLingerTimeout);
            // A peer that closes without close_notify (stream_truncated) is common and harmless
            // here: the answer was complete, and HTTP framing, not TLS, told the peer its length.
            m_stream.async_shutdown([self = this->shared_from_this()](boost::system::error_code) {
                self->lowest().close();
            });
        } else {
            boost::system::error_code ignored;
            lowest().socket().shutdown(asio::ip::tcp::socket::shutdown_send, ignored);
            lowest().close();
        }
    }

    Stream m_stream;
    ServerContext& m_ctx;
    beast::flat_buffer m_buffer;
    std::optional<bhttp::request_parser<bhttp::string_body>> m_parser;
    RequestTarget m_target;
    http::Router::Match m_match;
    std::string m_route = "unmatched";
    asio::ip::address m_peer;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::uint64_t m_trackId = 0;
    bool m_idle = false;
    bool m_stopRequested = false;
    bool m_keepAlive = false;
    std::array<char, 16384> m_drainBuffer{};
    std::size_t m_drained = 0;
};

}  // namespace

void startHttpSession(asio::ip::tcp::socket socket, ServerContext& ctx) {
    if (ctx.tls) {
        std::make_shared<HttpSession<TlsStream>>(TlsStream(std::move(socket), *ctx.tls), ctx)
            ->run();
    } else {
        std::make_shared<HttpSession<beast::tcp_stream>>(beast::tcp_stream(std::move(socket)), ctx)
            ->run();
    }
}

}  // namespace server::net
