// The server process: wires settings, storage, services, routes and listeners, and runs them.
#pragma once

#include "server/config/logger.h"
#include "server/config/settings.h"

namespace server::app {

class ServerApp {
public:
    ServerApp(config::Settings settings, config::Logger& logger);

    // Serves until SIGTERM or SIGINT, then stops accepting, closes every WebSocket with 1001,
    // finishes the requests in flight and flushes the writer. Returns the exit code.
    // Throws std::runtime_error when it cannot start (data folder, database, TLS, port).
    int run();

private:
    config::Settings m_settings;
    config::Logger& m_logger;
};

}  // namespace server::app
