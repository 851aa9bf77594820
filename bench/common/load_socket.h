// One load user's WebSocket: signed in with hello, read frame after frame, writes queued in order.
#pragma once

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <cstdint>
#include <cstring>
#include <exception>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "bench/common/transport.h"
#include "bench/common/ws_framing.h"

namespace bench {

namespace websocket = beast::websocket;

// Beast does the upgrade; frames are then read and written by hand (ws_framing.h) straight on
// the socket: the load program's CPU is part of every figure it prints, and a stream library's
// per-frame work (an operation, a completion, a UTF-8 check per frame, a read per frame) cost more
// than the server's own per-delivery work. A read takes everything the socket holds (up to the
// buffer), so one server write costs one read, and asio skips the speculative read that would
// find the socket empty.
template <class Stream>
class LoadSocket {
public:
    explicit LoadSocket(Stream stream) : m_ws(std::move(stream)), m_in(kReadSize) {}

    // Connects (with TLS when Stream has it), upgrades, sends hello with `token` and returns once
    // the server answers ready. Throws when the server refuses or the connection fails.
    asio::awaitable<void> open(const Endpoint& endpoint, const std::string& token) {
        co_await connectStream(m_ws.next_layer(), endpoint);
        co_await m_ws.async_handshake(endpoint.host, "/api/v1/ws", use_awaitable);
        // The server says nothing before hello, so Beast holds no frame bytes past the upgrade.
        const auto hello =
            clientFrame(opcode::kText, R"({"op":"hello","token":")" + token + "\"}", nextMask());
        co_await asio::async_write(raw(), asio::buffer(hello), use_awaitable);
        for (;;) {
            const auto frame = bufferedFrame();
            if (!frame) {
                reserveFor(m_needed);
                m_end += co_await raw().async_read_some(
                    asio::buffer(m_in.data() + m_end, m_in.size() - m_end), use_awaitable);
                continue;
            }
            if (frame->opcode == opcode::kClose)
                throw std::runtime_error("hello refused: closed with " +
                                         std::to_string(closeReason(frame->payload).code));
            if (frame->payload.starts_with(R"({"op":"ready")"))
                break;
            if (frame->payload.starts_with(R"({"op":"error")"))
                throw std::runtime_error("hello refused: " + std::string(frame->payload));
        }
    }

    // Reads one frame at a time, each handed to onRead(ec, frame) (the frame is only valid in
    // the call); reading goes on while onRead returns true. A close frame from the server ends
    // it with websocket::error::closed (see failure()).
    template <class OnRead>
    void readEach(OnRead onRead) {
        for (;;) {
            std::optional<ServerFrame> frame;
            try {
                frame = bufferedFrame();
            } catch (const std::exception& e) {
                m_protocolError = e.what();
                onRead(websocket::error::bad_opcode, {});
                return;
            }
            if (!frame)
                break;
            if (frame->opcode == opcode::kText && frame->fin) {
                if (!onRead(beast::error_code{}, frame->payload))
                    return;
            } else if (frame->opcode == opcode::kClose) {
                m_close = closeReason(frame->payload);
                onRead(websocket::error::closed, {});
                return;
            } else if (frame->opcode == opcode::kPing) {
                queue(clientFrame(opcode::kPong, frame->payload, nextMask()), [](auto) {});
            } else if (frame->opcode != opcode::kPong) {
                m_protocolError = "an unexpected frame (opcode " + std::to_string(frame->opcode) +
                                  ", fin " + std::to_string(frame->fin) + ")";
                onRead(websocket::error::bad_opcode, {});
                return;
            }
        }
        reserveFor(m_needed);
        raw().async_read_some(asio::buffer(m_in.data() + m_end, m_in.size() - m_end),
                              [this, onRead](beast::error_code ec, std::size_t n) mutable {
                                  if (ec) {
                                      onRead(ec, {});
                                      return;
                                  }
                                  m_end += n;
                                  readEach(std::move(onRead));
                              });
    }

    // Queues the text frame behind those not written yet (frames queued while a write is under
    // way leave together in the next one); onError(ec) when a write fails.
    template <class OnError>
    void write(std::string text, OnError onError) {
        queue(clientFrame(opcode::kText, text, nextMask()), std::move(onError));
    }

    // Why a read failed: the error and the close frame the server sent, if any.
    std::string failure(beast::error_code ec) const {
        if (!m_protocolError.empty())
            return m_protocolError;
        return ec.message() + " (close code " + std::to_string(m_close.code) + " " +
               m_close.reason + ")";
    }

    void close() {
        beast::error_code ignored;
        beast::get_lowest_layer(m_ws).socket().close(ignored);
    }

private:
    static constexpr std::size_t kReadSize = 64 * 1024;

    auto& raw() {
        if constexpr (std::is_same_v<Stream, PlainStream>)
            return beast::get_lowest_layer(m_ws).socket();
        else
            return m_ws.next_layer();
    }

    std::optional<ServerFrame> bufferedFrame() {
        auto frame =
            nextServerFrame(std::string_view(m_in.data() + m_begin, m_end - m_begin), m_needed);
        if (frame)
            m_begin += frame->size;
        return frame;
    }

    // Room after the buffered bytes for a read, and for the whole of a frame of `frameSize`.
    void reserveFor(std::size_t frameSize) {
        if (m_begin == m_end) {
            m_begin = m_end = 0;
        } else if (m_in.size() - m_end < kReadSize / 4 || m_begin + frameSize > m_in.size()) {
            std::memmove(m_in.data(), m_in.data() + m_begin, m_end - m_begin);
            m_end -= m_begin;
            m_begin = 0;
        }
        if (frameSize > m_in.size())
            m_in.resize(frameSize + kReadSize / 4);
    }

    template <class OnError>
    void queue(std::string frame, OnError onError) {
        m_pending += frame;
        if (!m_writing.empty())
            return;  // the write under way takes it next
        writePending(std::move(onError));
    }

    template <class OnError>
    void writePending(OnError onError) {
        m_writing.swap(m_pending);
        asio::async_write(raw(), asio::buffer(m_writing),
                          [this, onError](beast::error_code ec, std::size_t) mutable {
                              if (ec)
                                  return onError(ec);
                              m_writing.clear();
                              if (!m_pending.empty())
                                  writePending(std::move(onError));
                          });
    }

    // Client frames are masked with a fresh key each (RFC 6455 §5.3): xorshift32.
    std::uint32_t nextMask() {
        m_mask ^= m_mask << 13;
        m_mask ^= m_mask >> 17;
        m_mask ^= m_mask << 5;
        return m_mask;
    }

    websocket::stream<Stream> m_ws;  // for the upgrade; raw() after it
    std::vector<char> m_in;          // read bytes [m_begin, m_end) not yet handed out
    std::size_t m_begin = 0, m_end = 0;
    std::size_t m_needed = 0;  // the size of the frame being awaited, when known
    std::string m_pending, m_writing;
    std::uint32_t m_mask = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(this)) | 1u;
    CloseReason m_close;
    std::string m_protocolError;
};

}  // namespace bench
