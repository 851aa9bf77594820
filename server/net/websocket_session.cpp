#include "server/net/websocket_session.h"

#include <array>
#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/ssl.hpp>
#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <chrono>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>
#include <vector>

#include "common/codec.h"
#include "server/net/socket_id.h"
#include "server/net/websocket_session_stream.h"
#include "server/net/websocket_session_wakeups.h"

namespace server::net {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace websocket = boost::beast::websocket;
using Clock = std::chrono::steady_clock;

// How long a close may wait for the peer (or for a write the peer does not read) before the
// socket is simply dropped.
constexpr auto kCloseDeadline = std::chrono::seconds(5);

// An authenticated socket reads on while this many of its ops await their answers (a send waits
// for its group commit): a sender's next messages join the commit its earlier ones wait for.
constexpr std::size_t kMaxOpsInFlight = 32;

// One write takes at most this many queued frames (asio gathers up to 64 buffers per system
// call: a header and a payload per frame).
constexpr std::size_t kFramesPerWrite = 32;
// The longest header of a server frame: opcode byte, 127, 8 length bytes (never masked).
constexpr std::size_t kMaxHeader = 10;

// The header of a whole text message from a server: FIN, opcode 1, no mask, no compression
// (the session never offers permessage-deflate). Returns its length.
std::size_t textFrameHeader(std::size_t payload, unsigned char* out) {
    out[0] = 0x81;
    if (payload < 126) {
        out[1] = static_cast<unsigned char>(payload);
        return 2;
    }
    if (payload <= 0xffff) {
        out[1] = 126;
        out[2] = static_cast<unsigned char>(payload >> 8);
        out[3] = static_cast<unsigned char>(payload);
        return 4;
    }
    out[1] = 127;
    for (int i = 0; i < 8; ++i)
        out[2 + i] =
            static_cast<unsigned char>(static_cast<std::uint64_t>(payload) >> (56 - 8 * i));
    return 10;
}

template <class Stream>
class WebSocketSession : public realtime::Connection,
                         public Wakeable,
                         public std::enable_shared_from_this<WebSocketSession<Stream>> {
    // TLS frames go through the TLS stream's async writes only.
    static constexpr bool kPlain = std::is_same_v<Stream, beast::tcp_stream>;

public:
    WebSocketSession(Stream&& stream, ServerContext& ctx)
        : m_ws(SerialWriteStream<Stream>(std::move(stream))),
          m_ctx(ctx),
          m_wakeups(asio::use_service<SessionWakeups>(
              asio::query(m_ws.get_executor(), asio::execution::context))),
          m_onIoContext(m_ws.get_executor().template target<asio::io_context::executor_type>() !=
                        nullptr),
          m_queueLimit(static_cast<std::size_t>(ctx.settings.limits.socketQueueKib) * 1024),
          m_executor(m_ws.get_executor()),
          m_idleTimer(m_ws.get_executor()),
          m_helloTimer(m_ws.get_executor()),
          m_closeTimer(m_ws.get_executor()) {
        m_ctx.metrics.connectionOpened();
    }
    ~WebSocketSession() override { m_ctx.metrics.connectionClosed(); }

    void run(UpgradeRequest request) {
        const auto& limits = m_ctx.settings.limits;
        websocket::stream_base::timeout timeouts{};
        timeouts.handshake_timeout = std::chrono::seconds(limits.handshakeTimeoutS);
        timeouts.idle_timeout = websocket::stream_base::none();  // our own timer closes with 4000
        timeouts.keep_alive_pings = false;
        m_ws.set_option(timeouts);
        m_ws.set_option(websocket::stream_base::decorator([](websocket::response_type& response) {
            response.set(beast::http::field::server, "messenger-server/" MESSENGER_VERSION);
        }));
        m_ws.read_message_max(static_cast<std::size_t>(limits.frameKib) * 1024);
        // Any frame counts as activity, WebSocket pings included (Beast answers them itself).
        m_ws.control_callback(
            [this](websocket::frame_type, beast::string_view) { m_lastActivity = Clock::now(); });
        m_ws.async_accept(request, [self = this->shared_from_this()](beast::error_code ec) {
            self->onAccept(ec);
        });
    }

    void send(std::shared_ptr<const std::string> frame) override {
        bool first = false;
        {
            std::lock_guard lock(m_inboxMutex);
            first = m_inbox.empty();
            m_inbox.push_back(std::move(frame));
        }
        if (first)
            scheduleDrain();
    }

    domain::SocketId socketId() const override { return m_socketId; }

    void close(int code, std::string reason) override {
        asio::dispatch(m_ws.get_executor(),
                       [self = this->shared_from_this(), code, reason = std::move(reason)] {
                           self->beginClose(code, reason, false);
                       });
    }

private:
    // The answer of the op of the socket's `seq`-th frame.
    struct Answer {
        std::uint64_t seq = 0;
        realtime::OpResult result;
    };
    // Frames (send) and answers reach the strand through the inbox, in arrival order, in
    // bursts: the writer's thread completes a whole group commit at once, so a send's own event
    // and its ack reach the strand together, and the sockets of a whole commit are woken by one
    // post (SessionWakeups).
    void answerToStrand(Answer answer) {
        bool first = false;
        {
            std::lock_guard lock(m_inboxMutex);
            first = m_inbox.empty();
            m_inboxAnswers.push_back(std::move(answer));
            m_inbox.emplace_back();  // its place among the frames
        }
        if (first)
            scheduleDrain();
    }

    // Called by the first item of a burst only: the wake-up scheduled then takes the others.
    void scheduleDrain() { m_wakeups.schedule(this->shared_from_this(), m_executor); }

    void wake() override {
        // A session on the io_context itself (one io thread, see Listener) is already on its
        // own thread here: no dispatch, which would wrap the call in a type-erased function.
        if (m_onIoContext)
            return drainInbox();
        asio::dispatch(m_executor, [self = this->shared_from_this()] { self->drainInbox(); });
    }

    void drainInbox() {
        {
            std::lock_guard lock(m_inboxMutex);
            m_draining.swap(m_inbox);
            m_drainingAnswers.swap(m_inboxAnswers);
        }
        auto answer = m_drainingAnswers.begin();
        for (auto& frame : m_draining) {
            if (frame)
                enqueue(std::move(frame));
            else
                onAnswered(std::move(*answer++));
        }
        m_draining.clear();
        m_drainingAnswers.clear();
        flush();
    }

    std::shared_ptr<realtime::Connection> asConnection() {
        return std::static_pointer_cast<realtime::Connection>(this->shared_from_this());
    }

    void onAccept(beast::error_code ec) {
        if (ec)
            return;  // the handshake failed; Beast has answered it
        m_open = true;
        if constexpr (kPlain) {
            // Frames are written at once when the socket takes them (see flush): never blocking.
            beast::error_code ignored;
            beast::get_lowest_layer(m_ws).socket().non_blocking(true, ignored);
        }
        m_ctx.registry.opened(asConnection());
        m_lastActivity = Clock::now();
        armIdleTimer(std::chrono::seconds(m_ctx.settings.limits.idleTimeoutS));
        m_helloTimer.expires_after(std::chrono::seconds(m_ctx.settings.limits.helloTimeoutS));
        m_helloTimer.async_wait([self = this->shared_from_this()](beast::error_code e) {
            if (!e && !self->m_state.auth)
                self->beginClose(realtime::close_code::kUnauthorized, "no hello", false);
        });
        read();
    }

    void armIdleTimer(Clock::duration after) {
        m_idleTimer.expires_after(after);
        m_idleTimer.async_wait([self = this->shared_from_this()](beast::error_code ec) {
            if (ec || self->m_finished)
                return;
            const auto idle = std::chrono::seconds(self->m_ctx.settings.limits.idleTimeoutS);
            const auto silent = Clock::now() - self->m_lastActivity;
            if (silent >= idle)
                return self->beginClose(realtime::close_code::kIdle, "idle", false);
            self->armIdleTimer(idle - silent);
        });
    }

    void read() {
        m_reading = true;
        m_ws.async_read(m_buffer, [self = this->shared_from_this()](
                                      beast::error_code ec, std::size_t) { self->onRead(ec); });
    }

    // Reads the next frame unless one is being read, the read loop ended, hello is still being
    // handled on a worker (it alone may touch m_state off the strand), or the ops in flight are
    // at their limit.
    void readIfAllowed() {
        if (m_reading || m_readEnded)
            return;
        if (!m_answers.empty() && (m_workerOpInFlight || m_answers.size() >= kMaxOpsInFlight))
            return;
        read();
    }

    void onRead(beast::error_code ec) {
        m_reading = false;
        if (ec) {
            m_readEnded = true;
            return finish();
        }
        m_lastActivity = Clock::now();
        std::string text = beast::buffers_to_string(m_buffer.data());
        m_buffer.consume(m_buffer.size());
        if (m_closing)
            return read();  // keep reading until the peer's close frame arrives
        if (!m_ws.got_text()) {
            answerNow(errorResult("frame: binary frames are not accepted"));
            return readIfAllowed();
        }
        if (flooding()) {
            beginClose(realtime::close_code::kFlooding, "flooding", true);
            return read();
        }
        handle(std::move(text));
        readIfAllowed();
    }

    // More than flood_frames_per_second text frames within any one second.
    bool flooding() {
        const auto limit = static_cast<std::size_t>(m_ctx.settings.limits.floodFramesPerSecond);
        const auto now = Clock::now();
        m_recentFrames.push_back(now);
        if (m_recentFrames.size() > limit + 1)
            m_recentFrames.pop_front();
        return m_recentFrames.size() == limit + 1 &&
               now - m_recentFrames.front() < std::chrono::seconds(1);
    }

    // Answers leave in the order of the frames, whenever their ops complete. Until hello has
    // authenticated the socket, one op at a time, on a worker (hello reads the database and
    // sets m_state). After it, ops run here on the socket's strand (they only check in-memory
    // state and queue their writes: a hop to a worker and back would cost two thread switches
    // per message) and up to kMaxOpsInFlight await their answers while the next frames are read.
    void handle(std::string text) {
        const auto seq = m_nextSeq++;
        m_answers.emplace_back();
        auto job = [self = this->shared_from_this(), text = std::move(text), seq,
                    work = asio::make_work_guard(m_ws.get_executor())]() mutable {
            auto connection = self->asConnection();
            self->m_ctx.wsOps.handle(self->m_state, text, connection,
                                     [self, seq, work](realtime::OpResult result) mutable {
                                         self->answerToStrand(Answer{seq, std::move(result)});
                                     });
        };
        if (m_state.auth)
            return job();
        m_workerOpInFlight = true;
        asio::post(m_ctx.workers, std::move(job));
    }

    // An answer with no op behind it, in its turn among the answers of the frames before it.
    void answerNow(realtime::OpResult result) {
        const auto seq = m_nextSeq++;
        m_answers.emplace_back();
        onAnswered(Answer{seq, std::move(result)});
        flush();
    }

    void onAnswered(Answer answer) {
        m_answers[static_cast<std::size_t>(answer.seq - m_firstSeq)] = std::move(answer.result);
        while (!m_answers.empty() && m_answers.front()) {
            auto result = std::move(*m_answers.front());
            m_answers.pop_front();
            ++m_firstSeq;
            for (auto& frame : result.frames)
                enqueue(std::make_shared<const std::string>(std::move(frame)));
            if (result.close)
                beginClose(result.close->code, result.close->reason, false);
        }
        if (m_answers.empty())
            m_workerOpInFlight = false;
        if (m_readEnded)
            return finish();
        readIfAllowed();
    }

    static realtime::OpResult errorResult(const std::string& message) {
        protocol::ws::Error error;
        error.code = std::string(protocol::errorCodeName(protocol::ErrorCode::BadRequest));
        error.message = message;
        realtime::OpResult result;
        result.frames.push_back(protocol::encode(protocol::ServerFrame{std::move(error)}));
        return result;
    }

    // Queues a frame; the handler that queued it flushes before it returns, so the frames a
    // wake-up brings (a send's ack and the sender's own copy of its event) leave in one write.
    void enqueue(std::shared_ptr<const std::string> frame) {
        if (m_closing || m_finished || !m_open)
            return;
        const auto size = frame->size();
        if (m_queuedBytes + size > m_queueLimit)
            return beginClose(realtime::close_code::kTooSlow, "too slow", true);
        m_queuedBytes += size;
        m_queue.push_back(std::move(frame));
    }

    // Writes the queued frames unless a write is under way (its completion flushes again). On
    // plain TCP with no other write under way, the frames go to the socket at once with a
    // non-blocking write (no handler, no completion to wait for), and only what the socket did
    // not take is left to an async write, which every later write then waits for.
    void flush() {
        while (m_inFlight == 0 && queuedFrames() != 0)
            if (!writeNow(frameQueued()))
                return;
        if (m_inFlight == 0 && m_closing && !m_closeSent)
            sendClose();
    }

    // Writes the frames framed in m_buffers (`total` bytes), at once where it can. Returns
    // whether they are all written and writing may go on.
    bool writeNow(std::size_t total) {
        if constexpr (kPlain) {
            if (m_ws.next_layer().idle()) {
                beast::error_code ec;
                const auto written =
                    beast::get_lowest_layer(m_ws).socket().write_some(m_buffers, ec);
                if (!ec && written == total) {
                    framesWritten();  // the usual case
                    return true;
                }
                if (ec && ec != asio::error::would_block && ec != asio::error::try_again) {
                    writeFailed();
                    return false;
                }
                writeRest(ec ? 0 : written);
                return false;
            }
        }
        writeRest(0);
        return false;
    }

    // Frames up to kFramesPerWrite queued frames into m_buffers; returns their bytes.
    std::size_t frameQueued() {
        m_inFlight = std::min(queuedFrames(), kFramesPerWrite);
        m_buffers.clear();
        std::size_t total = 0;
        for (std::size_t i = 0; i < m_inFlight; ++i) {
            const auto& payload = *m_queue[m_queueHead + i];
            unsigned char* header = m_headers.data() + i * kMaxHeader;
            const auto headerSize = textFrameHeader(payload.size(), header);
            m_buffers.emplace_back(header, headerSize);
            m_buffers.emplace_back(payload.data(), payload.size());
            total += headerSize + payload.size();
        }
        return total;
    }

    // The framed bytes past the first `skip`, in one async write (through SerialWriteStream,
    // so a pong or a close Beast writes meanwhile waits for it and never lands inside it).
    void writeRest(std::size_t skip) {
        auto first = m_buffers.begin();
        for (; skip >= first->size(); ++first)
            skip -= first->size();
        *first += skip;
        m_buffers.erase(m_buffers.begin(), first);
        m_ws.next_layer().async_write_some(
            m_buffers, [self = this->shared_from_this()](beast::error_code ec, std::size_t) {
                if (self->writeDone(ec))
                    self->flush();
            });
    }

    // The m_inFlight frames are written (or failed with `ec`: then nothing queued is sent any
    // more). Returns whether writing may go on.
    bool writeDone(beast::error_code ec) {
        if (ec)
            writeFailed();
        else
            framesWritten();
        return !ec;
    }

    void framesWritten() {
        for (; m_inFlight > 0; --m_inFlight) {
            m_queuedBytes -= m_queue[m_queueHead]->size();
            m_queue[m_queueHead++].reset();
        }
        if (m_queueHead == m_queue.size()) {
            m_queue.clear();  // the usual case: keeps the capacity
            m_queueHead = 0;
        } else if (m_queueHead * 2 >= m_queue.size()) {
            // The written frames' slots go once they are half the vector or more: each frame
            // is moved at most once on average.
            m_queue.erase(m_queue.begin(),
                          m_queue.begin() + static_cast<std::ptrdiff_t>(m_queueHead));
            m_queueHead = 0;
        }
    }

    void writeFailed() {
        m_inFlight = 0;
        m_queue.clear();
        m_queueHead = 0;
        m_queuedBytes = 0;
    }

    std::size_t queuedFrames() const { return m_queue.size() - m_queueHead; }

    // `dropQueued`: the frames not yet on the wire are discarded (a slow or abusive peer).
    void beginClose(int code, const std::string& reason, bool dropQueued) {
        if (m_closing || m_finished || !m_open)
            return;
        m_closing = websocket::close_reason(static_cast<websocket::close_code>(code), reason);
        if (dropQueued && queuedFrames() > m_inFlight) {
            m_queue.erase(m_queue.begin() + static_cast<std::ptrdiff_t>(m_queueHead + m_inFlight),
                          m_queue.end());
            m_queuedBytes = 0;
            for (std::size_t i = m_queueHead; i < m_queue.size(); ++i)
                m_queuedBytes += m_queue[i]->size();
        }
        m_helloTimer.cancel();
        m_closeTimer.expires_after(kCloseDeadline);
        m_closeTimer.async_wait([self = this->shared_from_this()](beast::error_code ec) {
            if (!ec)
                beast::get_lowest_layer(self->m_ws).close();
        });
        if (queuedFrames() == 0)
            sendClose();  // else the write of what is queued sends it once done
        else
            flush();
    }

    void sendClose() {
        m_closeSent = true;
        m_ws.async_close(*m_closing, [self = this->shared_from_this()](beast::error_code) {});
    }

    // The read loop ended: the socket is closed or broken. Runs once, after every op in flight
    // has answered.
    void finish() {
        if (!m_answers.empty())
            return;  // the last answer calls it again
        if (m_finished)
            return;
        m_finished = true;
        m_idleTimer.cancel();
        m_helloTimer.cancel();
        m_closeTimer.cancel();
        if (!m_open)
            return;
        asio::post(m_ctx.workers,
                   [self = this->shared_from_this()] { self->m_ctx.wsOps.closed(*self); });
    }

    // First, beside the object's counts and vtables: what another thread's send touches.
    std::mutex m_inboxMutex;
    // Frames in arrival order; a null one marks the place of the next of m_inboxAnswers.
    std::vector<std::shared_ptr<const std::string>> m_inbox;  // guarded by m_inboxMutex
    std::vector<Answer> m_inboxAnswers;                       // guarded by m_inboxMutex
    websocket::stream<SerialWriteStream<Stream>> m_ws;
    ServerContext& m_ctx;
    SessionWakeups& m_wakeups;
    // Next, what a wake-up touches per frame on the strand.
    // The session's executor is the io_context's own, not a strand: only one thread runs it.
    const bool m_onIoContext;
    bool m_open = false;
    bool m_closeSent = false;
    bool m_finished = false;
    const std::size_t m_queueLimit;  // bytes: socket_queue_kib
    std::size_t m_queuedBytes = 0;
    // The frames to write are m_queue's from m_queueHead on (the slots before it are written
    // ones, erased now and then); the first m_inFlight of them are being written, and
    // m_buffers and m_headers describe them.
    std::size_t m_queueHead = 0;
    std::size_t m_inFlight = 0;
    std::vector<std::shared_ptr<const std::string>> m_queue;
    // The strand's: the inbox as last taken.
    std::vector<std::shared_ptr<const std::string>> m_draining;
    std::vector<Answer> m_drainingAnswers;
    std::vector<asio::const_buffer> m_buffers;
    std::optional<websocket::close_reason> m_closing;
    std::array<unsigned char, kFramesPerWrite * kMaxHeader> m_headers;
    // The stream's executor (the io_context's, or a strand of it), kept: the stream hands out
    // a copy, reached through both its heap objects (the WebSocket's and the TCP stream's).
    const asio::any_io_executor m_executor;
    const domain::SocketId m_socketId = nextSocketId();
    beast::flat_buffer m_buffer;
    asio::steady_timer m_idleTimer;
    asio::steady_timer m_helloTimer;
    asio::steady_timer m_closeTimer;
    Clock::time_point m_lastActivity = Clock::now();
    std::deque<Clock::time_point> m_recentFrames;
    realtime::SocketState m_state;
    // The answers of the frames m_firstSeq, m_firstSeq + 1, ...: empty until their op answers.
    std::deque<std::optional<realtime::OpResult>> m_answers;
    std::uint64_t m_firstSeq = 0;
    std::uint64_t m_nextSeq = 0;
    bool m_workerOpInFlight = false;
    bool m_reading = false;
    bool m_readEnded = false;
};

}  // namespace

template <class Stream>
void startWebSocketSession(Stream&& stream, UpgradeRequest request, ServerContext& ctx) {
    std::make_shared<WebSocketSession<Stream>>(std::move(stream), ctx)->run(std::move(request));
}

template void startWebSocketSession<beast::tcp_stream>(beast::tcp_stream&&, UpgradeRequest,
                                                       ServerContext&);
template void startWebSocketSession<beast::ssl_stream<beast::tcp_stream>>(
    beast::ssl_stream<beast::tcp_stream>&&, UpgradeRequest, ServerContext&);

}  // namespace server::net
