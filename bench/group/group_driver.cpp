#include "bench/group/group_driver.h"

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/redirect_error.hpp>
#include <iostream>

namespace bench {
namespace {

constexpr auto kMembershipLimit = std::chrono::seconds(60);
// The server closes a socket silent for idle_timeout_s (60 s by default); most members only read.
constexpr auto kPingEvery = std::chrono::seconds(20);
constexpr std::string_view kText = "a message of the group load test, about as long as a chat line";

bool hasBit(const std::vector<std::uint64_t>& bits, int i) {
    return (bits[static_cast<std::size_t>(i / 64)] >> (i % 64)) & 1u;
}

}  // namespace

GroupDriver::GroupDriver(asio::io_context& io, const Endpoint& endpoint,
                         const GroupLoadOptions& options, std::vector<LoadUser> users,
                         GroupLayout layout)
    : m_io(io),
      m_endpoint(endpoint),
      m_options(options),
      m_users(std::move(users)),
      m_layout(layout),
      m_sent(static_cast<std::size_t>(layout.groups * options.senders)),
      m_run(io) {}

asio::awaitable<void> GroupDriver::openSockets(int connections) {
    for (int i = 0; i < m_layout.users(); ++i) {
        m_peers.push_back(std::make_unique<Peer>(makeStream<PlainStream>(m_io, m_endpoint)));
        m_peers.back()->group = i / m_layout.members;
        m_peers.back()->member = i % m_layout.members;
    }
    // The HTTP connection each job is handed stays unused: only the concurrency is borrowed.
    co_await forEachConcurrently<PlainStream>(
        m_io, m_endpoint, m_layout.users(), connections,
        [this](HttpApi<PlainStream>&, int i) -> asio::awaitable<void> {
            auto& peer = *m_peers[static_cast<std::size_t>(i)];
            const auto user = static_cast<std::size_t>(m_layout.user(peer.group, peer.member));
            co_await peer.socket.open(m_endpoint, m_users[user].token);
        });
    m_run.enter(LoadRun::Phase::Joining);
    for (auto& peer : m_peers)
        read(*peer);
    asio::co_spawn(m_io, keepAlive(), asio::detached);
}

asio::awaitable<void> GroupDriver::awaitMembership(std::vector<std::int64_t> chats) {
    m_chats = std::move(chats);
    const auto limit = Clock::now() + kMembershipLimit;
    while (!m_run.failed() && m_joined < m_layout.users() && Clock::now() < limit)
        co_await m_run.sleepFor(std::chrono::milliseconds(20));
    m_run.throwIfFailed();
    if (m_joined < m_layout.users())
        throw std::runtime_error("only " + std::to_string(m_joined) + " of " +
                                 std::to_string(m_layout.users()) +
                                 " sockets got their group's chat.added within 60 s");
}

asio::awaitable<GroupReport> GroupDriver::run() {
    std::cout << "all " << m_peers.size() << " members joined; warming up for " << m_options.warmup
              << " s" << std::endl;
    m_run.enter(LoadRun::Phase::Warmup);
    for (int g = 0; g < m_layout.groups; ++g)
        for (int s = 0; s < m_options.senders; ++s) {
            if (m_options.scenario == GroupScenario::Fanout)
                asio::co_spawn(m_io, pace(g, s), asio::detached);
            else
                sendNext(g, s);
        }
    co_await m_run.measure(m_options.warmup, m_options.seconds, m_options.serverPid, m_report,
                           [this] { return drained(); });
    for (auto& peer : m_peers)
        peer->socket.close();
    m_run.throwIfFailed();
    co_return tally();
}

asio::awaitable<void> GroupDriver::pace(int group, int sender) {
    // Paced on a fixed schedule, not on acks: a slow answer does not slow the sender down.
    asio::steady_timer timer(m_io);
    const auto period = std::chrono::duration_cast<Clock::duration>(
        std::chrono::duration<double>(1.0 / m_options.rate));
    // Senders of different groups spread over the period rather than all at once.
    auto next = Clock::now() + period * (group * m_options.senders + sender) /
                                   (m_layout.groups * m_options.senders);
    boost::system::error_code ec;
    for (;;) {
        timer.expires_at(next);
        co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
        if (!m_run.sending())
            co_return;
        sendNext(group, sender);
        next += period;
    }
}

asio::awaitable<void> GroupDriver::keepAlive() {
    asio::steady_timer timer(m_io);
    boost::system::error_code ec;
    for (;;) {
        timer.expires_after(kPingEvery);
        co_await timer.async_wait(asio::redirect_error(use_awaitable, ec));
        if (m_run.phase() == LoadRun::Phase::Done)
            co_return;
        for (auto& peer : m_peers)
            write(*peer, R"({"op":"ping"})");
    }
}

void GroupDriver::read(Peer& peer) {
    peer.socket.readEach([this, &peer](beast::error_code ec, std::string_view frame) {
        if (m_run.phase() == LoadRun::Phase::Done)
            return false;
        if (ec) {
            m_run.fail("the server closed the socket of member " + std::to_string(peer.member) +
                       " of group " + std::to_string(peer.group) + ": " + peer.socket.failure(ec));
            return false;
        }
        onFrame(peer, frame);
        return true;
    });
}

void GroupDriver::onFrame(Peer& peer, std::string_view frame) {
    if (frame.starts_with(R"({"op":"event")")) {
        if (stringField(frame, "type") == "message.created")
            onDelivery(peer, frame);
    } else if (frame.starts_with(R"({"op":"ack")")) {
        onAck(peer, frame);
    } else if (frame.starts_with(R"({"op":"error")")) {
        m_run.fail("the server refused a frame: " + std::string(frame) +
                   (frame.find("rate_limited") != std::string_view::npos
                        ? "\nRaise limits.sends_burst and limits.sends_per_second (see "
                          "docs/benchmarks.md, or use bench/group/run-group-load.sh)."
                        : ""));
    } else if (frame.starts_with(R"({"op":"chat.added")") && !peer.joined &&
               frame.find(R"("kind":"group")") != std::string_view::npos) {
        peer.joined = true;
        ++m_joined;
    }
}

void GroupDriver::onAck(Peer& peer, std::string_view frame) {
    const auto key = parseKey(stringField(frame, "client_id"));
    if (key.chat != peer.group || key.sender != peer.member)
        return m_run.fail("an ack for a message this socket did not send: " + std::string(frame));
    auto& sent = sentBy(key.chat, key.sender);
    if (key.n < 0 || static_cast<std::size_t>(key.n) >= sent.size())
        return m_run.fail("an ack for a message never sent: " + std::string(frame));
    auto& message = sent[static_cast<std::size_t>(key.n)];
    if (message.acked)
        return m_run.fail("a message acked twice: " + std::string(frame));
    message.acked = true;
    --m_unackedCount;
    if (m_run.phase() == LoadRun::Phase::Measure)
        m_report.ackMs.push_back(msSince(message.sentAt, Clock::now()));
    if (m_options.scenario == GroupScenario::Groups && m_run.sending())
        sendNext(key.chat, key.sender);  // the next as soon as the previous one is acked
}

void GroupDriver::onDelivery(Peer& peer, std::string_view frame) {
    const auto key = parseKey(stringField(frame, "client_id"));
    if (key.chat < 0)
        return;  // not one of the load's messages
    if (key.chat != peer.group)
        return m_run.fail("member " + std::to_string(peer.member) + " of group " +
                          std::to_string(peer.group) +
                          " got another group's message: " + std::string(frame));
    if (key.sender == peer.member)
        return;  // the sender's own copy
    auto& sent = sentBy(key.chat, key.sender);
    if (key.n < 0 || static_cast<std::size_t>(key.n) >= sent.size())
        return m_run.fail("a message was delivered that was never sent: " + std::string(frame));
    auto& message = sent[static_cast<std::size_t>(key.n)];
    auto& word = message.received[static_cast<std::size_t>(peer.member / 64)];
    const auto bit = std::uint64_t{1} << (peer.member % 64);
    if (word & bit) {
        ++m_report.duplicates;
        return;
    }
    word |= bit;
    ++m_firstDeliveries;
    if (m_run.phase() == LoadRun::Phase::Measure) {
        ++m_report.deliveries;
        m_report.latenciesMs.push_back(msSince(message.sentAt, Clock::now()));
    }
}

void GroupDriver::sendNext(int group, int sender) {
    auto& sent = sentBy(group, sender);
    auto frame = sendFrame(m_chats[static_cast<std::size_t>(group)],
                           MessageKey{group, sender, static_cast<int>(sent.size())}, kText);
    SentMessage message;
    message.sentAt = Clock::now();
    message.inWindow = m_run.phase() == LoadRun::Phase::Measure;
    message.received.assign(static_cast<std::size_t>((m_layout.members + 63) / 64), 0);
    sent.push_back(std::move(message));
    ++m_unackedCount;
    m_expectedDeliveries += static_cast<std::uint64_t>(m_layout.members - 1);
    write(*m_peers[static_cast<std::size_t>(m_layout.user(group, sender))], std::move(frame));
}

void GroupDriver::write(Peer& peer, std::string frame) {
    peer.socket.write(std::move(frame), [this](beast::error_code ec) {
        if (m_run.phase() != LoadRun::Phase::Done)
            m_run.fail("write failed: " + ec.message());
    });
}

bool GroupDriver::drained() const {
    return m_unackedCount == 0 && m_firstDeliveries == m_expectedDeliveries;
}

std::vector<GroupDriver::SentMessage>& GroupDriver::sentBy(int group, int sender) {
    return m_sent[static_cast<std::size_t>(group * m_options.senders + sender)];
}

GroupReport GroupDriver::tally() {
    m_report.scenario = m_options.scenario == GroupScenario::Fanout ? "fanout" : "groups";
    m_report.groups = m_layout.groups;
    m_report.members = m_layout.members;
    m_report.senders = m_options.senders;
    for (std::size_t i = 0; i < m_sent.size(); ++i) {
        const int sender = static_cast<int>(i) % m_options.senders;
        for (const auto& message : m_sent[i]) {
            ++m_report.sent;
            m_report.sentInWindow += message.inWindow ? 1 : 0;
            if (!message.acked) {
                ++m_report.unacked;
                continue;
            }
            ++m_report.acked;
            for (int member = 0; member < m_layout.members; ++member)
                if (member != sender && !hasBit(message.received, member))
                    ++m_report.lost;
        }
    }
    return std::move(m_report);
}

}  // namespace bench
