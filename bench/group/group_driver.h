// The measured part of the group load: one WebSocket per user, senders posting to their groups,
// every member's deliveries checked and timed.
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
#include "bench/group/group_options.h"
#include "bench/group/group_report.h"
#include "bench/group/group_setup.h"

namespace bench {

class GroupDriver {
public:
    GroupDriver(asio::io_context& io, const Endpoint& endpoint, const GroupLoadOptions& options,
                std::vector<LoadUser> users, GroupLayout layout);

    // One socket per user (hello, then ready), `connections` at a time; each then reads.
    asio::awaitable<void> openSockets(int connections);
    // Waits until every member's socket got its group's chat.added. Throws after 60 s.
    asio::awaitable<void> awaitMembership(std::vector<std::int64_t> chats);
    // Warms up, measures and drains; closes the sockets. Throws on any failure.
    asio::awaitable<GroupReport> run();

private:
    struct Peer {
        LoadSocket<PlainStream> socket;
        int group = 0, member = 0;
        bool joined = false;
        explicit Peer(PlainStream stream) : socket(std::move(stream)) {}
    };

    // One message: when it was sent, its ack, and which members have it (bit per member).
    struct SentMessage {
        Clock::time_point sentAt;
        bool acked = false;
        bool inWindow = false;
        std::vector<std::uint64_t> received;
    };

    asio::awaitable<void> pace(int group, int sender);
    asio::awaitable<void> keepAlive();
    void read(Peer& peer);
    void onFrame(Peer& peer, std::string_view frame);
    void onAck(Peer& peer, std::string_view frame);
    void onDelivery(Peer& peer, std::string_view frame);
    void sendNext(int group, int sender);
    void write(Peer& peer, std::string frame);
    bool drained() const;
    std::vector<SentMessage>& sentBy(int group, int sender);
    GroupReport tally();

    asio::io_context& m_io;
    const Endpoint& m_endpoint;
    const GroupLoadOptions& m_options;
    std::vector<LoadUser> m_users;
    GroupLayout m_layout;
    std::vector<std::int64_t> m_chats;  // by group
    std::vector<std::unique_ptr<Peer>> m_peers;
    std::vector<std::vector<SentMessage>> m_sent;  // by group * senders + sender
    std::uint64_t m_expectedDeliveries = 0;        // acked messages times the other members
    std::uint64_t m_firstDeliveries = 0;           // of acked or unacked messages
    std::uint64_t m_unackedCount = 0;
    int m_joined = 0;
    GroupReport m_report;
    LoadRun m_run;  // its timer paces the phases; a failure ends it
};

}  // namespace bench
