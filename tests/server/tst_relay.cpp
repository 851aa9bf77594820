// Live delivery through the in-process relay: every socket of each addressed user, except the
// one excluded, gets the very frame published, once, in publish order.
#include <QTest>
#include <thread>

#include "server/realtime/relay_broadcaster.h"
#include "server/realtime/session_registry.h"
#include "server/relay/local_relay.h"
#include "tests/server/recording_connection.h"

using server::realtime::RelayBroadcaster;
using server::realtime::SessionRegistry;
using server::relay::Envelope;
using server::relay::LocalRelay;
using test::RecordingConnection;

namespace {

std::shared_ptr<const std::string> frame(const std::string& text) {
    return std::make_shared<const std::string>(text);
}

// A registry with sockets 1 and 2 of user 10, socket 3 of user 20, and socket 4 not yet
// authenticated.
struct Node {
    SessionRegistry registry;
    LocalRelay relay;
    RelayBroadcaster broadcaster{relay, registry};
    std::vector<std::shared_ptr<RecordingConnection>> sockets;

    Node() {
        for (server::domain::SocketId id = 1; id <= 4; ++id) {
            sockets.push_back(std::make_shared<RecordingConnection>(id));
            registry.opened(sockets.back());
        }
        registry.authenticated(*sockets[0], 10, "token-a");
        registry.authenticated(*sockets[1], 10, "token-b");
        registry.authenticated(*sockets[2], 20, "token-c");
    }
    RecordingConnection& socket(int id) { return *sockets[static_cast<std::size_t>(id - 1)]; }
};

}  // namespace

class TestRelay : public QObject {
    Q_OBJECT

private slots:
    void everySocketOfEveryUserGetsTheSameFrame() {
        Node node;
        const auto sent = frame(R"({"op":"event"})");
        node.broadcaster.toUsers({10, 20}, sent);
        for (int id : {1, 2, 3}) {
            const auto got = node.socket(id).frames();
            QCOMPARE(got.size(), std::size_t{1});
            QCOMPARE(got[0].get(), sent.get());  // shared, never copied
        }
        QVERIFY(node.socket(4).frames().empty());
    }

    void theExcludedSocketIsSkipped() {
        Node node;
        node.broadcaster.toUsers({10, 20}, frame("x"), 1);
        QVERIFY(node.socket(1).frames().empty());
        QCOMPARE(node.socket(2).frames().size(), std::size_t{1});
        QCOMPARE(node.socket(3).frames().size(), std::size_t{1});
    }

    void otherUsersAndUnknownUsersGetNothing() {
        Node node;
        node.broadcaster.toUsers({20, 99}, frame("x"));
        QVERIFY(node.socket(1).frames().empty());
        QVERIFY(node.socket(2).frames().empty());
        QCOMPARE(node.socket(3).frames().size(), std::size_t{1});
    }

    void aClosedSocketGetsNothingAndTheOthersStillDo() {
        Node node;
        QVERIFY(!node.registry.closed(node.socket(1)));  // user 10 still has socket 2
        node.broadcaster.toUsers({10}, frame("x"));
        QVERIFY(node.socket(1).frames().empty());
        QCOMPARE(node.socket(2).frames().size(), std::size_t{1});
        QCOMPARE(node.registry.closed(node.socket(2)), std::optional<std::int64_t>(10));
        node.broadcaster.toUsers({10}, frame("y"));
        QCOMPARE(node.socket(2).frames().size(), std::size_t{1});
    }

    void framesArriveInPublishOrder() {
        Node node;
        for (int i = 0; i < 100; ++i)
            node.broadcaster.toUsers({10}, frame(std::to_string(i)));
        const auto got = node.socket(2).frames();
        QCOMPARE(got.size(), std::size_t{100});
        for (int i = 0; i < 100; ++i)
            QCOMPARE(*got[static_cast<std::size_t>(i)], std::to_string(i));
    }

    void everySubscriberSeesEveryEnvelope() {
        LocalRelay relay;
        std::vector<std::string> first, second;
        relay.subscribe([&](const Envelope& e) { first.push_back(*e.frame); });
        relay.subscribe([&](const Envelope& e) { second.push_back(*e.frame); });
        relay.publish(Envelope{{1}, frame("a"), 0});
        relay.publish(Envelope{{2}, frame("b"), 0});
        QCOMPARE(first, (std::vector<std::string>{"a", "b"}));
        QCOMPARE(second, first);
        QCOMPARE(relay.kind(), std::string_view("local"));
    }

    void concurrentPublishersLoseNothing() {
        Node node;
        constexpr int kThreads = 4, kEach = 2000;
        std::vector<std::thread> threads;
        for (int t = 0; t < kThreads; ++t)
            threads.emplace_back([&] {
                for (int i = 0; i < kEach; ++i)
                    node.broadcaster.toUsers({10, 20}, frame("x"), 2);
            });
        for (auto& thread : threads)
            thread.join();
        QCOMPARE(node.socket(1).frames().size(), std::size_t{kThreads * kEach});
        QVERIFY(node.socket(2).frames().empty());
        QCOMPARE(node.socket(3).frames().size(), std::size_t{kThreads * kEach});
    }

    void revokedTokensCloseOnlyTheirSockets() {
        Node node;
        node.registry.tokensRevoked(10, {"token-b"});
        QVERIFY(!node.socket(1).closeCode());
        QCOMPARE(node.socket(2).closeCode(), std::optional<int>(4001));
    }
};

QTEST_GUILESS_MAIN(TestRelay)
#include "tst_relay.moc"
