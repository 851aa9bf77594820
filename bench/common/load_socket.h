// One load user's WebSocket: signed in with hello, read frame after frame, writes queued in order.
#pragma once

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <deque>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "bench/common/transport.h"

namespace bench {

namespace websocket = beast::websocket;

template <class Stream>
class LoadSocket {
public:
    explicit LoadSocket(Stream stream) : m_ws(std::move(stream)) {}

    // Connects (with TLS when Stream has it), upgrades, sends hello with `token` and returns once
    // the server answers ready. Throws when the server refuses or the connection fails.
    asio::awaitable<void> open(const Endpoint& endpoint, const std::string& token) {
        co_await connectStream(m_ws.next_layer(), endpoint);
        co_await m_ws.async_handshake(endpoint.host, "/api/v1/ws", use_awaitable);
        m_ws.text(true);
        co_await m_ws.async_write(asio::buffer(R"({"op":"hello","token":")" + token + "\"}"),
                                  use_awaitable);
        for (;;) {
            m_buffer.clear();
            co_await m_ws.async_read(m_buffer, use_awaitable);
            const auto frame = beast::buffers_to_string(m_buffer.data());
            if (frame.starts_with(R"({"op":"ready")"))
                break;
            if (frame.starts_with(R"({"op":"error")"))
                throw std::runtime_error("hello refused: " + frame);
        }
        m_buffer.clear();
    }

    // Reads one frame at a time, each handed to onRead(ec, frame) (the frame is only valid in
    // the call); reading goes on while onRead returns true.
    template <class OnRead>
    void readEach(OnRead onRead) {
        m_ws.async_read(m_buffer, [this, onRead](beast::error_code ec, std::size_t) mutable {
            const auto data = m_buffer.cdata();
            if (!onRead(ec, std::string_view(static_cast<const char*>(data.data()), data.size())))
                return;
            m_buffer.clear();
            readEach(std::move(onRead));
        });
    }

    // Queues the frame behind those not written yet; onError(ec) when a write fails.
    template <class OnError>
    void write(std::string frame, OnError onError) {
        m_outbox.push_back(std::move(frame));
        if (m_outbox.size() > 1)
            return;  // the write in progress continues with it
        writeFront(std::move(onError));
    }

    // Why a read failed: the error and the close frame the server sent, if any.
    std::string failure(beast::error_code ec) const {
        const auto reason = m_ws.reason();
        return ec.message() + " (close code " + std::to_string(reason.code) + " " +
               std::string(reason.reason.c_str()) + ")";
    }

    void close() { beast::get_lowest_layer(m_ws).close(); }

private:
    template <class OnError>
    void writeFront(OnError onError) {
        m_ws.async_write(asio::buffer(m_outbox.front()),
                         [this, onError](beast::error_code ec, std::size_t) mutable {
                             if (ec)
                                 return onError(ec);
                             m_outbox.pop_front();
                             if (!m_outbox.empty())
                                 writeFront(std::move(onError));
                         });
    }

    websocket::stream<Stream> m_ws;
    beast::flat_buffer m_buffer;
    std::deque<std::string> m_outbox;
};

}  // namespace bench
