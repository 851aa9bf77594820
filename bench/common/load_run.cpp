#include "bench/common/load_run.h"

#include <boost/asio/redirect_error.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <stdexcept>

namespace bench {

void LoadRun::fail(std::string why) {
    if (!m_failure.empty())
        return;
    m_failure = std::move(why);
    m_phase = Phase::Done;
    m_timer.cancel();
}

void LoadRun::throwIfFailed() const {
    if (!m_failure.empty())
        throw std::runtime_error(m_failure);
}

boost::asio::awaitable<void> LoadRun::sleepFor(Clock::duration duration) {
    boost::system::error_code ec;
    m_timer.expires_after(duration);
    co_await m_timer.async_wait(boost::asio::redirect_error(boost::asio::use_awaitable, ec));
}

}  // namespace bench
