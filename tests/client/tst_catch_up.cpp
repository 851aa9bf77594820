// Catching up after time away: what happened in a chat while a client was closed, or while the
// server itself was restarting, is filled from events?after when the client comes back: every
// missed event once, no row twice, the unread count right.
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTest>
#include <memory>

#include "tests/support/chat_api.h"
#include "tests/support/client_fixture.h"

using client::app::Account;
using client::models::ChatListModel;
using client::models::MessageListModel;
using State = client::app::Account::ConnectionState;

namespace {

constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;

qint64 countRows(Account& account, const QString& sql, qint64 chatId) {
    QSqlQuery q(account.cache().database());
    q.prepare(sql);
    q.addBindValue(chatId);
    return q.exec() && q.next() ? q.value(0).toLongLong() : -1;
}

}  // namespace

class TestCatchUp : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;
    testsupport::ClientUser m_alice;
    testsupport::ClientUser m_bob;
    qint64 m_chatId = 0;

    testsupport::ChatApi api() { return testsupport::ChatApi(m_fixture.http()); }

    // Posts as Alice over REST; the new message's id, 0 on failure.
    qint64 post(const QString& text) {
        const auto answer = api().postMessage(m_alice.user, m_chatId, text);
        if (answer.status != 201) {
            qWarning() << answer.describe();
            return 0;
        }
        return answer.json.toObject().value(QLatin1String("id")).toInteger();
    }

    // The chat as the server tells Bob, for last_seq and unread.
    QJsonObject serverChat() { return api().chatInList(m_bob.user, m_chatId); }

    // Bob's cache against the server: one row per message the server holds, every event applied.
    void verifyBobMatchesServer(Account& bob) {
        const QJsonObject chat = serverChat();
        const qint64 lastSeq = chat.value(QLatin1String("last_seq")).toInteger();
        QTRY_COMPARE_WITH_TIMEOUT(bob.chatCache().lastAppliedSeq(m_chatId), lastSeq, kWaitMs);
        const auto page = api().history(m_bob.user, m_chatId, 0, 100);
        QVERIFY2(page.status == 200, page.describe());
        const QJsonArray messages = page.json.toObject().value(QLatin1String("messages")).toArray();
        QCOMPARE(countRows(bob, QStringLiteral("SELECT count(*) FROM messages WHERE chat_id = ?"),
                           m_chatId),
                 qint64(messages.size()));
        QCOMPARE(countRows(bob,
                           QStringLiteral("SELECT count(DISTINCT seq) FROM messages"
                                          " WHERE chat_id = ?"),
                           m_chatId),
                 qint64(messages.size()));
        for (const auto& value : messages) {
            const QJsonObject message = value.toObject();
            const auto cached =
                bob.chatCache().message(message.value(QLatin1String("id")).toInteger());
            QVERIFY(cached);
            QCOMPARE(cached->text, message.value(QLatin1String("text")).toString());
            QCOMPARE(cached->deleted, message.value(QLatin1String("deleted")).toBool());
            QCOMPARE(cached->editedTs.has_value(),
                     !message.value(QLatin1String("edited_ts")).isNull());
            QCOMPARE(cached->reactions.size(),
                     message.value(QLatin1String("reactions")).toObject().size());
        }
        const auto cachedChat = bob.chatCache().chat(m_chatId);
        QVERIFY(cachedChat);
        QCOMPARE(cachedChat->unread, chat.value(QLatin1String("unread")).toInteger());
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_fixture.start(), m_fixture.why());
        m_alice = m_fixture.signUp(QStringLiteral("cua"), QStringLiteral("Alice"));
        m_bob = m_fixture.signUp(QStringLiteral("cub"), QStringLiteral("Bob"));
        QVERIFY(m_alice.ok() && m_bob.ok());
        m_chatId = api().makeFriends(m_alice.user, m_bob.user);
        QVERIFY(m_chatId > 0);
    }

    void aClosedClientCatchesUpOnStart() {
        // Bob has seen and read the first three messages.
        qint64 seen[3] = {};
        for (int i = 0; i < 3; ++i) {
            seen[i] = post(QStringLiteral("seen %1").arg(i + 1));
            QVERIFY(seen[i] > 0);
        }
        {
            auto bob = m_fixture.account(*m_bob.profile);
            QSignalSpy synced(bob.get(), &Account::synced);
            QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
            auto view = bob->openChat(m_chatId);
            QCOMPARE(view->rowCount(), 3);
            bob->markRead(m_chatId, view->index(2, 0).data(MessageListModel::SeqRole).toLongLong());
            QTRY_COMPARE_WITH_TIMEOUT(serverChat().value(QLatin1String("unread")).toInteger(),
                                      qint64(0), kWaitMs);
        }

        // While Bob is away: new messages, an edit and a deletion of what he saw, and of what he
        // did not; a reaction.
        qint64 missed[5] = {};
        for (int i = 0; i < 5; ++i) {
            missed[i] = post(QStringLiteral("missed %1").arg(i + 1));
            QVERIFY(missed[i] > 0);
        }
        QCOMPARE(api().editMessage(m_alice.user, seen[0], QStringLiteral("seen 1, edited")).status,
                 200);
        QCOMPARE(
            api().editMessage(m_alice.user, missed[0], QStringLiteral("missed 1, edited")).status,
            200);
        QCOMPARE(api().deleteMessage(m_alice.user, seen[1]).status, 204);
        QCOMPARE(api().deleteMessage(m_alice.user, missed[1]).status, 204);
        QCOMPARE(api().react(m_alice.user, missed[2], QStringLiteral("🎉")).status, 204);

        auto bob = m_fixture.account(*m_bob.profile, false);
        QAbstractItemModelTester chatsTester(
            &bob->chats(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto view = bob->openChat(m_chatId);
        QAbstractItemModelTester viewTester(view.get(),
                                            QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy synced(bob.get(), &Account::synced);
        bob->start();
        // From the cache first: what Bob saw before.
        QCOMPARE(view->rowCount(), 3);
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
        QCOMPARE(view->rowCount(), 8);
        verifyBobMatchesServer(*bob);
        // Four of the missed messages are still there and unread.
        QCOMPARE(bob->chats().index(0, 0).data(ChatListModel::UnreadRole).toInt(), 4);
        QCOMPARE(view->index(0, 0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("seen 1, edited"));
        QVERIFY(view->index(1, 0).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(view->index(3, 0).data(MessageListModel::TextRole).toString(),
                 QStringLiteral("missed 1, edited"));
        QVERIFY(view->index(4, 0).data(MessageListModel::DeletedRole).toBool());
        QCOMPARE(view->index(5, 0).data(MessageListModel::ReactionsRole).toList().size(), 1);

        // A second start finds nothing new: no row twice.
        bob.reset();
        bob = m_fixture.account(*m_bob.profile, false);
        QSignalSpy again(bob.get(), &Account::synced);
        bob->start();
        QTRY_VERIFY_WITH_TIMEOUT(!again.isEmpty(), kWaitMs);
        verifyBobMatchesServer(*bob);
    }

    void aClientCatchesUpAfterAServerRestart() {
        auto bob = m_fixture.account(*m_bob.profile);
        // A long wait between retries, so the reconnection happens when the test says.
        client::net::BackoffPolicy slow;
        slow.baseMs = 60000;
        slow.capMs = 60000;
        bob->setReconnectPolicy(slow);
        QTRY_COMPARE_WITH_TIMEOUT(bob->connectionState(), State::Online, kWaitMs);
        QSignalSpy firstSync(bob.get(), &Account::synced);
        QTRY_VERIFY_WITH_TIMEOUT(!firstSync.isEmpty(), kWaitMs);
        const qint64 rowsBefore = countRows(
            *bob, QStringLiteral("SELECT count(*) FROM messages WHERE chat_id = ?"), m_chatId);

        m_fixture.server().stop();
        QTRY_COMPARE_WITH_TIMEOUT(bob->connectionState(), State::Offline, kWaitMs);
        QVERIFY2(m_fixture.server().restart(), m_fixture.why());
        for (int i = 0; i < 4; ++i) {
            QVERIFY(post(QStringLiteral("after restart %1").arg(i + 1)) > 0);
        }
        QSignalSpy synced(bob.get(), &Account::synced);
        bob->reconnectNow();
        QTRY_VERIFY_WITH_TIMEOUT(!synced.isEmpty(), kWaitMs);
        verifyBobMatchesServer(*bob);
        QCOMPARE(countRows(*bob, QStringLiteral("SELECT count(*) FROM messages WHERE chat_id = ?"),
                           m_chatId),
                 rowsBefore + 4);
        QCOMPARE(bob->chats().index(0, 0).data(ChatListModel::UnreadRole).toInt(), 8);
    }
};

QTEST_MAIN(TestCatchUp)
#include "tst_catch_up.moc"
