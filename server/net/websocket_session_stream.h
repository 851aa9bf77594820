// The stream under a WebSocket session: one whole write at a time, Beast's and the session's.
#pragma once

#include <boost/asio/any_completion_handler.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/buffer.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/role.hpp>
#include <boost/beast/websocket/teardown.hpp>
#include <deque>
#include <utility>
#include <vector>

namespace server::net {

// Wraps the connection's stream (TCP, or TLS past its handshake) so that frames the session
// builds by hand (every queued message in one write) and Beast's own writes (pong, close) never
// interleave on the wire: each write here writes ALL its bytes before the next one starts, in
// the order they were asked for, whoever asked. Beast sees an ordinary AsyncStream whose
// write_some always writes everything. Used from the session's strand only.
template <class Next>
class SerialWriteStream {
public:
    using executor_type = typename Next::executor_type;
    using next_layer_type = Next;

    explicit SerialWriteStream(Next&& next) : m_next(std::move(next)) {}

    executor_type get_executor() noexcept { return m_next.get_executor(); }
    Next& next_layer() noexcept { return m_next; }
    const Next& next_layer() const noexcept { return m_next; }

    // No write is under way or waiting: bytes written to the socket now come next on the wire.
    bool idle() const noexcept { return !m_busy; }

    template <class Buffers, class Token>
    auto async_read_some(const Buffers& buffers, Token&& token) {
        return m_next.async_read_some(buffers, std::forward<Token>(token));
    }

    // Completes once every byte of `buffers` is written, after the writes asked for before it.
    // The buffers must stay valid until then (as for any asio write).
    template <class Buffers, class Token>
    auto async_write_some(const Buffers& buffers, Token&& token) {
        return boost::asio::async_initiate<Token, void(boost::system::error_code, std::size_t)>(
            [this](auto handler, const Buffers& b) { start(b, Handler(std::move(handler))); },
            token, buffers);
    }

private:
    using Handler =
        boost::asio::any_completion_handler<void(boost::system::error_code, std::size_t)>;
    struct Waiting {
        std::vector<boost::asio::const_buffer> buffers;
        Handler handler;
    };

    template <class Buffers>
    void start(const Buffers& buffers, Handler handler) {
        if (m_busy) {
            Waiting waiting{{boost::asio::buffer_sequence_begin(buffers),
                             boost::asio::buffer_sequence_end(buffers)},
                            std::move(handler)};
            m_waiting.push_back(std::move(waiting));
            return;
        }
        m_busy = true;
        writeAll(buffers, std::move(handler));
    }

    template <class Buffers>
    void writeAll(const Buffers& buffers, Handler handler) {
        // Completes on the stream's executor, the session's strand, where every writer (the
        // session and Beast's ops, which are bound to that strand) runs: the handler is called
        // from there directly.
        boost::asio::async_write(m_next, buffers,
                                 [this, handler = std::move(handler)](boost::system::error_code ec,
                                                                      std::size_t written) mutable {
                                     startWaiting();
                                     std::move(handler)(ec, written);
                                 });
    }

    void startWaiting() {
        if (m_waiting.empty()) {
            m_busy = false;
            return;
        }
        auto next = std::move(m_waiting.front());
        m_waiting.pop_front();
        // async_write keeps its own copy of the buffer sequence: `next` may go once it began.
        writeAll(next.buffers, std::move(next.handler));
    }

    Next m_next;
    bool m_busy = false;
    std::deque<Waiting> m_waiting;
};

// WebSocket closing hooks (found by argument-dependent lookup): the wrapped stream's own.
template <class Next>
void teardown(boost::beast::role_type role, SerialWriteStream<Next>& stream,
              boost::system::error_code& ec) {
    using boost::beast::websocket::teardown;
    teardown(role, stream.next_layer(), ec);
}

template <class Next, class Handler>
void async_teardown(boost::beast::role_type role, SerialWriteStream<Next>& stream,
                    Handler&& handler) {
    using boost::beast::websocket::async_teardown;
    async_teardown(role, stream.next_layer(), std::forward<Handler>(handler));
}

}  // namespace server::net
