// What every connection of the server shares: settings, routes, the op table and the workers.
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <boost/asio/thread_pool.hpp>

#include "server/config/logger.h"
#include "server/config/settings.h"
#include "server/http/metrics.h"
#include "server/net/http_session_tracker.h"
#include "server/net/request_dispatcher.h"
#include "server/realtime/session_registry.h"
#include "server/realtime/ws_ops.h"

namespace server::net {

// Every member outlives every connection.
struct ServerContext {
    const config::Settings& settings;
    config::Logger& logger;
    http::Metrics& metrics;
    const RequestDispatcher& dispatcher;
    realtime::WsOps& wsOps;
    realtime::SessionRegistry& registry;
    HttpSessionTracker& httpSessions;
    boost::asio::thread_pool& workers;  // handlers and ops that may block run here
    boost::asio::ssl::context* tls;     // null: plain HTTP and WS
};

}  // namespace server::net
