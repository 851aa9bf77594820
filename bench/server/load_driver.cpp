#include "bench/server/load_driver.h"

#include <iostream>

namespace bench {
namespace {

constexpr auto kDrainLimit = std::chrono::seconds(5);
constexpr std::string_view kText = "a message of the load test, about as long as a chat line";

double msSince(Clock::time_point start, Clock::time_point end) {
    return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace

template <class Stream>
asio::awaitable<LoadReport> LoadDriver<Stream>::run() {
    const int pairs = static_cast<int>(m_chats.size());
    m_inFlight.assign(static_cast<std::size_t>(pairs), 0);
    for (std::size_t i = 0; i < m_users.size(); ++i) {
        m_peers.push_back(std::make_unique<Peer>(makeStream<Stream>(m_io, m_endpoint)));
        m_peers.back()->index = static_cast<int>(i);
        co_await open(*m_peers.back());
    }
    std::cout << "opened " << m_peers.size() << " WebSockets; warming up for " << m_options.warmup
              << " s" << std::endl;
    for (auto& peer : m_peers)
        read(*peer);
    m_phase = Phase::Warmup;
    for (int pair = 0; pair < pairs; ++pair)
        for (int k = 0; k < m_options.window; ++k)
            sendNext(pair, k % 2);

    boost::system::error_code ec;
    m_timer.expires_after(std::chrono::seconds(m_options.warmup));
    co_await m_timer.async_wait(asio::redirect_error(use_awaitable, ec));
    if (m_failure.empty()) {
        m_phase = Phase::Measure;
        const auto start = Clock::now();
        const auto loadCpuStart = ownCpuMicros();
        const auto serverCpuStart =
            m_options.serverPid ? sampleCpu(m_options.serverPid) : CpuSample{};
        m_timer.expires_after(std::chrono::seconds(m_options.seconds));
        co_await m_timer.async_wait(asio::redirect_error(use_awaitable, ec));
        m_report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
        m_report.loadCpuMicros = ownCpuMicros() - loadCpuStart;
        if (m_options.serverPid) {
            const auto serverCpuEnd = sampleCpu(m_options.serverPid);
            if (serverCpuStart.totalMicros >= 0 && serverCpuEnd.totalMicros >= 0)
                m_report.serverCpuMicros = serverCpuEnd.totalMicros - serverCpuStart.totalMicros;
            m_report.serverThreads = renderThreadCpu(serverCpuStart, serverCpuEnd,
                                                     static_cast<double>(m_report.deliveries));
        }
        m_phase = Phase::Drain;
        const auto drainEnd = Clock::now() + kDrainLimit;
        while (m_failure.empty() && !drained() && Clock::now() < drainEnd) {
            m_timer.expires_after(std::chrono::milliseconds(20));
            co_await m_timer.async_wait(asio::redirect_error(use_awaitable, ec));
        }
    }
    m_phase = Phase::Done;
    for (auto& peer : m_peers)
        beast::get_lowest_layer(peer->ws).close();
    if (!m_failure.empty())
        throw std::runtime_error(m_failure);

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
asio::awaitable<void> LoadDriver<Stream>::open(Peer& peer) {
    co_await connectStream(beast::get_lowest_layer(peer.ws), m_endpoint);
    if constexpr (std::is_same_v<Stream, TlsStream>) {
        SSL_set_tlsext_host_name(peer.ws.next_layer().native_handle(), m_endpoint.host.c_str());
        co_await peer.ws.next_layer().async_handshake(asio::ssl::stream_base::client,
                                                      use_awaitable);
    }
    co_await peer.ws.async_handshake(m_endpoint.host, "/api/v1/ws", use_awaitable);
    peer.ws.text(true);
    const auto& user = m_users[static_cast<std::size_t>(peer.index)];
    co_await peer.ws.async_write(asio::buffer(R"({"op":"hello","token":")" + user.token + "\"}"),
                                 use_awaitable);
    for (;;) {
        peer.buffer.clear();
        co_await peer.ws.async_read(peer.buffer, use_awaitable);
        const auto frame = beast::buffers_to_string(peer.buffer.data());
        if (frame.starts_with(R"({"op":"ready")"))
            break;
        if (frame.starts_with(R"({"op":"error")"))
            throw std::runtime_error("hello refused: " + frame);
    }
    peer.buffer.clear();
}

template <class Stream>
void LoadDriver<Stream>::read(Peer& peer) {
    peer.ws.async_read(peer.buffer, [this, &peer](beast::error_code ec, std::size_t) {
        if (m_phase == Phase::Done)
            return;
        if (ec) {
            const auto reason = peer.ws.reason();
            return fail("the server closed the socket of user " + std::to_string(peer.index) +
                        ": " + ec.message() + " (close code " + std::to_string(reason.code) + " " +
                        std::string(reason.reason.c_str()) + ")");
        }
        const auto data = peer.buffer.cdata();
        onFrame(peer, std::string_view(static_cast<const char*>(data.data()), data.size()));
        peer.buffer.clear();
        read(peer);
    });
}

template <class Stream>
void LoadDriver<Stream>::onFrame(Peer& peer, std::string_view frame) {
    const int pair = peer.index / 2, side = peer.index % 2;
    if (frame.starts_with(R"({"op":"ack")")) {
        const auto key = parseKey(stringField(frame, "client_id"));
        if (key.pair == pair && key.side == side)
            m_sent[static_cast<std::size_t>(peer.index)][static_cast<std::size_t>(key.n)].acked =
                true;
        return;
    }
    if (frame.starts_with(R"({"op":"error")"))
        return fail("the server refused a frame: " + std::string(frame) +
                    (frame.find("rate_limited") != std::string_view::npos
                         ? "\nRaise limits.sends_burst and limits.sends_per_second (see "
                           "docs/benchmarks.md)."
                         : ""));
    if (!frame.starts_with(R"({"op":"event")") ||
        frame.find(R"("type":"message.created")") == std::string_view::npos)
        return;
    const auto key = parseKey(stringField(frame, "client_id"));
    if (key.pair != pair || key.side == side || key.n < 0)
        return;  // our own message coming back to us, or not one of the load's
    auto& sent = m_sent[static_cast<std::size_t>(2 * pair + key.side)];
    if (static_cast<std::size_t>(key.n) >= sent.size())
        return fail("a message was delivered that was never sent: " + std::string(frame));
    auto& message = sent[static_cast<std::size_t>(key.n)];
    if (++message.deliveries > 1)
        return;
    --m_inFlight[static_cast<std::size_t>(pair)];
    if (m_phase == Phase::Measure) {
        ++m_report.deliveries;
        m_report.latenciesMs.push_back(msSince(message.sentAt, Clock::now()));
    }
    if (m_phase == Phase::Warmup || m_phase == Phase::Measure)
        sendNext(pair, side);  // the receiver answers: each pair sends in turn
}

template <class Stream>
void LoadDriver<Stream>::sendNext(int pair, int side) {
    const auto index = static_cast<std::size_t>(2 * pair + side);
    auto& sent = m_sent[index];
    std::string frame =
        R"({"op":"send","chat_id":)" + std::to_string(m_chats[static_cast<std::size_t>(pair)]) +
        R"(,"client_id":")" + std::to_string(pair) + "." + std::to_string(side) + "." +
        std::to_string(sent.size()) + R"(","text":")" + std::string(kText) + "\"}";
    sent.push_back(SentMessage{Clock::now()});
    ++m_inFlight[static_cast<std::size_t>(pair)];
    write(*m_peers[index], std::move(frame));
}

template <class Stream>
void LoadDriver<Stream>::write(Peer& peer, std::string frame) {
    peer.outbox.push_back(std::move(frame));
    if (peer.outbox.size() > 1)
        return;  // the write in progress continues with it
    auto next = [this, &peer](auto& self) -> void {
        peer.ws.async_write(
            asio::buffer(peer.outbox.front()),
            [this, &peer, self](beast::error_code ec, std::size_t) {
                if (ec)
                    return m_phase == Phase::Done ? void() : fail("write failed: " + ec.message());
                peer.outbox.pop_front();
                if (!peer.outbox.empty())
                    self(self);
            });
    };
    next(next);
}

template <class Stream>
void LoadDriver<Stream>::fail(std::string why) {
    if (!m_failure.empty())
        return;
    m_failure = std::move(why);
    m_phase = Phase::Done;
    m_timer.cancel();
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
