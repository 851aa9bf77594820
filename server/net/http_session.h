// An HTTP/1.1 connection: reads requests, runs their handlers on the workers, writes the answers.
#pragma once

#include <boost/asio/ip/tcp.hpp>

#include "server/net/server_context.h"

namespace server::net {

// Takes over an accepted socket whose executor is its own strand. Serves TLS when ctx.tls is set,
// plain HTTP otherwise; a WebSocket upgrade on /api/v1/ws hands the stream to a WebSocket session.
void startHttpSession(boost::asio::ip::tcp::socket socket, ServerContext& ctx);

}  // namespace server::net
