#include "server/net/listener.h"

#include <boost/asio/post.hpp>
#include <boost/asio/strand.hpp>
#include <stdexcept>

#include "server/net/http_session.h"

namespace server::net {

namespace asio = boost::asio;
using asio::ip::tcp;

Listener::Listener(asio::io_context& io, ServerContext& ctx, const config::ListenAddress& address)
    : m_io(io), m_ctx(ctx), m_acceptor(asio::make_strand(io)) {
    boost::system::error_code ec;
    tcp::resolver resolver(io);
    const auto results =
        resolver.resolve(address.host, std::to_string(address.port),
                         tcp::resolver::passive | tcp::resolver::numeric_service, ec);
    if (ec || results.empty())
        throw std::runtime_error("cannot resolve listen address " + address.host + ": " +
                                 ec.message());
    std::string lastError;
    for (const auto& entry : results) {
        const auto endpoint = entry.endpoint();
        m_acceptor.open(endpoint.protocol(), ec);
        if (!ec)
            m_acceptor.set_option(asio::socket_base::reuse_address(true), ec);
        if (!ec)
            m_acceptor.bind(endpoint, ec);
        if (!ec)
            m_acceptor.listen(asio::socket_base::max_listen_connections, ec);
        if (!ec)
            return;
        lastError = ec.message();
        boost::system::error_code ignored;
        m_acceptor.close(ignored);
    }
    throw std::runtime_error("cannot listen on " + address.host + ":" +
                             std::to_string(address.port) + ": " + lastError);
}

void Listener::run() {
    asio::post(m_acceptor.get_executor(), [self = shared_from_this()] { self->accept(); });
}

void Listener::stop() {
    asio::post(m_acceptor.get_executor(), [self = shared_from_this()] {
        boost::system::error_code ignored;
        self->m_acceptor.close(ignored);
    });
}

void Listener::accept() {
    // A connection's handlers never run concurrently. With one io thread that holds anyway, and
    // a connection runs on the io_context itself: the frames a group commit hands a thousand
    // sockets then reach them all in the one post SessionWakeups makes, where a strand per
    // connection would post once more per socket.
    if (m_ctx.settings.server.threads == 1)
        acceptOn(m_io.get_executor());
    else
        acceptOn(asio::make_strand(m_io));
}

template <class Executor>
void Listener::acceptOn(const Executor& executor) {
    m_acceptor.async_accept(
        executor, [self = shared_from_this()](boost::system::error_code ec, tcp::socket socket) {
            if (ec == asio::error::operation_aborted || !self->m_acceptor.is_open())
                return;
            if (ec) {
                self->m_ctx.logger.warn("accept failed: " + ec.message());
            } else {
                boost::system::error_code ignored;
                socket.set_option(tcp::no_delay(true), ignored);
                startHttpSession(std::move(socket), self->m_ctx);
            }
            self->accept();
        });
}

}  // namespace server::net
