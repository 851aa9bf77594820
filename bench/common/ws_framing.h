// WebSocket framing for the load programs' hot path (RFC 6455 §5): client frames out, server
// frames in, without a stream library's per-frame work.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace bench {

namespace opcode {
inline constexpr int kText = 1;
inline constexpr int kClose = 8;
inline constexpr int kPing = 9;
inline constexpr int kPong = 10;
}  // namespace opcode

// A client frame must be masked (§5.3); `maskKey` is the frame's key.
std::string clientFrame(int opcode, std::string_view payload, std::uint32_t maskKey);

// One whole frame at the start of a server's bytes. A server never masks (§5.1).
struct ServerFrame {
    int opcode = 0;
    bool fin = false;
    std::string_view payload;
    std::size_t size = 0;  // header and payload
};

// The frame `bytes` start with, or nullopt while it has not all arrived; `needed` then holds
// how many bytes the whole frame takes once its header is known (0 before). Throws
// std::runtime_error for a masked frame or reserved bits (no extension is negotiated).
std::optional<ServerFrame> nextServerFrame(std::string_view bytes, std::size_t& needed);

// The status code and reason of a close frame's payload (§5.5.1); 1005 when it has none.
struct CloseReason {
    int code = 1005;
    std::string reason;
};
CloseReason closeReason(std::string_view payload);

}  // namespace bench
