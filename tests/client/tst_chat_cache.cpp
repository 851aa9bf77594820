// The chat cache and the models over it, without a server: events applied once and in order, the
// outbox's life (pending, acknowledged, failed, retried, kept across a restart), search, and every
// model checked by QAbstractItemModelTester while it follows the cache.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/blocked_list_model.h"
#include "client/models/chat_list_model.h"
#include "client/models/friend_list_model.h"
#include "client/models/message_list_model.h"
#include "client/models/request_list_model.h"
#include "common/codec.h"

using client::cache::ChatCache;
using client::cache::LocalCache;
using client::models::ChatListModel;
using client::models::MessageListModel;

namespace {

constexpr qint64 kMe = 1;
constexpr qint64 kPeer = 2;

protocol::User user(qint64 id, const char* name) {
    protocol::User u;
    u.id = id;
    u.username = name;
    u.displayName = std::string(name) + " Display";
    return u;
}

protocol::Chat direct(qint64 id, qint64 peer, qint64 createdTs) {
    protocol::Chat chat;
    chat.id = id;
    chat.kind = protocol::ChatKind::Direct;
    chat.createdTs = createdTs;
    chat.peer = user(peer, peer == kPeer ? "bob" : "carol");
    chat.peerReadSeq = 0;
    return chat;
}

protocol::Message message(qint64 chatId, qint64 id, qint64 seq, qint64 sender, const char* text) {
    protocol::Message m;
    m.id = id;
    m.chatId = chatId;
    m.seq = seq;
    m.sender = sender;
    m.ts = 1000 * seq + chatId;
    m.clientId = "c" + std::to_string(id);
    m.text = text;
    return m;
}

protocol::Event created(const protocol::Message& m, const char* type = "message.created") {
    protocol::Event e;
    e.chatId = m.chatId;
    e.seq = m.seq;
    e.ts = m.ts;
    e.type = type;
    e.actor = m.sender;
    e.dataJson = "{\"message\":" + protocol::encode(m) + "}";
    return e;
}

protocol::Event about(qint64 chatId, qint64 seq, const char* type, const std::string& data) {
    protocol::Event e;
    e.chatId = chatId;
    e.seq = seq;
    e.ts = 1000 * seq;
    e.type = type;
    e.actor = kPeer;
    e.dataJson = data;
    return e;
}

// A new cache in its own temporary folder, signed in as kMe.
struct FreshCache {
    QTemporaryDir dir;
    LocalCache store{dir.path()};
    bool opened = store.open();
    ChatCache cache{store};
    FreshCache() { cache.setMe(kMe); }
};

}  // namespace

class TestChatCache : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void eventsApplyOnceAndInOrder() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        MessageListModel messages(cache, 10);
        QAbstractItemModelTester tester(&messages,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(cache.applyEvent(created(message(10, 100, 1, kPeer, "hello there"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(cache.applyEvent(created(message(10, 100, 1, kPeer, "hello there"))),
                 ChatCache::Applied::AlreadyApplied);
        QCOMPARE(cache.applyEvent(created(message(10, 102, 3, kPeer, "third"))),
                 ChatCache::Applied::Gap);
        QCOMPARE(messages.rowCount(), 1);
        QCOMPARE(cache.lastAppliedSeq(10), 1);
        QCOMPARE(cache.chat(10)->unread, 1);

        QCOMPARE(cache.applyEvent(created(message(10, 101, 2, kMe, "mine"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(cache.applyEvent(created(message(10, 102, 3, kPeer, "third"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(messages.rowCount(), 3);
        QCOMPARE(messages.index(1).data(MessageListModel::IsOwnRole).toBool(), true);
        QCOMPARE(messages.index(2).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("third"));
        QCOMPARE(messages.index(0).data(MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("bob Display"));
        // Posting moved the own read marker to 2; only the peer's message after it is unread.
        QCOMPARE(cache.chat(10)->unread, 1);

        auto edited = message(10, 100, 1, kPeer, "hello, edited");
        edited.editedTs = 4000;
        auto editEvent = created(edited, "message.edited");
        editEvent.seq = 4;
        QCOMPARE(cache.applyEvent(editEvent), ChatCache::Applied::Applied);
        QCOMPARE(messages.index(0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("hello, edited"));
        QVERIFY(messages.index(0).data(MessageListModel::EditedRole).toBool());

        QCOMPARE(
            cache.applyEvent(about(10, 5, "reaction.changed",
                                   R"({"message_id":100,"emoji":"👍","user_id":1,"added":true})")),
            ChatCache::Applied::Applied);
        const QVariantList reactions =
            messages.index(0).data(MessageListModel::ReactionsRole).toList();
        QCOMPARE(reactions.size(), 1);
        QCOMPARE(reactions[0].toMap().value(QStringLiteral("emoji")).toString(),
                 QStringLiteral("👍"));
        QVERIFY(reactions[0].toMap().value(QStringLiteral("mine")).toBool());

        QCOMPARE(
            cache.applyEvent(about(10, 6, "pin.changed", R"({"message_id":101,"pinned":true})")),
            ChatCache::Applied::Applied);
        QVERIFY(messages.index(1).data(MessageListModel::PinnedRole).toBool());

        QCOMPARE(cache.applyEvent(about(10, 7, "message.deleted", R"({"message_id":102})")),
                 ChatCache::Applied::Applied);
        QVERIFY(messages.index(2).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(messages.index(2).data(MessageListModel::TextRole).toString(), QString());
        QCOMPARE(cache.chat(10)->unread, 0);

        QVERIFY(cache.setPeerReadSeq(10, 2));
        QCOMPARE(messages.index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(MessageListModel::Delivery::Read));
    }

    void chatListFollowsActivity() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        ChatListModel chats(cache);
        QAbstractItemModelTester tester(&chats,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        QVERIFY(cache.upsertChat(direct(11, 3, 6)));
        QCOMPARE(chats.rowCount(), 2);
        QCOMPARE(chats.chatIdAt(0), 11);

        QCOMPARE(cache.applyEvent(created(message(10, 100, 1, kPeer, "news"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(chats.chatIdAt(0), 10);
        QCOMPARE(chats.index(0).data(ChatListModel::PreviewRole).toString(),
                 QStringLiteral("news"));
        QCOMPARE(chats.index(0).data(ChatListModel::UnreadRole).toInt(), 1);
        QCOMPARE(chats.index(0).data(ChatListModel::TitleRole).toString(),
                 QStringLiteral("bob Display"));

        QVERIFY(cache.setPresence(kPeer, true, std::nullopt));
        QVERIFY(chats.index(0).data(ChatListModel::PeerOnlineRole).toBool());
        chats.noteTyping(10);
        QVERIFY(chats.index(0).data(ChatListModel::TypingRole).toBool());

        QVERIFY(cache.setReadSeq(10, 1));
        QCOMPARE(chats.index(0).data(ChatListModel::UnreadRole).toInt(), 0);
        QVERIFY(cache.removeChat(11));
        QCOMPARE(chats.rowCount(), 1);
    }

    void outboxLivesUntilAcknowledged() {
        QTemporaryDir dir;
        QString failedId;
        {
            LocalCache store(dir.path());
            QVERIFY(store.open());
            ChatCache cache(store);
            cache.setMe(kMe);
            QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
            MessageListModel messages(cache, 10);
            QAbstractItemModelTester tester(&messages,
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
            const QString first = cache.enqueue(10, QStringLiteral("one"), std::nullopt);
            const QString second = cache.enqueue(10, QStringLiteral("two"), std::nullopt);
            failedId = cache.enqueue(10, QStringLiteral("three"), std::nullopt);
            QCOMPARE(messages.rowCount(), 3);
            QCOMPARE(messages.index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(MessageListModel::Delivery::Pending));
            QCOMPARE(cache.pendingHeads().size(), size_t(1));
            QCOMPARE(cache.pendingHeads()[0].clientId, first);

            auto acked = message(10, 200, 1, kMe, "one");
            acked.clientId = first.toStdString();
            QVERIFY(cache.confirm(first, acked));
            QCOMPARE(messages.rowCount(), 3);
            QCOMPARE(messages.index(0).data(MessageListModel::SeqRole).toLongLong(), 1);
            QCOMPARE(messages.index(0).data(MessageListModel::DeliveryRole).toInt(),
                     int(MessageListModel::Delivery::Sent));
            QCOMPARE(cache.pendingHeads()[0].clientId, second);
            // The event of the acknowledged message changes nothing more.
            QCOMPARE(cache.applyEvent(created(acked)), ChatCache::Applied::Applied);
            QCOMPARE(messages.rowCount(), 3);

            QVERIFY(cache.fail(failedId, QStringLiteral("text: too long")));
            QCOMPARE(messages.index(2).data(MessageListModel::DeliveryRole).toInt(),
                     int(MessageListModel::Delivery::Failed));
            QCOMPARE(messages.index(2).data(MessageListModel::FailureRole).toString(),
                     QStringLiteral("text: too long"));
        }
        LocalCache store(dir.path());
        QVERIFY(store.open());
        ChatCache cache(store);
        cache.setMe(kMe);
        const auto kept = cache.outbox(10);
        QCOMPARE(kept.size(), size_t(2));
        QCOMPARE(kept[0].text, QStringLiteral("two"));
        QVERIFY(cache.retry(failedId));
        QCOMPARE(cache.outbox(10).back().delivery, client::cache::MessageRow::Delivery::Pending);
    }

    void searchFindsWordPrefixes() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        QVERIFY(cache.storeMessages({message(10, 1, 1, kPeer, "Lunch at noon?"),
                                     message(10, 2, 2, kMe, "Sure, lunch sounds good"),
                                     message(10, 3, 3, kPeer, "dinner then")}));
        const auto found = cache.search(0, QStringLiteral("LUN"));
        QCOMPARE(found.size(), size_t(2));
        QCOMPARE(found[0].id, 2);
        QCOMPARE(cache.search(10, QStringLiteral("lunch good")).size(), size_t(1));
        QCOMPARE(cache.search(10, QStringLiteral("\"*) OR")).size(), size_t(0));
    }

    void contactsModels() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        client::models::FriendListModel friends(cache);
        client::models::RequestListModel requests(cache);
        QAbstractItemModelTester t1(&friends,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester t2(&requests,
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(cache.setFriends({user(kPeer, "bob")}, {10}));
        QCOMPARE(friends.rowCount(), 1);
        QCOMPARE(friends.index(0).data(client::models::FriendListModel::ChatIdRole).toLongLong(),
                 10);
        protocol::FriendRequest in;
        in.id = 7;
        in.from = user(3, "carol");
        in.to = user(kMe, "me");
        QVERIFY(cache.setRequests({in}, {}));
        QCOMPARE(requests.rowCount(), 1);
        QCOMPARE(requests.incomingCount(), 1);
        QVERIFY(cache.setPresence(kPeer, true, std::nullopt));
        QVERIFY(friends.index(0).data(client::models::FriendListModel::OnlineRole).toBool());
    }

    void historyPageWithATombstoneIsStored() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        protocol::Message gone = message(10, 2, 2, kPeer, "");
        gone.deleted = true;
        QVERIFY(cache.storeMessages(
            {message(10, 1, 1, kPeer, "first"), gone, message(10, 3, 3, kMe, "third")}));
        MessageListModel messages(cache, 10);
        QAbstractItemModelTester tester(&messages,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(messages.rowCount(), 3);
        QVERIFY(messages.index(1).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(messages.index(1).data(MessageListModel::TextRole).toString(), QString());
        QCOMPARE(messages.index(2).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("third"));
    }

    // Posting moves the poster's own read marker: the peer's message at seq S means the peer has
    // read up to S, so my earlier messages show Read without any read op.
    void peerPostingMarksMyEarlierMessagesRead() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        MessageListModel messages(cache, 10);
        QAbstractItemModelTester tester(&messages,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(cache.applyEvent(created(message(10, 100, 1, kMe, "hi"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(cache.applyEvent(created(message(10, 101, 2, kMe, "are you there?"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(messages.index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(MessageListModel::Delivery::Sent));
        QCOMPARE(cache.applyEvent(created(message(10, 102, 3, kPeer, "yes"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(cache.chat(10)->peerReadSeq, 3);
        QCOMPARE(messages.index(0).data(MessageListModel::DeliveryRole).toInt(),
                 int(MessageListModel::Delivery::Read));
        QCOMPARE(messages.index(1).data(MessageListModel::DeliveryRole).toInt(),
                 int(MessageListModel::Delivery::Read));
        // A later read marker of the peer below it never moves it back.
        QVERIFY(cache.setPeerReadSeq(10, 2));
        QCOMPARE(cache.chat(10)->peerReadSeq, 3);
    }

    void railPreviewNamesMyOwnLastMessage() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        ChatCache& cache = fresh.cache;
        ChatListModel chats(cache);
        QAbstractItemModelTester tester(&chats,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(cache.upsertChat(direct(10, kPeer, 5)));
        QCOMPARE(cache.applyEvent(created(message(10, 100, 1, kPeer, "lunch?"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(chats.index(0).data(ChatListModel::PreviewRole).toString(),
                 QStringLiteral("lunch?"));
        QCOMPARE(cache.applyEvent(created(message(10, 101, 2, kMe, "sure, at noon"))),
                 ChatCache::Applied::Applied);
        QCOMPARE(chats.index(0).data(ChatListModel::PreviewRole).toString(),
                 QStringLiteral("You: sure, at noon"));
        QCOMPARE(cache.applyEvent(about(10, 3, "message.deleted", R"({"message_id":101})")),
                 ChatCache::Applied::Applied);
        QCOMPARE(chats.index(0).data(ChatListModel::PreviewRole).toString(),
                 QStringLiteral("Message deleted"));
    }

    void blockedListModel() {
        client::models::BlockedListModel blocked;
        QAbstractItemModelTester tester(&blocked,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        using Model = client::models::BlockedListModel;
        blocked.setUsers({user(4, "zed"), user(3, "carol")});
        QCOMPARE(blocked.rowCount(), 2);
        QCOMPARE(blocked.index(0).data(Model::DisplayNameRole).toString(),
                 QStringLiteral("carol Display"));
        QCOMPARE(blocked.index(1).data(Model::UsernameRole).toString(), QStringLiteral("zed"));
        blocked.remove(3);
        QCOMPARE(blocked.rowCount(), 1);
        QCOMPARE(blocked.index(0).data(Model::UserIdRole).toLongLong(), 4);
        blocked.remove(99);
        QCOMPARE(blocked.rowCount(), 1);
    }
};

QTEST_GUILESS_MAIN(TestChatCache)
#include "tst_chat_cache.moc"
