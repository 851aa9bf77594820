// Two people, each with their own Account and profile in one process, against the real server:
// they find each other, become friends and talk; everything each one sees arrives live, through
// the cache, into the models the window paints. Every model runs under QAbstractItemModelTester.
#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <vector>

#include "tests/support/client_fixture.h"

using client::app::Account;
using client::models::ChatListModel;
using client::models::FriendListModel;
using client::models::MessageListModel;
using client::models::RequestListModel;
using client::models::UserSearchModel;
using State = client::app::Account::ConnectionState;
using Delivery = client::models::MessageListModel::Delivery;

namespace {

constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;

QVariant roleAt(const QAbstractItemModel& model, int row, int role) {
    return row >= 0 && row < model.rowCount() ? model.index(row, 0).data(role) : QVariant();
}

// The row whose `role` holds `value`, -1 when none does.
int findRow(const QAbstractItemModel& model, int role, const QVariant& value) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(role) == value) {
            return row;
        }
    }
    return -1;
}

QString reactionsOf(const MessageListModel& model, qint64 messageId) {
    QStringList parts;
    const auto reactions =
        roleAt(model, model.rowOfMessage(messageId), MessageListModel::ReactionsRole).toList();
    for (const QVariant& reaction : reactions) {
        const QVariantMap map = reaction.toMap();
        parts << QStringLiteral("%1x%2%3")
                     .arg(map.value(QStringLiteral("emoji")).toString())
                     .arg(map.value(QStringLiteral("count")).toInt())
                     .arg(map.value(QStringLiteral("mine")).toBool() ? QStringLiteral(" mine")
                                                                     : QString());
    }
    return parts.join(QLatin1Char(','));
}

}  // namespace

class TestTwoClients : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;
    testsupport::ClientUser m_alice;
    testsupport::ClientUser m_bob;
    std::unique_ptr<Account> m_a;
    std::unique_ptr<Account> m_b;
    std::unique_ptr<MessageListModel> m_aMessages;
    std::unique_ptr<MessageListModel> m_bMessages;
    // Per account, so one side's testers can go with its models.
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_aTesters;
    std::vector<std::unique_ptr<QAbstractItemModelTester>> m_bTesters;
    qint64 m_chatId = 0;
    qint64 m_aliceMessage = 0;
    qint64 m_bobMessage = 0;

    static void watch(std::vector<std::unique_ptr<QAbstractItemModelTester>>& testers,
                      QAbstractItemModel* model) {
        testers.push_back(std::make_unique<QAbstractItemModelTester>(
            model, QAbstractItemModelTester::FailureReportingMode::QtTest));
    }

    static void watchAccount(std::vector<std::unique_ptr<QAbstractItemModelTester>>& testers,
                             Account& account) {
        watch(testers, &account.chats());
        watch(testers, &account.friends());
        watch(testers, &account.requests());
        watch(testers, &account.userSearch());
    }

    // The message of `clientId` once it is acknowledged in the sender's own model.
    qint64 confirmedId(const MessageListModel& model, const QString& clientId) {
        const int row = model.rowOfClientId(clientId);
        return roleAt(model, row, MessageListModel::MessageIdRole).toLongLong();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_fixture.start(), m_fixture.why());
        m_alice = m_fixture.signUp(QStringLiteral("alice"), QStringLiteral("Alice Liddell"));
        m_bob = m_fixture.signUp(QStringLiteral("bob"), QStringLiteral("Bob Builder"));
        QVERIFY(m_alice.ok() && m_bob.ok());
        m_a = m_fixture.account(*m_alice.profile, false);
        m_b = m_fixture.account(*m_bob.profile, false);
        watchAccount(m_aTesters, *m_a);
        watchAccount(m_bTesters, *m_b);
        m_a->start();
        m_b->start();
        QTRY_COMPARE_WITH_TIMEOUT(m_a->connectionState(), State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->connectionState(), State::Online, kWaitMs);
        QCOMPARE(m_a->chats().rowCount(), 0);
        QCOMPARE(m_b->chats().rowCount(), 0);
    }

    void aliceFindsBob() {
        m_a->searchUsers(m_bob.user.username.left(4).toUpper());
        QTRY_VERIFY_WITH_TIMEOUT(
            findRow(m_a->userSearch(), UserSearchModel::UserIdRole, m_bob.user.userId) >= 0,
            kWaitMs);
        const int row = findRow(m_a->userSearch(), UserSearchModel::UserIdRole, m_bob.user.userId);
        QCOMPARE(roleAt(m_a->userSearch(), row, UserSearchModel::DisplayNameRole).toString(),
                 QStringLiteral("Bob Builder"));
        // Searching never offers oneself.
        QCOMPARE(findRow(m_a->userSearch(), UserSearchModel::UserIdRole, m_alice.user.userId), -1);
    }

    void theRequestReachesBobLive() {
        QSignalSpy failures(m_a.get(), &Account::actionFailed);
        m_a->sendFriendRequest(m_bob.user.userId);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->requests().incomingCount(), 1, kWaitMs);
        QCOMPARE(roleAt(m_b->requests(), 0, RequestListModel::UserIdRole).toLongLong(),
                 m_alice.user.userId);
        QCOMPARE(roleAt(m_b->requests(), 0, RequestListModel::DisplayNameRole).toString(),
                 QStringLiteral("Alice Liddell"));
        // Alice sees it as outgoing.
        QTRY_COMPARE_WITH_TIMEOUT(m_a->requests().rowCount(), 1, kWaitMs);
        QCOMPARE(roleAt(m_a->requests(), 0, RequestListModel::IncomingRole).toBool(), false);
        QVERIFY2(failures.isEmpty(), qPrintable(failures.value(0).value(0).toString()));
    }

    void acceptingOpensTheChatOnBothSides() {
        QSignalSpy aReady(m_a.get(), &Account::chatReady);
        const qint64 requestId =
            roleAt(m_b->requests(), 0, RequestListModel::RequestIdRole).toLongLong();
        QVERIFY(requestId > 0);
        m_b->acceptRequest(requestId);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->chats().rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chats().rowCount(), 1, kWaitMs);
        m_chatId = m_a->chats().chatIdAt(0);
        QVERIFY(m_chatId > 0);
        QCOMPARE(m_b->chats().chatIdAt(0), m_chatId);
        QTRY_VERIFY_WITH_TIMEOUT(!aReady.isEmpty(), kWaitMs);
        // Each side names the chat after the other.
        QCOMPARE(roleAt(m_a->chats(), 0, ChatListModel::TitleRole).toString(),
                 QStringLiteral("Bob Builder"));
        QCOMPARE(roleAt(m_b->chats(), 0, ChatListModel::TitleRole).toString(),
                 QStringLiteral("Alice Liddell"));
        // The requests are gone and each is the other's friend.
        QTRY_COMPARE_WITH_TIMEOUT(m_b->requests().rowCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->requests().rowCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->friends().rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->friends().rowCount(), 1, kWaitMs);
        QCOMPARE(roleAt(m_b->friends(), 0, FriendListModel::ChatIdRole).toLongLong(), m_chatId);

        m_aMessages = m_a->openChat(m_chatId);
        m_bMessages = m_b->openChat(m_chatId);
        watch(m_aTesters, m_aMessages.get());
        watch(m_bTesters, m_bMessages.get());
    }

    void bobSeesAliceOnline() {
        const int row = m_b->friends().rowOf(m_alice.user.userId);
        QVERIFY(row >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(roleAt(m_b->friends(), m_b->friends().rowOf(m_alice.user.userId),
                                        FriendListModel::OnlineRole)
                                     .toBool(),
                                 kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(roleAt(m_b->chats(), 0, ChatListModel::PeerOnlineRole).toBool(),
                                 kWaitMs);
    }

    void messagesArriveLiveBothWays() {
        const QString clientId = m_a->sendMessage(m_chatId, QStringLiteral("Hello Bob"));
        QVERIFY(!clientId.isEmpty());
        // At once in Alice's own list, pending until the server acknowledges it.
        const int pendingRow = m_aMessages->rowOfClientId(clientId);
        QVERIFY(pendingRow >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(confirmedId(*m_aMessages, clientId) > 0, kWaitMs);
        m_aliceMessage = confirmedId(*m_aMessages, clientId);
        QCOMPARE(m_aMessages->rowCount(), 1);
        QCOMPARE(roleAt(*m_aMessages, 0, MessageListModel::DeliveryRole).toInt(),
                 int(Delivery::Sent));
        QCOMPARE(roleAt(*m_aMessages, 0, MessageListModel::IsOwnRole).toBool(), true);

        QTRY_COMPARE_WITH_TIMEOUT(m_bMessages->rowCount(), 1, kWaitMs);
        QCOMPARE(roleAt(*m_bMessages, 0, MessageListModel::TextRole).toString(),
                 QStringLiteral("Hello Bob"));
        QCOMPARE(roleAt(*m_bMessages, 0, MessageListModel::IsOwnRole).toBool(), false);
        QCOMPARE(roleAt(*m_bMessages, 0, MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Alice Liddell"));
        QCOMPARE(roleAt(*m_bMessages, 0, MessageListModel::MessageIdRole).toLongLong(),
                 m_aliceMessage);
        // Bob's rail shows the preview and one unread; Alice's shows none for her own message.
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(m_b->chats(), 0, ChatListModel::UnreadRole).toInt(), 1,
                                  kWaitMs);
        QCOMPARE(roleAt(m_b->chats(), 0, ChatListModel::PreviewRole).toString(),
                 QStringLiteral("Hello Bob"));
        QCOMPARE(roleAt(m_a->chats(), 0, ChatListModel::UnreadRole).toInt(), 0);

        const QString reply =
            m_b->sendMessage(m_chatId, QStringLiteral("Hi Alice"), m_aliceMessage);
        QVERIFY(!reply.isEmpty());
        QTRY_COMPARE_WITH_TIMEOUT(m_aMessages->rowCount(), 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(
            roleAt(*m_aMessages, 1, MessageListModel::MessageIdRole).toLongLong() > 0, kWaitMs);
        m_bobMessage = roleAt(*m_aMessages, 1, MessageListModel::MessageIdRole).toLongLong();
        QCOMPARE(roleAt(*m_aMessages, 1, MessageListModel::TextRole).toString(),
                 QStringLiteral("Hi Alice"));
        QCOMPARE(roleAt(*m_aMessages, 1, MessageListModel::ReplyToRole).toLongLong(),
                 m_aliceMessage);
        QCOMPARE(roleAt(*m_aMessages, 1, MessageListModel::ReplyPreviewRole).toString(),
                 QStringLiteral("Alice Liddell: Hello Bob"));
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(m_a->chats(), 0, ChatListModel::UnreadRole).toInt(), 1,
                                  kWaitMs);
        // Bob's own reply moved his read marker past Alice's message.
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(m_b->chats(), 0, ChatListModel::UnreadRole).toInt(), 0,
                                  kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_bMessages->rowCount(), 2, kWaitMs);
        QCOMPARE(m_bMessages->rowOfMessage(m_bobMessage), 1);
        // Bob answering means he read Alice's message: it shows Read without a read op.
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(*m_aMessages, 0, MessageListModel::DeliveryRole).toInt(),
                                  int(Delivery::Read), kWaitMs);
        // The rails: Alice sees Bob's text, Bob sees his own with "You: " first.
        QCOMPARE(roleAt(m_a->chats(), 0, ChatListModel::PreviewRole).toString(),
                 QStringLiteral("Hi Alice"));
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(m_b->chats(), 0, ChatListModel::PreviewRole).toString(),
                                  QStringLiteral("You: Hi Alice"), kWaitMs);
    }

    void readTicksFollowThePeer() {
        const int row = m_bMessages->rowOfMessage(m_bobMessage);
        QCOMPARE(roleAt(*m_bMessages, row, MessageListModel::DeliveryRole).toInt(),
                 int(Delivery::Sent));
        const qint64 seq =
            roleAt(*m_aMessages, m_aMessages->rowOfMessage(m_bobMessage), MessageListModel::SeqRole)
                .toLongLong();
        m_a->markRead(m_chatId, seq);
        QCOMPARE(roleAt(m_a->chats(), 0, ChatListModel::UnreadRole).toInt(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(*m_bMessages, m_bMessages->rowOfMessage(m_bobMessage),
                                         MessageListModel::DeliveryRole)
                                      .toInt(),
                                  int(Delivery::Read), kWaitMs);
    }

    void editsShowOnBothSides() {
        m_a->editMessage(m_aliceMessage, QStringLiteral("Hello Bob, how are you?"));
        const auto editedText = [this](const MessageListModel& model) {
            return roleAt(model, model.rowOfMessage(m_aliceMessage), MessageListModel::TextRole)
                .toString();
        };
        QTRY_COMPARE_WITH_TIMEOUT(editedText(*m_bMessages),
                                  QStringLiteral("Hello Bob, how are you?"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(editedText(*m_aMessages),
                                  QStringLiteral("Hello Bob, how are you?"), kWaitMs);
        QVERIFY(roleAt(*m_bMessages, m_bMessages->rowOfMessage(m_aliceMessage),
                       MessageListModel::EditedRole)
                    .toBool());
        // The reply's quote follows the edit.
        QTRY_COMPARE_WITH_TIMEOUT(roleAt(*m_aMessages, m_aMessages->rowOfMessage(m_bobMessage),
                                         MessageListModel::ReplyPreviewRole)
                                      .toString(),
                                  QStringLiteral("Alice Liddell: Hello Bob, how are you?"),
                                  kWaitMs);
    }

    void reactionsShowOnBothSides() {
        m_b->react(m_aliceMessage, QStringLiteral("👍"), true);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(*m_aMessages, m_aliceMessage), QStringLiteral("👍x1"),
                                  kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(*m_bMessages, m_aliceMessage),
                                  QStringLiteral("👍x1 mine"), kWaitMs);
        m_a->react(m_aliceMessage, QStringLiteral("👍"), true);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(*m_bMessages, m_aliceMessage),
                                  QStringLiteral("👍x2 mine"), kWaitMs);
        m_b->react(m_aliceMessage, QStringLiteral("👍"), false);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(*m_aMessages, m_aliceMessage),
                                  QStringLiteral("👍x1 mine"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(reactionsOf(*m_bMessages, m_aliceMessage), QStringLiteral("👍x1"),
                                  kWaitMs);
    }

    void deletionLeavesATombstoneOnBothSides() {
        // Alice may not delete Bob's message: the refusal reaches her, nothing changes.
        QSignalSpy failures(m_a.get(), &Account::actionFailed);
        m_a->deleteMessage(m_bobMessage);
        QTRY_COMPARE_WITH_TIMEOUT(failures.count(), 1, kWaitMs);
        QVERIFY(!roleAt(*m_bMessages, m_bMessages->rowOfMessage(m_bobMessage),
                        MessageListModel::DeletedRole)
                     .toBool());

        const int rowsBefore = m_aMessages->rowCount();
        m_b->deleteMessage(m_bobMessage);
        const auto deleted = [this](const MessageListModel& model) {
            return roleAt(model, model.rowOfMessage(m_bobMessage), MessageListModel::DeletedRole)
                .toBool();
        };
        QTRY_VERIFY_WITH_TIMEOUT(deleted(*m_aMessages), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(deleted(*m_bMessages), kWaitMs);
        QCOMPARE(m_aMessages->rowCount(), rowsBefore);
        QCOMPARE(roleAt(*m_aMessages, m_aMessages->rowOfMessage(m_bobMessage),
                        MessageListModel::TextRole)
                     .toString(),
                 QString());
        QCOMPARE(roleAt(m_a->chats(), 0, ChatListModel::PreviewRole).toString(),
                 QStringLiteral("Message deleted"));
    }

    void bobSeesAliceTyping() {
        QSignalSpy typing(m_b.get(), &Account::typing);
        QSignalSpy ownTyping(m_a.get(), &Account::typing);
        m_a->sendTyping(m_chatId);
        QTRY_COMPARE_WITH_TIMEOUT(typing.count(), 1, kWaitMs);
        QCOMPARE(typing.at(0).at(0).toLongLong(), m_chatId);
        QCOMPARE(typing.at(0).at(1).toLongLong(), m_alice.user.userId);
        QVERIFY(roleAt(m_b->chats(), 0, ChatListModel::TypingRole).toBool());
        QVERIFY(!roleAt(m_a->chats(), 0, ChatListModel::TypingRole).toBool());
        QCOMPARE(ownTyping.count(), 0);
    }

    void bobSeesAliceGoOffline() {
        QSignalSpy presence(m_b.get(), &Account::presenceChanged);
        m_aTesters.clear();
        m_aMessages.reset();
        m_a.reset();
        // The server waits 10 s after the last socket before it says so.
        QTRY_VERIFY_WITH_TIMEOUT(!roleAt(m_b->friends(), m_b->friends().rowOf(m_alice.user.userId),
                                         FriendListModel::OnlineRole)
                                      .toBool(),
                                 kWaitMs);
        QVERIFY(roleAt(m_b->friends(), m_b->friends().rowOf(m_alice.user.userId),
                       FriendListModel::LastSeenRole)
                    .toDateTime()
                    .isValid());
        QVERIFY(!roleAt(m_b->chats(), 0, ChatListModel::PeerOnlineRole).toBool());
    }

    void cleanupTestCase() {
        m_aTesters.clear();
        m_bTesters.clear();
        m_aMessages.reset();
        m_bMessages.reset();
        m_a.reset();
        m_b.reset();
    }
};

QTEST_MAIN(TestTwoClients)
#include "tst_two_clients.moc"
