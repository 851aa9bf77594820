#include "bench/common/ws_framing.h"

#include <stdexcept>

namespace bench {

std::string clientFrame(int opcode, std::string_view payload, std::uint32_t maskKey) {
    std::string frame;
    frame.reserve(payload.size() + 14);
    frame += static_cast<char>(0x80 | opcode);
    const auto size = payload.size();
    if (size < 126) {
        frame += static_cast<char>(0x80 | size);
    } else if (size <= 0xffff) {
        frame += static_cast<char>(0x80 | 126);
        frame += static_cast<char>(size >> 8);
        frame += static_cast<char>(size);
    } else {
        frame += static_cast<char>(0x80 | 127);
        for (int i = 7; i >= 0; --i)
            frame += static_cast<char>(static_cast<std::uint64_t>(size) >> (8 * i));
    }
    const unsigned char mask[4] = {
        static_cast<unsigned char>(maskKey >> 24), static_cast<unsigned char>(maskKey >> 16),
        static_cast<unsigned char>(maskKey >> 8), static_cast<unsigned char>(maskKey)};
    frame.append(reinterpret_cast<const char*>(mask), 4);
    const auto start = frame.size();
    frame += payload;
    for (std::size_t i = 0; i < size; ++i)
        frame[start + i] =
            static_cast<char>(static_cast<unsigned char>(frame[start + i]) ^ mask[i % 4]);
    return frame;
}

std::optional<ServerFrame> nextServerFrame(std::string_view bytes, std::size_t& needed) {
    needed = 0;
    if (bytes.size() < 2)
        return std::nullopt;
    const auto* data = reinterpret_cast<const unsigned char*>(bytes.data());
    if (data[0] & 0x70)
        throw std::runtime_error("a server frame with reserved bits set");
    if (data[1] & 0x80)
        throw std::runtime_error("a masked server frame");
    std::size_t header = 2;
    std::uint64_t length = data[1] & 0x7f;
    if (length == 126) {
        header = 4;
        if (bytes.size() < header)
            return std::nullopt;
        length = (std::uint64_t{data[2]} << 8) | data[3];
    } else if (length == 127) {
        header = 10;
        if (bytes.size() < header)
            return std::nullopt;
        length = 0;
        for (int i = 0; i < 8; ++i)
            length = (length << 8) | data[2 + i];
    }
    needed = header + static_cast<std::size_t>(length);
    if (bytes.size() < needed)
        return std::nullopt;
    return ServerFrame{data[0] & 0x0f, (data[0] & 0x80) != 0,
                       bytes.substr(header, static_cast<std::size_t>(length)), needed};
}

CloseReason closeReason(std::string_view payload) {
    CloseReason result;
    if (payload.size() >= 2) {
        result.code =
            (static_cast<unsigned char>(payload[0]) << 8) | static_cast<unsigned char>(payload[1]);
        result.reason = std::string(payload.substr(2));
    }
    return result;
}

}  // namespace bench
