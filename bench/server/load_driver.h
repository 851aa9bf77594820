// The measured part of the load: one WebSocket per user, each pair sending in turn.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench/common/load_frames.h"
#include "bench/common/load_run.h"
#include "bench/common/load_socket.h"
#include "bench/server/load_options.h"
#include "bench/server/load_setup.h"
#include "bench/server/load_stats.h"

namespace bench {

// One message of a pair, by the side that sent it and its number.
struct SentMessage {
    Clock::time_point sentAt;
    bool acked = false;
    int deliveries = 0;
};

template <class Stream>
class LoadDriver {
public:
    LoadDriver(asio::io_context& io, const Endpoint& endpoint, const LoadOptions& options,
               std::vector<LoadUser> users, std::vector<std::int64_t> chats)
        : m_io(io),
          m_endpoint(endpoint),
          m_options(options),
          m_users(std::move(users)),
          m_chats(std::move(chats)),
          m_run(io),
          m_sent(m_chats.size() * 2) {}

    // Opens the sockets, then warms up, measures and drains. Throws on any failure.
    asio::awaitable<LoadReport> run();

private:
    struct Peer {
        LoadSocket<Stream> socket;
        int index = 0;  // 2 * pair + side
        explicit Peer(Stream stream) : socket(std::move(stream)) {}
    };

    void read(Peer& peer);
    void onFrame(Peer& peer, std::string_view frame);
    void sendNext(int pair, int side);
    void write(Peer& peer, std::string frame);
    bool drained() const;

    asio::io_context& m_io;
    const Endpoint& m_endpoint;
    const LoadOptions& m_options;
    std::vector<LoadUser> m_users;
    std::vector<std::int64_t> m_chats;
    LoadRun m_run;  // its timer paces the phases; a failure ends it
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<std::vector<SentMessage>> m_sent;  // by 2 * pair + side
    std::vector<int> m_inFlight;                   // by pair: messages sent, not yet delivered
    LoadReport m_report;
};

extern template class LoadDriver<PlainStream>;
extern template class LoadDriver<TlsStream>;

}  // namespace bench
