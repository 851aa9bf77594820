// messenger-server: the command line in, the exit code out (0 served, 1 failed, 2 bad settings).
#include <iostream>

#include "server/app/server_app.h"
#include "server/config/command_line.h"
#include "server/config/config_error.h"
#include "server/config/logger.h"

int main(int argc, char** argv) {
    using namespace server;
    config::CommandLine commandLine;
    try {
        commandLine = config::loadSettings(argc, argv);
    } catch (const config::ConfigError& error) {
        std::cerr << "messenger-server: " << error.what() << std::endl;
        return 2;
    }
    if (commandLine.showHelp) {
        std::cout << config::usageText();
        return 0;
    }
    if (commandLine.showVersion) {
        std::cout << "messenger-server " << MESSENGER_VERSION << std::endl;
        return 0;
    }
    config::Logger logger(*config::logLevelFromString(commandLine.settings.logLevel));
    try {
        return app::ServerApp(std::move(commandLine.settings), logger).run();
    } catch (const std::exception& error) {
        logger.error(std::string("cannot start: ") + error.what());
        return 1;
    }
}
