#include "server/app/server_app.h"

#include <algorithm>
#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/thread_pool.hpp>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include "server/app/shutdown_waiter.h"
#include "server/config/listen_address.h"
#include "server/domain/accounts.h"
#include "server/domain/chat_directory.h"
#include "server/domain/chat_signals.h"
#include "server/domain/chats.h"
#include "server/domain/clock.h"
#include "server/domain/friends.h"
#include "server/domain/groups.h"
#include "server/domain/groups_peers.h"
#include "server/domain/message_sender.h"
#include "server/domain/messages.h"
#include "server/domain/moderation.h"
#include "server/domain/notifications.h"
#include "server/domain/user_views.h"
#include "server/http/account_routes.h"
#include "server/http/chat_routes.h"
#include "server/http/friend_routes.h"
#include "server/http/group_routes.h"
#include "server/http/message_routes.h"
#include "server/http/metrics.h"
#include "server/http/moderation_routes.h"
#include "server/http/notification_routes.h"
#include "server/http/router.h"
#include "server/http/system_routes.h"
#include "server/net/http_session_tracker.h"
#include "server/net/listener.h"
#include "server/net/request_dispatcher.h"
#include "server/net/server_context.h"
#include "server/net/tls_context.h"
#include "server/realtime/presence.h"
#include "server/realtime/relay_broadcaster.h"
#include "server/realtime/session_registry.h"
#include "server/realtime/ws_ops.h"
#include "server/relay/local_relay.h"
#include "server/store/database.h"
#include "server/store/search_index.h"
#include "server/store/writer.h"

namespace server::app {
namespace {

namespace asio = boost::asio;

// In-flight work gets this long after SIGTERM before the process stops regardless.
constexpr auto kShutdownGrace = std::chrono::seconds(10);

std::string urlOf(const asio::ip::tcp::endpoint& endpoint, bool tls) {
    // Built with append: GCC 12 at -O3 reports a false -Wrestrict on chained operator+.
    const auto address = endpoint.address();
    std::string url = tls ? "https://" : "http://";
    if (address.is_v6())
        url.append("[").append(address.to_string()).append("]");
    else
        url.append(address.to_string());
    url.append(":").append(std::to_string(endpoint.port()));
    return url;
}

int ioThreadCount(int configured) {
    if (configured > 0)
        return configured;
    return std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
}

}  // namespace

ServerApp::ServerApp(config::Settings settings, config::Logger& logger)
    : m_settings(std::move(settings)), m_logger(logger) {}

int ServerApp::run() {
    const auto listen = config::parseListenAddress(m_settings.server.listen, "server.listen");
    const std::filesystem::path dataDir = m_settings.server.dataDir;
    std::filesystem::create_directories(dataDir);

    net::TlsSetup tls;
    if (m_settings.tls.enabled) {
        tls = net::makeTlsSetup(m_settings);
        if (tls.generated)
            m_logger.info("made a self-signed certificate: " + tls.certFile);
        std::cout << "tls fingerprint sha256 " << tls.fingerprint << std::endl;
    }
    if (!m_settings.relay.redis.empty())
        m_logger.warn("relay.redis is set, but this build relays in-process only");

    const domain::SystemClock clock;
    store::Database database(dataDir / "messenger.db");
    store::Writer writer(database);
    store::SearchIndex search(database, writer, store::SearchIndex::fileFor(database.file()),
                              [this](const std::string& error) { m_logger.warn(error); });
    realtime::SessionRegistry registry;
    relay::LocalRelay relay;
    realtime::RelayBroadcaster broadcaster(relay, registry);
    http::Metrics metrics;

    domain::Accounts accounts(database, writer, m_settings, registry, clock);
    domain::UserViews users(database, registry);
    domain::ChatDirectory directory(database);
    domain::Chats chats(database, directory, users);
    domain::Friends friends(database, writer, directory, chats, users, broadcaster, clock);
    domain::MessageSender sender(writer, directory, broadcaster, clock,
                                 m_settings.limits.sendsBurst, m_settings.limits.sendsPerSecond,
                                 [&metrics] { metrics.messageStored(); });
    domain::Messages messages(database, writer, search, directory, broadcaster, clock);
    domain::ChatSignals chatSignals(writer, directory, broadcaster);
    domain::Groups groups(database, writer, directory, chats, users, broadcaster, clock);
    domain::Moderation moderation(database, writer, directory, broadcaster, clock);
    domain::Notifications notifications(database, writer, directory);
    domain::GroupPeers groupPeers(database);

    http::Router router;
    http::addSystemRoutes(router, metrics,
                          {[&database] { return database.healthy(); }, std::string(relay.kind())});
    http::addAccountRoutes(router, accounts);
    http::addFriendRoutes(router, accounts, friends);
    http::addChatRoutes(router, {accounts, chats, messages, sender, chatSignals});
    http::addMessageRoutes(router, accounts, messages);
    http::addGroupRoutes(router, {accounts, groups});
    http::addModerationRoutes(router, {accounts, moderation});
    http::addNotificationRoutes(router, {accounts, notifications});
    const net::RequestDispatcher dispatcher(router, metrics, m_logger);
    const auto heartbeatMs =
        static_cast<int>(std::min<std::int64_t>(25000, m_settings.limits.idleTimeoutS * 1000 / 2));
    realtime::WsOps wsOps({accounts, sender, chatSignals}, registry, m_logger, heartbeatMs);
    net::HttpSessionTracker httpSessions;

    const int ioThreads = ioThreadCount(m_settings.server.threads);
    asio::io_context io(ioThreads);
    asio::thread_pool workers(static_cast<std::size_t>(std::max(4, ioThreads * 2)));
    net::ServerContext context{m_settings, m_logger,     metrics, dispatcher,       wsOps,
                               registry,   httpSessions, workers, tls.context.get()};

    // Presence is told of sockets by the registry from here on; it needs the io_context's timers.
    realtime::Presence presence(
        io, registry, broadcaster,
        [&groupPeers](std::int64_t userId) { return groupPeers.presenceAudience(userId); },
        [&accounts](std::int64_t userId, std::int64_t ts, std::function<void()> stored) {
            accounts.recordLastSeen(userId, ts, std::move(stored));
        });

    auto listener = std::make_shared<net::Listener>(io, context, listen);
    listener->run();

    ShutdownWaiter waiter(ioThreads);
    asio::signal_set signals(io, SIGINT, SIGTERM);
    signals.async_wait([&](const boost::system::error_code& ec, int signal) {
        if (ec)
            return;
        m_logger.info("signal " + std::to_string(signal) + ": shutting down");
        listener->stop();
        registry.closeAll(realtime::close_code::kGoingAway, "server shutting down");
        httpSessions.stopAll();
        waiter.requestStop();
    });

    std::vector<std::thread> threads;
    for (int i = 0; i < ioThreads; ++i)
        threads.emplace_back([&] {
            io.run();
            waiter.threadFinished();
        });
    std::cout << "listening on " << urlOf(listener->localEndpoint(), m_settings.tls.enabled)
              << std::endl;

    waiter.waitForStop();
    if (!waiter.waitForThreads(kShutdownGrace)) {
        m_logger.warn("connections still open after the grace period; stopping anyway");
        io.stop();
    }
    for (auto& thread : threads)
        thread.join();
    workers.join();
    writer.stop();
    m_logger.info("stopped");
    return 0;
}

}  // namespace server::app
