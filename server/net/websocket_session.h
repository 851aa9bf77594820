// A WebSocket connection on /api/v1/ws: its strand, its bounded outgoing queue and its timers.
#pragma once

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "server/net/server_context.h"

namespace server::net {

using UpgradeRequest = boost::beast::http::request<boost::beast::http::string_body>;

// Accepts the upgrade on `stream` (a beast::tcp_stream or beast::ssl_stream<beast::tcp_stream>,
// already past any TLS handshake) and serves the socket until it closes.
template <class Stream>
void startWebSocketSession(Stream&& stream, UpgradeRequest request, ServerContext& ctx);

}  // namespace server::net
