// The measured part of the load: one WebSocket per user, each pair sending in turn.
#pragma once

#include <boost/beast/websocket.hpp>
#include <boost/beast/websocket/ssl.hpp>
#include <charconv>
#include <chrono>
#include <deque>
#include <memory>
#include <string_view>

#include "bench/server/load_options.h"
#include "bench/server/load_setup.h"
#include "bench/server/load_stats.h"
#include "bench/server/process_cpu.h"

namespace bench {

namespace websocket = beast::websocket;
using Clock = std::chrono::steady_clock;

// One message of a pair, by the side that sent it and its number.
struct SentMessage {
    Clock::time_point sentAt;
    bool acked = false;
    int deliveries = 0;
};

// client_id "<pair>.<side>.<n>"; text the fields of a load message frame.
struct MessageKey {
    int pair = -1, side = -1, n = -1;
};

inline std::string_view stringField(std::string_view frame, std::string_view name) {
    const auto key = "\"" + std::string(name) + "\":\"";
    const auto at = frame.find(key);
    if (at == std::string_view::npos)
        return {};
    const auto begin = at + key.size();
    const auto end = frame.find('"', begin);
    return end == std::string_view::npos ? std::string_view{} : frame.substr(begin, end - begin);
}

inline MessageKey parseKey(std::string_view clientId) {
    MessageKey key;
    int* parts[] = {&key.pair, &key.side, &key.n};
    const char* at = clientId.data();
    const char* end = clientId.data() + clientId.size();
    for (int i = 0; i < 3; ++i) {
        const auto result = std::from_chars(at, end, *parts[i]);
        if (result.ec != std::errc())
            return MessageKey{};
        at = result.ptr + (result.ptr != end ? 1 : 0);
    }
    return key;
}

template <class Stream>
class LoadDriver {
public:
    enum class Phase { Opening, Warmup, Measure, Drain, Done };

    LoadDriver(asio::io_context& io, const Endpoint& endpoint, const LoadOptions& options,
               std::vector<LoadUser> users, std::vector<std::int64_t> chats)
        : m_io(io),
          m_endpoint(endpoint),
          m_options(options),
          m_users(std::move(users)),
          m_chats(std::move(chats)),
          m_timer(io),
          m_sent(m_chats.size() * 2) {}

    // Opens the sockets, then warms up, measures and drains. Throws on any failure.
    asio::awaitable<LoadReport> run();

private:
    struct Peer {
        websocket::stream<Stream> ws;
        beast::flat_buffer buffer;
        std::deque<std::string> outbox;
        int index = 0;  // 2 * pair + side
        explicit Peer(Stream stream) : ws(std::move(stream)) {}
    };

    asio::awaitable<void> open(Peer& peer);
    void read(Peer& peer);
    void onFrame(Peer& peer, std::string_view frame);
    void sendNext(int pair, int side);
    void write(Peer& peer, std::string frame);
    void fail(std::string why);
    bool drained() const;

    asio::io_context& m_io;
    const Endpoint& m_endpoint;
    const LoadOptions& m_options;
    std::vector<LoadUser> m_users;
    std::vector<std::int64_t> m_chats;
    asio::steady_timer m_timer;
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<std::vector<SentMessage>> m_sent;  // by 2 * pair + side
    std::vector<int> m_inFlight;                   // by pair: messages sent, not yet delivered
    Phase m_phase = Phase::Opening;
    LoadReport m_report;
    std::string m_failure;
};

extern template class LoadDriver<PlainStream>;
extern template class LoadDriver<TlsStream>;

}  // namespace bench
