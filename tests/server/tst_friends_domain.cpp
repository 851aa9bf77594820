// The friends domain over a real SQLite file: requests, friendships as direct chats, unfriending,
// blocks and what each side is told (notifications included), and presence visible to friends
// only.
#include <QTemporaryDir>
#include <QTest>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/accounts.h"
#include "server/domain/chat_signals.h"
#include "server/domain/chats.h"
#include "server/domain/friends.h"
#include "server/domain/message_sender.h"
#include "server/domain/messages.h"
#include "server/domain/notifications.h"
#include "tests/server/domain_fixture.h"

using test::Domain;
using test::errorOf;

class TestFriendsDomain : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.emplace().isValid());
        m_domain.emplace(m_dir->path());
        m_alice = m_domain->addUser("alice");
        m_bob = m_domain->addUser("bob");
    }
    void cleanup() {
        m_domain.reset();
        m_dir.reset();
    }

    void requestAndAcceptOpensADirectChatOnBothSides() {
        auto& d = *m_domain;
        const auto outcome = d.friends.request(m_alice, m_bob);
        QVERIFY(outcome.request && !outcome.chat);
        QCOMPARE(d.broadcaster.to(m_bob, "friend.request").size(), std::size_t{1});
        QCOMPARE(errorOf([&] { d.friends.request(m_alice, m_bob); }), QString("conflict"));
        QCOMPARE(errorOf([&] { d.friends.request(m_alice, m_alice); }), QString("bad_request"));
        QCOMPARE(errorOf([&] { d.friends.request(m_alice, 9999); }), QString("not_found"));
        QCOMPARE(d.friends.requests(m_bob).incoming.size(), std::size_t{1});
        QCOMPARE(d.friends.requests(m_alice).outgoing.size(), std::size_t{1});
        // Only the recipient may accept.
        QCOMPARE(errorOf([&] { d.friends.accept(m_alice, outcome.request->id); }),
                 QString("not_found"));
        const auto chat = d.friends.accept(m_bob, outcome.request->id);
        QCOMPARE(chat.peer->id, m_alice);
        QVERIFY(chat.kind == protocol::ChatKind::Direct);
        const auto added = d.broadcaster.to(m_alice, "chat.added");
        QCOMPARE(added.size(), std::size_t{1});
        QCOMPARE(added[0].at("chat").at("peer").at("id").as_int64(), m_bob);
        QCOMPARE(d.friends.list(m_alice).size(), std::size_t{1});
        QCOMPARE(d.friends.list(m_alice)[0].chatId, chat.id);
        QCOMPARE(errorOf([&] { d.friends.request(m_bob, m_alice); }), QString("conflict"));
        QVERIFY(d.friends.requests(m_bob).incoming.empty());
    }

    void requestAndAcceptanceNotifyTheOtherSideOnly() {
        auto& d = *m_domain;
        const auto request = d.friends.request(m_alice, m_bob).request->id;
        const auto asked = d.broadcaster.to(m_bob, "notification");
        QCOMPARE(asked.size(), std::size_t{1});
        QCOMPARE(asked[0].at("notification").at("type").as_string(), "friend_request");
        QCOMPARE(asked[0].at("notification").at("actor").as_int64(), m_alice);
        QCOMPARE(asked[0].at("notification").at("text").as_string(),
                 "alice sent you a friend request");
        QVERIFY(d.broadcaster.to(m_alice, "notification").empty());
        // A refused request stores nothing.
        QCOMPARE(errorOf([&] { d.friends.request(m_alice, m_bob); }), QString("conflict"));
        QCOMPARE(server::domain::unreadNotifications(d.database, m_bob), std::int64_t{1});

        d.friends.accept(m_bob, request);
        const auto accepted = d.broadcaster.to(m_alice, "notification");
        QCOMPARE(accepted.size(), std::size_t{1});
        QCOMPARE(accepted[0].at("notification").at("type").as_string(), "friend_accepted");
        QCOMPARE(accepted[0].at("notification").at("text").as_string(),
                 "bob accepted your friend request");
        QCOMPARE(d.broadcaster.to(m_bob, "notification").size(), std::size_t{1});
        QCOMPARE(server::domain::unreadNotifications(d.database, m_alice), std::int64_t{1});
    }

    void aRequestBackIsAcceptedAtOnce() {
        auto& d = *m_domain;
        d.friends.request(m_alice, m_bob);
        const auto outcome = d.friends.request(m_bob, m_alice);
        QVERIFY(outcome.chat && !outcome.request);
        QCOMPARE(outcome.chat->peer->id, m_alice);
        QVERIFY(d.friends.requests(m_alice).outgoing.empty());
    }

    void declineAndWithdrawBelongToTheirSide() {
        auto& d = *m_domain;
        const auto first = d.friends.request(m_alice, m_bob).request->id;
        QCOMPARE(errorOf([&] { d.friends.decline(m_alice, first); }), QString("not_found"));
        d.friends.decline(m_bob, first);
        const auto second = d.friends.request(m_alice, m_bob).request->id;
        QCOMPARE(errorOf([&] { d.friends.withdraw(m_bob, second); }), QString("not_found"));
        d.friends.withdraw(m_alice, second);
        QVERIFY(d.friends.requests(m_bob).incoming.empty());
    }

    void unfriendKeepsHistoryButStopsPosting() {
        auto& d = *m_domain;
        const auto chat = d.befriend(m_alice, m_bob);
        d.send(m_alice, chat, "before", "a-1");
        d.friends.unfriend(m_bob, m_alice);
        QCOMPARE(d.broadcaster.to(m_alice, "friend.removed").size(), std::size_t{1});
        QCOMPARE(d.broadcaster.to(m_bob, "friend.removed").size(), std::size_t{1});
        QCOMPARE(errorOf([&] { d.send(m_alice, chat, "after", "a-2"); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { d.chatSignals.typing(m_alice, chat); }), QString("forbidden"));
        QCOMPARE(d.messages.history(m_bob, chat, std::nullopt, std::nullopt).messages.size(),
                 std::size_t{1});
        QCOMPARE(errorOf([&] { d.friends.unfriend(m_bob, m_alice); }), QString("not_found"));
        // Friends again: the same chat reopens.
        QCOMPARE(d.befriend(m_bob, m_alice), chat);
        d.send(m_alice, chat, "again", "a-3");
    }

    void blockEndsEverythingBothWays() {
        auto& d = *m_domain;
        const auto chat = d.befriend(m_alice, m_bob);
        const auto carol = d.addUser("carol");
        d.friends.request(carol, m_alice);
        d.broadcaster.clear();
        d.friends.block(m_alice, m_bob);
        d.friends.block(m_alice, m_bob);  // idempotent
        QCOMPARE(d.broadcaster.to(m_bob, "friend.removed").size(), std::size_t{1});
        QVERIFY(d.friends.list(m_alice).empty());
        QCOMPARE(errorOf([&] { d.send(m_bob, chat, "hey", "b-1"); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { d.friends.request(m_bob, m_alice); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { d.friends.request(m_alice, m_bob); }), QString("forbidden"));
        QCOMPARE(d.friends.blocks(m_alice).size(), std::size_t{1});
        QVERIFY(d.friends.blocks(m_bob).empty());
        // A pending request ends too, and both sides are told.
        d.friends.block(carol, m_alice);
        QVERIFY(d.friends.requests(m_alice).incoming.empty());
        QCOMPARE(d.broadcaster.to(m_alice, "friend.removed").size(), std::size_t{2});
        // Unblocking restores nothing, but a new request may be sent.
        d.friends.unblock(m_alice, m_bob);
        QVERIFY(d.friends.list(m_alice).empty());
        QVERIFY(d.friends.request(m_bob, m_alice).request);
    }

    void presenceShowsToFriendsOnly() {
        auto& d = *m_domain;
        d.sessions.setOnline(m_bob);
        QVERIFY(d.users.view(m_bob, m_alice).status == protocol::Presence::Offline);
        d.befriend(m_alice, m_bob);
        QVERIFY(d.users.view(m_bob, m_alice).status == protocol::Presence::Online);
        d.friends.block(m_bob, m_alice);
        QVERIFY(d.users.view(m_bob, m_alice).status == protocol::Presence::Offline);
        QVERIFY(!d.users.view(m_bob, m_alice).lastSeen);
    }

    void blockedUsersDisappearFromSearch() {
        auto& d = *m_domain;
        server::config::Settings settings;
        server::domain::Accounts accounts(d.database, d.writer, settings, d.sessions, d.clock);
        const server::domain::AuthContext alice{m_alice, "hash"};
        QCOMPARE(accounts.search(alice, "bo").size(), std::size_t{1});
        d.friends.block(m_bob, m_alice);
        QVERIFY(accounts.search(alice, "bo").empty());
        QVERIFY(accounts.search({m_bob, "hash"}, "ali").empty());
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Domain> m_domain;
    std::int64_t m_alice = 0;
    std::int64_t m_bob = 0;
};

QTEST_GUILESS_MAIN(TestFriendsDomain)
#include "tst_friends_domain.moc"
