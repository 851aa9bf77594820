// The messages domain over a real SQLite file: idempotent client_id, gapless seq, tombstones,
// unread counting, forward-only read markers, full-text search, and what is relayed.
#include <QTemporaryDir>
#include <QTest>
#include <condition_variable>
#include <mutex>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/chat_signals.h"
#include "server/domain/chats.h"
#include "server/domain/friends.h"
#include "server/domain/message_sender.h"
#include "server/domain/messages.h"
#include "tests/server/domain_fixture.h"

using test::Domain;
using test::errorOf;

class TestMessagesDomain : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.emplace().isValid());
        m_domain.emplace(m_dir->path());
        m_alice = m_domain->addUser("alice");
        m_bob = m_domain->addUser("bob");
        m_chat = m_domain->befriend(m_alice, m_bob);
    }
    void cleanup() {
        m_domain.reset();
        m_dir.reset();
    }

    void sameClientIdStoresOnce() {
        auto& d = *m_domain;
        const auto first = d.send(m_alice, m_chat, "hi", "c-1");
        server::domain::SendInput again;
        again.chatId = m_chat;
        again.clientId = "c-1";
        again.text = "something else";
        const auto second = d.sender.sendAndWait(m_alice, again);
        QVERIFY(!second.created);
        QCOMPARE(second.message.id, first.id);
        QCOMPARE(QString::fromStdString(second.message.text), QString("hi"));
        QCOMPARE(d.messages.events(m_bob, m_chat, 0, std::nullopt).lastSeq, std::int64_t{1});
        QCOMPARE(d.broadcaster.to(m_bob, "event").size(), std::size_t{1});
        // Another user may use the same client_id.
        QCOMPARE(d.send(m_bob, m_chat, "yo", "c-1").seq, std::int64_t{2});
    }

    // The send writes the message's JSON by hand once (event and ack): it must be what the codec
    // writes, escapes included, and the event must carry the same message.
    void sendWritesTheMessageAsTheCodecDoes() {
        auto& d = *m_domain;
        server::domain::SendInput input;
        input.chatId = m_chat;
        input.clientId = "q\"\\\x01";
        input.text = "tab\there \"quoted\" back\\slash \x1f\n\r\b\f caf\u00e9 \U0001F600 </b>";
        const auto outcome = d.sender.sendAndWait(m_alice, input);
        QVERIFY(outcome.created);
        QCOMPARE(QString::fromStdString(outcome.messageJson),
                 QString::fromStdString(protocol::serialize(protocol::toJson(outcome.message))));
        QCOMPARE(QString::fromStdString(outcome.message.text), QString::fromStdString(*input.text));
        const auto events = d.broadcaster.to(m_bob, "event");
        QCOMPARE(events.size(), std::size_t{1});
        const auto event = protocol::fromJson<protocol::Event>(events[0].at("event"));
        QCOMPARE(event.seq, outcome.message.seq);
        QCOMPARE(event.actor, m_alice);
        QVERIFY(protocol::fromJson<protocol::Message>(
                    protocol::parseJson(event.dataJson).at("message")) == outcome.message);
        // Posting read the chat up to the new message.
        QCOMPARE(d.chats.get(m_alice, m_chat).readSeq, outcome.message.seq);
    }

    void concurrentSendsTakeGaplessSeqs() {
        auto& d = *m_domain;
        constexpr int kCount = 200;
        std::mutex mutex;
        std::condition_variable finished;
        int done = 0;
        int failed = 0;
        for (int i = 0; i < kCount; ++i) {
            server::domain::SendInput input;
            input.chatId = m_chat;
            input.clientId = "m" + std::to_string(i);
            input.text = "message " + std::to_string(i);
            d.sender.send(i % 2 ? m_alice : m_bob, input, [&](server::domain::SendOutcome o) {
                std::lock_guard lock(mutex);
                if (o.error || !o.created)
                    ++failed;
                ++done;
                finished.notify_one();
            });
        }
        std::unique_lock lock(mutex);
        finished.wait(lock, [&] { return done == kCount; });
        QCOMPARE(failed, 0);
        const auto page = d.messages.events(m_alice, m_chat, 0, 500);
        QCOMPARE(page.events.size(), std::size_t{kCount});
        for (int i = 0; i < kCount; ++i)
            QCOMPARE(page.events[i].seq, std::int64_t{i + 1});
        QCOMPARE(page.lastSeq, std::int64_t{kCount});
        // Every event was relayed once, in seq order, to both members.
        const auto relayed = d.broadcaster.to(m_alice, "event");
        QCOMPARE(relayed.size(), std::size_t{kCount});
        for (int i = 0; i < kCount; ++i)
            QCOMPARE(relayed[i].at("event").at("seq").as_int64(), std::int64_t{i + 1});
    }

    void deletedMessagesAreTombstones() {
        auto& d = *m_domain;
        const auto message = d.send(m_alice, m_chat, "secret", "c-1");
        d.messages.react(m_bob, message.id, "👍", true);
        QCOMPARE(errorOf([&] { d.messages.remove(m_bob, message.id); }), QString("forbidden"));
        d.messages.remove(m_alice, message.id);
        d.messages.remove(m_alice, message.id);  // again: nothing new
        const auto page = d.messages.history(m_bob, m_chat, std::nullopt, std::nullopt);
        QCOMPARE(page.messages.size(), std::size_t{1});
        QVERIFY(page.messages[0].deleted);
        QVERIFY(page.messages[0].text.empty());
        QVERIFY(page.messages[0].reactions.empty());
        const auto events = d.messages.events(m_bob, m_chat, 0, std::nullopt).events;
        QCOMPARE(events.size(), std::size_t{3});
        QCOMPARE(QString::fromStdString(events.back().type), QString("message.deleted"));
        QVERIFY(d.messages.search(m_bob, m_chat, "secret").empty());
        QCOMPARE(errorOf([&] { d.messages.edit(m_alice, message.id, "back"); }),
                 QString("not_found"));
    }

    void unreadCountsOthersLiveMessages() {
        auto& d = *m_domain;
        d.send(m_alice, m_chat, "mine", "a-1");
        const auto one = d.send(m_bob, m_chat, "one", "b-1");
        d.send(m_bob, m_chat, "two", "b-2");
        d.send(m_bob, m_chat, "three", "b-3");
        QCOMPARE(d.chats.get(m_alice, m_chat).unread, std::int64_t{3});
        d.messages.remove(m_bob, one.id);
        QCOMPARE(d.chats.get(m_alice, m_chat).unread, std::int64_t{2});
        // Posting moved Bob's own marker: nothing is unread for him.
        const auto bobView = d.chats.get(m_bob, m_chat);
        QCOMPARE(bobView.unread, std::int64_t{0});
        QCOMPARE(bobView.readSeq, std::int64_t{4});
        QCOMPARE(*bobView.peerReadSeq, std::int64_t{1});
    }

    void readMarkersMoveForwardOnly() {
        auto& d = *m_domain;
        for (int i = 0; i < 5; ++i)
            d.send(m_bob, m_chat, "m", "b-" + std::to_string(i));
        d.broadcaster.clear();
        d.chatSignals.readAndWait(m_alice, m_chat, 4);
        QCOMPARE(d.chats.get(m_alice, m_chat).readSeq, std::int64_t{4});
        QCOMPARE(d.chats.get(m_alice, m_chat).unread, std::int64_t{1});
        const auto reads = d.broadcaster.to(m_bob, "read");
        QCOMPARE(reads.size(), std::size_t{1});
        QCOMPARE(reads[0].at("seq").as_int64(), std::int64_t{4});
        d.chatSignals.readAndWait(m_alice, m_chat, 2);
        QCOMPARE(d.chats.get(m_alice, m_chat).readSeq, std::int64_t{4});
        QCOMPARE(d.broadcaster.to(m_bob, "read").size(), std::size_t{1});  // nothing moved
        d.chatSignals.readAndWait(m_alice, m_chat, 1000);                  // past the end: clamped
        QCOMPARE(d.chats.get(m_alice, m_chat).readSeq, std::int64_t{5});
        QCOMPARE(errorOf([&] { d.chatSignals.readAndWait(m_alice, m_chat, -1); }),
                 QString("bad_request"));
        const auto stranger = d.addUser("carol");
        QCOMPARE(errorOf([&] { d.chatSignals.readAndWait(stranger, m_chat, 1); }),
                 QString("not_found"));
    }

    void searchMatchesWordPrefixesIgnoringCase() {
        auto& d = *m_domain;
        d.send(m_alice, m_chat, "Hello wonderful World", "a-1");
        d.send(m_bob, m_chat, "hello there", "b-1");
        d.send(m_bob, m_chat, "Nothing here", "b-2");
        QCOMPARE(d.messages.search(m_alice, m_chat, "HEL").size(), std::size_t{2});
        const auto both = d.messages.search(m_alice, m_chat, "won wor");
        QCOMPARE(both.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(both[0].text), QString("Hello wonderful World"));
        const auto newestFirst = d.messages.search(m_alice, m_chat, "hello");
        QCOMPARE(QString::fromStdString(newestFirst[0].text), QString("hello there"));
        QVERIFY(d.messages.search(m_alice, m_chat, "orld").empty());  // prefixes, not infixes
        // FTS syntax is matched literally, never an error.
        QVERIFY(d.messages.search(m_alice, m_chat, "\"hello AND NEAR(*").empty());
        QVERIFY(d.messages.search(m_alice, m_chat, "* - :").empty());
        QCOMPARE(errorOf([&] { d.messages.search(m_alice, m_chat, "  "); }),
                 QString("bad_request"));
    }

    void badInputIsRefusedBeforeStorage() {
        auto& d = *m_domain;
        server::domain::SendInput input;
        input.chatId = m_chat;
        input.clientId = "x";
        QCOMPARE(errorOf([&] { d.sender.sendAndWait(m_alice, input); }), QString("bad_request"));
        input.text = std::string(4001, 'a');
        QCOMPARE(errorOf([&] { d.sender.sendAndWait(m_alice, input); }),
                 QString("payload_too_large"));
        input.text = "ok";
        input.replyTo = 999;
        QCOMPARE(errorOf([&] { d.sender.sendAndWait(m_alice, input); }), QString("not_found"));
        input.replyTo.reset();
        input.media.assign(1, std::string(64, 'a'));
        QCOMPARE(errorOf([&] { d.sender.sendAndWait(m_alice, input); }), QString("not_found"));
        input.media.assign(11, std::string(64, 'a'));
        QCOMPARE(errorOf([&] { d.sender.sendAndWait(m_alice, input); }), QString("bad_request"));
        QCOMPARE(d.messages.events(m_alice, m_chat, 0, std::nullopt).lastSeq, std::int64_t{0});
        QCOMPARE(errorOf([&] { d.messages.react(m_alice, 1, "", true); }), QString("bad_request"));
    }

    void sendRateLimitPerUser() {
        auto& d = *m_domain;
        server::domain::MessageSender limited(d.writer, d.directory, d.broadcaster, d.clock, 3,
                                              0.001);
        server::domain::SendInput input;
        input.chatId = m_chat;
        input.text = "hi";
        for (int i = 0; i < 3; ++i) {
            input.clientId = "r" + std::to_string(i);
            limited.sendAndWait(m_alice, input);
        }
        input.clientId = "r3";
        try {
            limited.sendAndWait(m_alice, input);
            QFAIL("the fourth send was accepted");
        } catch (const protocol::ApiError& error) {
            QVERIFY(error.code() == protocol::ErrorCode::RateLimited);
            QVERIFY(error.retryAfterMs().value_or(0) > 0);
        }
        limited.sendAndWait(m_bob, input);  // per user
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<Domain> m_domain;
    std::int64_t m_alice = 0;
    std::int64_t m_bob = 0;
    std::int64_t m_chat = 0;
};

QTEST_GUILESS_MAIN(TestMessagesDomain)
#include "tst_messages_domain.moc"
