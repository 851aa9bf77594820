// The course of one load run: its phase, the timer its waits share, and the first failure.
#pragma once

#include <boost/asio/awaitable.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <chrono>
#include <string>

#include "bench/common/cpu_window.h"
#include "bench/common/load_frames.h"

namespace bench {

class LoadRun {
public:
    enum class Phase { Opening, Joining, Warmup, Measure, Drain, Done };

    explicit LoadRun(boost::asio::io_context& io) : m_timer(io) {}

    Phase phase() const { return m_phase; }
    void enter(Phase phase) { m_phase = phase; }
    bool sending() const { return m_phase == Phase::Warmup || m_phase == Phase::Measure; }

    bool failed() const { return !m_failure.empty(); }
    // Throws std::runtime_error with the failure, if there was one.
    void throwIfFailed() const;
    // The first failure ends the run (Done) and cuts the wait in progress short; later ones are
    // dropped.
    void fail(std::string why);

    // Waits for `duration`, less when the run fails meanwhile.
    boost::asio::awaitable<void> sleepFor(Clock::duration duration);

    // From the warm-up (the senders already started): waits `warmup` seconds, measures for
    // `seconds` (report.seconds, and report.cpu against report.deliveries), then waits up to 5 s
    // until drained() holds. Ends in Done, failed or not.
    template <class Report, class Drained>
    boost::asio::awaitable<void> measure(int warmup, int seconds, int serverPid, Report& report,
                                         Drained drained) {
        co_await sleepFor(std::chrono::seconds(warmup));
        if (!failed()) {
            m_phase = Phase::Measure;
            const auto start = Clock::now();
            const CpuWindow cpu(serverPid);
            co_await sleepFor(std::chrono::seconds(seconds));
            m_phase = Phase::Drain;
            report.seconds = std::chrono::duration<double>(Clock::now() - start).count();
            report.cpu = cpu.close(report.deliveries);
            const auto drainEnd = Clock::now() + kDrainLimit;
            while (!failed() && !drained() && Clock::now() < drainEnd)
                co_await sleepFor(std::chrono::milliseconds(20));
        }
        m_phase = Phase::Done;
    }

private:
    static constexpr auto kDrainLimit = std::chrono::seconds(5);

    boost::asio::steady_timer m_timer;
    Phase m_phase = Phase::Opening;
    std::string m_failure;
};

}  // namespace bench
