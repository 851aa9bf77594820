// Presence as friends see it: online with the first socket, offline only after the delay has
// passed with no socket open (a quick reconnect announces nothing), with last_seen recorded.
#include <QTest>
#include <boost/asio/io_context.hpp>
#include <mutex>

#include "common/codec.h"
#include "server/realtime/presence.h"
#include "server/realtime/relay_broadcaster.h"
#include "server/realtime/session_registry.h"
#include "server/relay/local_relay.h"
#include "tests/server/recording_connection.h"

using server::realtime::Presence;
using server::realtime::RelayBroadcaster;
using server::realtime::SessionRegistry;
using server::relay::LocalRelay;
using test::RecordingConnection;

namespace {

constexpr std::int64_t kAlice = 1, kBob = 2;
constexpr auto kDelay = std::chrono::milliseconds(150);

// Alice's presence goes to Bob, who has one socket open throughout.
struct Node {
    boost::asio::io_context io;
    SessionRegistry registry;
    LocalRelay relay;
    RelayBroadcaster broadcaster{relay, registry};
    std::mutex mutex;
    std::vector<std::pair<std::int64_t, std::int64_t>> lastSeen;  // (user, ts) recorded
    Presence presence{io,
                      registry,
                      broadcaster,
                      [](std::int64_t user) {
                          return user == kAlice ? std::vector<std::int64_t>{kBob}
                                                : std::vector<std::int64_t>{kAlice};
                      },
                      [this](std::int64_t user, std::int64_t ts) {
                          std::lock_guard lock(mutex);
                          lastSeen.emplace_back(user, ts);
                      },
                      kDelay};
    std::shared_ptr<RecordingConnection> bob = std::make_shared<RecordingConnection>(100);
    server::domain::SocketId nextId = 1;

    Node() {
        registry.opened(bob);
        registry.authenticated(*bob, kBob, "bob");
    }
    std::shared_ptr<RecordingConnection> connectAlice() {
        auto socket = std::make_shared<RecordingConnection>(nextId++);
        registry.opened(socket);
        registry.authenticated(*socket, kAlice, "alice");
        return socket;
    }
    // What Bob was told about Alice since the last call.
    std::vector<protocol::ws::PresenceOut> bobHeard() {
        std::vector<protocol::ws::PresenceOut> result;
        for (const auto& frame : bob->takeFrames()) {
            const auto decoded = protocol::decode<protocol::ServerFrame>(*frame);
            const auto* presence = std::get_if<protocol::ws::PresenceOut>(&decoded);
            if (presence && presence->userId == kAlice)
                result.push_back(*presence);
        }
        return result;
    }
    void runFor(std::chrono::milliseconds duration) {
        io.restart();
        io.run_for(duration);
    }
};

}  // namespace

class TestPresence : public QObject {
    Q_OBJECT

private slots:
    void firstSocketAnnouncesOnlineOnce() {
        Node node;
        QVERIFY(!node.registry.isOnline(kAlice));
        node.connectAlice();
        auto heard = node.bobHeard();
        QCOMPARE(heard.size(), std::size_t{1});
        QVERIFY(heard[0].status == protocol::Presence::Online);
        QVERIFY(!heard[0].lastSeen);
        QVERIFY(node.registry.isOnline(kAlice));

        node.connectAlice();  // a second device: nothing new to say
        QVERIFY(node.bobHeard().empty());
    }

    void theFrameOnTheWireSaysOnlineWithNullLastSeen() {
        Node node;
        node.connectAlice();
        const auto frames = node.bob->frames();
        QCOMPARE(frames.size(), std::size_t{1});
        const auto json = protocol::parseJson(*frames[0]).as_object();
        QCOMPARE(json.at("op").as_string(), "presence");
        QCOMPARE(json.at("user_id").as_int64(), kAlice);
        QCOMPARE(json.at("status").as_string(), "online");
        QVERIFY(json.at("last_seen").is_null());
    }

    void offlineAfterTheDelayWithLastSeen() {
        Node node;
        const auto alice = node.connectAlice();
        node.bobHeard();
        const auto before = QDateTime::currentMSecsSinceEpoch();
        node.registry.closed(*alice);
        // Until the delay passes, Alice is still online to everyone, and nothing is said.
        QVERIFY(node.registry.isOnline(kAlice));
        QVERIFY(node.bobHeard().empty());

        node.runFor(kDelay * 3);
        const auto heard = node.bobHeard();
        QCOMPARE(heard.size(), std::size_t{1});
        QVERIFY(heard[0].status == protocol::Presence::Offline);
        QVERIFY(heard[0].lastSeen);
        QVERIFY(*heard[0].lastSeen >= before);
        QVERIFY(!node.registry.isOnline(kAlice));
        std::lock_guard lock(node.mutex);
        QCOMPARE(node.lastSeen.size(), std::size_t{1});
        QCOMPARE(node.lastSeen[0], std::make_pair(kAlice, *heard[0].lastSeen));
    }

    void aReconnectWithinTheDelayDoesNotFlap() {
        Node node;
        auto alice = node.connectAlice();
        node.bobHeard();
        for (int i = 0; i < 3; ++i) {
            node.registry.closed(*alice);
            node.runFor(kDelay / 3);
            alice = node.connectAlice();
        }
        node.runFor(kDelay * 3);  // every scheduled offline has come and gone
        QVERIFY(node.bobHeard().empty());
        QVERIFY(node.registry.isOnline(kAlice));
        std::lock_guard lock(node.mutex);
        QVERIFY(node.lastSeen.empty());
    }

    void closingOneOfTwoSocketsKeepsTheUserOnline() {
        Node node;
        const auto phone = node.connectAlice();
        node.connectAlice();
        node.bobHeard();
        node.registry.closed(*phone);
        node.runFor(kDelay * 3);
        QVERIFY(node.bobHeard().empty());
        QVERIFY(node.registry.isOnline(kAlice));
    }

    void backOnlineAfterGoingOffline() {
        Node node;
        const auto alice = node.connectAlice();
        node.registry.closed(*alice);
        node.runFor(kDelay * 3);
        node.bobHeard();
        node.connectAlice();
        const auto heard = node.bobHeard();
        QCOMPARE(heard.size(), std::size_t{1});
        QVERIFY(heard[0].status == protocol::Presence::Online);
    }

    void shutdownSettlesPendingOfflinesAtOnce() {
        Node node;
        const auto alice = node.connectAlice();
        node.registry.closed(*alice);
        node.bobHeard();
        node.registry.closeAll(1001, "server shutting down");
        // Settled before the io_context runs at all: no timer is left to hold it for the delay.
        QVERIFY(!node.registry.isOnline(kAlice));
        {
            std::lock_guard lock(node.mutex);
            QCOMPARE(node.lastSeen.size(), std::size_t{1});
        }
        const auto heard = node.bobHeard();
        QCOMPARE(heard.size(), std::size_t{1});
        QVERIFY(heard[0].status == protocol::Presence::Offline);
    }
};

QTEST_GUILESS_MAIN(TestPresence)
#include "tst_presence.moc"
