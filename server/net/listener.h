// The listening TCP socket: accepts connections and starts an HTTP session on each.
#pragma once

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <memory>

#include "server/config/listen_address.h"
#include "server/net/server_context.h"

namespace server::net {

class Listener : public std::enable_shared_from_this<Listener> {
public:
    // Binds at once (port 0: an ephemeral port); throws std::runtime_error naming the address.
    Listener(boost::asio::io_context& io, ServerContext& ctx, const config::ListenAddress& address);

    // The bound address, with the real port.
    boost::asio::ip::tcp::endpoint localEndpoint() const { return m_acceptor.local_endpoint(); }

    void run();
    // Stops accepting. May be called from any thread.
    void stop();

private:
    void accept();
    // Accepts the next connection with `executor` as its own.
    template <class Executor>
    void acceptOn(const Executor& executor);

    boost::asio::io_context& m_io;
    ServerContext& m_ctx;
    boost::asio::ip::tcp::acceptor m_acceptor;
};

}  // namespace server::net
