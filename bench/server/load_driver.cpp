#include "bench/server/load_driver.h"

#include <iostream>

namespace bench {
namespace {

constexpr std::string_view kText = "a message of the load test, about as long as a chat line";

}  // namespace

template <class Stream>
asio::awaitable<LoadReport> LoadDriver<Stream>::run() {
    const int pairs = static_cast<int>(m_chats.size());
    m_inFlight.assign(static_cast<std::size_t>(pairs), 0);
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        m_peers.push_back(std::make_unique<Peer>(makeStream<Stream>(m_io, m_endpoint)));
        m_peers.back()->index = static_cast<int>(i);
        co_await m_peers.back()->socket.open(m_endpoint, m_users[i].token);
    }
    std::cout << "opened " << m_peers.size() << " WebSockets; warming up for " << m_options.warmup
              << " s" << std::endl;
    for (auto& peer : m_peers)
        read(*peer);
    m_run.enter(LoadRun::Phase::Warmup);
    for (int pair = 0; pair < pairs; ++pair)
        for (int k = 0; k < m_options.window; ++k)
            sendNext(pair, k % 2);
    co_await m_run.measure(m_options.warmup, m_options.seconds, m_options.serverPid, m_report,
                           [this] { return drained(); });
    for (auto& peer : m_peers)
        peer->socket.close();
    m_run.throwIfFailed();

    m_report.pairs = pairs;
    for (const auto& side : m_sent)
        for (const auto& message : side) {
            ++m_report.sent;
            m_report.acked += message.acked ? 1 : 0;
            m_report.unacked += message.acked ? 0 : 1;
            m_report.lost += message.acked && message.deliveries == 0 ? 1 : 0;
            m_report.duplicates += message.deliveries > 1 ? message.deliveries - 1 : 0;
        }
    co_return std::move(m_report);
}

template <class Stream>
void LoadDriver<Stream>::read(Peer& peer) {
    peer.socket.readEach([this, &peer](beast::error_code ec, std::string_view frame) {
        if (m_run.phase() == LoadRun::Phase::Done)
            return false;
        if (ec) {
            m_run.fail("the server closed the socket of user " + std::to_string(peer.index) + ": " +
                       peer.socket.failure(ec));
            return false;
        }
        onFrame(peer, frame);
        return true;
    });
}

template <class Stream>
void LoadDriver<Stream>::onFrame(Peer& peer, std::string_view frame) {
    const int pair = peer.index / 2, side = peer.index % 2;
    if (frame.starts_with(R"({"op":"ack")")) {
        const auto key = parseKey(stringField(frame, "client_id"));
        if (key.chat == pair && key.sender == side)
            m_sent[static_cast<std::size_t>(peer.index)][static_cast<std::size_t>(key.n)].acked =
                true;
        return;
    }
    if (frame.starts_with(R"({"op":"error")"))
        return m_run.fail("the server refused a frame: " + std::string(frame) +
                          (frame.find("rate_limited") != std::string_view::npos
                               ? "\nRaise limits.sends_burst and limits.sends_per_second (see "
                                 "docs/benchmarks.md)."
                               : ""));
    if (!frame.starts_with(R"({"op":"event")") || stringField(frame, "type") != "message.created")
        return;
    const auto key = parseKey(stringField(frame, "client_id"));
    if (key.chat != pair || key.sender == side || key.n < 0)
        return;  // our own message coming back to us, or not one of the load's
    auto& sent = m_sent[static_cast<std::size_t>(2 * pair + key.sender)];
    if (static_cast<std::size_t>(key.n) >= sent.size())
        return m_run.fail("a message was delivered that was never sent: " + std::string(frame));
    auto& message = sent[static_cast<std::size_t>(key.n)];
    if (++message.deliveries > 1)
        return;
    --m_inFlight[static_cast<std::size_t>(pair)];
    if (m_run.phase() == LoadRun::Phase::Measure) {
        ++m_report.deliveries;
        m_report.latenciesMs.push_back(msSince(message.sentAt, Clock::now()));
    }
    if (m_run.sending())
        sendNext(pair, side);  // the receiver answers: each pair sends in turn
}

template <class Stream>
void LoadDriver<Stream>::sendNext(int pair, int side) {
    const auto index = static_cast<std::size_t>(2 * pair + side);
    auto& sent = m_sent[index];
    auto frame = sendFrame(m_chats[static_cast<std::size_t>(pair)],
                           MessageKey{pair, side, static_cast<int>(sent.size())}, kText);
    sent.push_back(SentMessage{Clock::now()});
    ++m_inFlight[static_cast<std::size_t>(pair)];
    write(*m_peers[index], std::move(frame));
}

template <class Stream>
void LoadDriver<Stream>::write(Peer& peer, std::string frame) {
    peer.socket.write(std::move(frame), [this](beast::error_code ec) {
        if (m_run.phase() != LoadRun::Phase::Done)
            m_run.fail("write failed: " + ec.message());
    });
}

template <class Stream>
bool LoadDriver<Stream>::drained() const {
    for (const int inFlight : m_inFlight)
        if (inFlight > 0)
            return false;
    for (const auto& side : m_sent)
        if (!side.empty() && !side.back().acked)
            return false;
    return true;
}

template class LoadDriver<PlainStream>;
template class LoadDriver<TlsStream>;

}  // namespace bench
