// The outbox against the real server: sends queued while the server goes away and comes back, and
// sends left behind by a closed client, all reach the server exactly once and in order, and reach
// the peer's conversation the same way.
#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSignalSpy>
#include <QStringList>
#include <QTest>
#include <memory>

#include "tests/support/chat_api.h"
#include "tests/support/client_fixture.h"

using client::app::Account;
using client::models::MessageListModel;
using State = client::app::Account::ConnectionState;

namespace {

constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;
constexpr int kCount = 50;
constexpr int kBeforeStop = 10;

// The texts of a conversation's rows, top to bottom.
QStringList textsOf(const MessageListModel& model) {
    QStringList texts;
    for (int row = 0; row < model.rowCount(); ++row) {
        texts << model.index(row, 0).data(MessageListModel::TextRole).toString();
    }
    return texts;
}

bool allConfirmed(const MessageListModel& model) {
    for (int row = 0; row < model.rowCount(); ++row) {
        if (model.index(row, 0).data(MessageListModel::MessageIdRole).toLongLong() <= 0) {
            return false;
        }
    }
    return true;
}

QString text(int i) {
    return QStringLiteral("message %1").arg(i, 2, 10, QLatin1Char('0'));
}

}  // namespace

class TestOutbox : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;

    struct Pair {
        testsupport::ClientUser alice;
        testsupport::ClientUser bob;
        qint64 chatId = 0;
    };

    // Two friends and their direct chat, made over REST.
    Pair friends(const QString& prefix) {
        Pair pair;
        pair.alice = m_fixture.signUp(prefix + QStringLiteral("a"));
        pair.bob = m_fixture.signUp(prefix + QStringLiteral("b"));
        if (pair.alice.ok() && pair.bob.ok()) {
            testsupport::ChatApi api(m_fixture.http());
            pair.chatId = api.makeFriends(pair.alice.user, pair.bob.user);
        }
        return pair;
    }

    // What the server holds, oldest first: the texts and client ids of the newest 100 messages.
    void serverMessages(const Pair& pair, QStringList* texts, QStringList* clientIds) {
        testsupport::ChatApi api(m_fixture.http());
        const auto page = api.history(pair.bob.user, pair.chatId, 0, 100);
        QVERIFY2(page.status == 200, page.describe());
        qint64 lastSeq = 0;
        for (const auto& value : page.json.toObject().value(QLatin1String("messages")).toArray()) {
            const QJsonObject message = value.toObject();
            const qint64 seq = message.value(QLatin1String("seq")).toInteger();
            QVERIFY(seq > lastSeq);
            lastSeq = seq;
            *texts << message.value(QLatin1String("text")).toString();
            *clientIds << message.value(QLatin1String("client_id")).toString();
        }
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fixture.start(), m_fixture.why()); }

    void fiftySendsSurviveAServerRestart() {
        const Pair pair = friends(QStringLiteral("ob"));
        QVERIFY(pair.chatId > 0);
        auto alice = m_fixture.account(*pair.alice.profile);
        auto bob = m_fixture.account(*pair.bob.profile);
        QTRY_COMPARE_WITH_TIMEOUT(alice->connectionState(), State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(bob->connectionState(), State::Online, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(alice->chatCache().chat(pair.chatId).has_value(), kWaitMs);
        auto aliceView = alice->openChat(pair.chatId);
        auto bobView = bob->openChat(pair.chatId);
        QAbstractItemModelTester aliceTester(
            aliceView.get(), QAbstractItemModelTester::FailureReportingMode::QtTest);
        QAbstractItemModelTester bobTester(bobView.get(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);

        QStringList expected;
        QStringList clientIds;
        for (int i = 1; i <= kBeforeStop; ++i) {
            expected << text(i);
            clientIds << alice->sendMessage(pair.chatId, text(i));
            QVERIFY(!clientIds.last().isEmpty());
        }
        // Some of them are on their way when the server goes.
        QTRY_VERIFY_WITH_TIMEOUT(
            aliceView->index(0, 0).data(MessageListModel::MessageIdRole).toLongLong() > 0, kWaitMs);
        m_fixture.server().stop();
        QTRY_COMPARE_WITH_TIMEOUT(alice->connectionState(), State::Offline, kWaitMs);
        for (int i = kBeforeStop + 1; i <= kCount; ++i) {
            expected << text(i);
            clientIds << alice->sendMessage(pair.chatId, text(i));
            QVERIFY(!clientIds.last().isEmpty());
        }
        // Offline, everything the user typed shows at once, in order.
        QCOMPARE(textsOf(*aliceView), expected);
        QVERIFY(!allConfirmed(*aliceView));

        QVERIFY2(m_fixture.server().restart(), m_fixture.why());
        QTRY_VERIFY_WITH_TIMEOUT(allConfirmed(*aliceView), kWaitMs);
        QCOMPARE(textsOf(*aliceView), expected);
        QTRY_COMPARE_WITH_TIMEOUT(textsOf(*bobView), expected, kWaitMs);
        QVERIFY(allConfirmed(*bobView));
        QVERIFY(alice->chatCache().outbox(pair.chatId).empty());

        QStringList serverTexts;
        QStringList serverClientIds;
        serverMessages(pair, &serverTexts, &serverClientIds);
        QCOMPARE(serverTexts, expected);
        QCOMPARE(serverClientIds, clientIds);
    }

    void sendsLeftByAClosedClientGoOnTheNextStart() {
        const Pair pair = friends(QStringLiteral("oc"));
        QVERIFY(pair.chatId > 0);
        auto bob = m_fixture.account(*pair.bob.profile);
        QTRY_COMPARE_WITH_TIMEOUT(bob->connectionState(), State::Online, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(bob->chatCache().chat(pair.chatId).has_value(), kWaitMs);
        auto bobView = bob->openChat(pair.chatId);
        QAbstractItemModelTester bobTester(bobView.get(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);

        QStringList expected;
        QStringList clientIds;
        {
            // Closed before the event loop ever runs: nothing can have left.
            auto alice = m_fixture.account(*pair.alice.profile);
            for (int i = 1; i <= 5; ++i) {
                expected << text(i);
                clientIds << alice->sendMessage(pair.chatId, text(i));
            }
            QCOMPARE(alice->chatCache().outbox(pair.chatId).size(), size_t(5));
        }
        auto alice = m_fixture.account(*pair.alice.profile, false);
        auto aliceView = alice->openChat(pair.chatId);
        alice->start();
        // The window shows the pending sends from the cache before any network.
        QCOMPARE(textsOf(*aliceView), expected);
        QTRY_VERIFY_WITH_TIMEOUT(allConfirmed(*aliceView) && aliceView->rowCount() == 5, kWaitMs);
        QCOMPARE(textsOf(*aliceView), expected);
        QTRY_COMPARE_WITH_TIMEOUT(textsOf(*bobView), expected, kWaitMs);

        QStringList serverTexts;
        QStringList serverClientIds;
        serverMessages(pair, &serverTexts, &serverClientIds);
        QCOMPARE(serverTexts, expected);
        QCOMPARE(serverClientIds, clientIds);
    }

    void aRefusedSendFailsAndIsRetried() {
        const Pair pair = friends(QStringLiteral("of"));
        QVERIFY(pair.chatId > 0);
        auto alice = m_fixture.account(*pair.alice.profile);
        QTRY_COMPARE_WITH_TIMEOUT(alice->connectionState(), State::Online, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(alice->chatCache().chat(pair.chatId).has_value(), kWaitMs);
        auto view = alice->openChat(pair.chatId);
        QAbstractItemModelTester tester(view.get(),
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        testsupport::ChatApi api(m_fixture.http());
        QCOMPARE(api.unfriend(pair.bob.user, pair.alice.user.userId).status, 204);

        QSignalSpy failures(alice.get(), &Account::actionFailed);
        const QString clientId = alice->sendMessage(pair.chatId, QStringLiteral("still there?"));
        const auto delivery = [&] {
            return view->index(view->rowOfClientId(clientId), 0)
                .data(MessageListModel::DeliveryRole)
                .toInt();
        };
        QTRY_COMPARE_WITH_TIMEOUT(delivery(), int(MessageListModel::Delivery::Failed), kWaitMs);
        QVERIFY(!view->index(view->rowOfClientId(clientId), 0)
                     .data(MessageListModel::FailureRole)
                     .toString()
                     .isEmpty());
        QCOMPARE(failures.count(), 1);
        QCOMPARE(view->rowCount(), 1);

        QCOMPARE(api.makeFriends(pair.alice.user, pair.bob.user), pair.chatId);
        alice->retryFailed(clientId);
        QTRY_VERIFY_WITH_TIMEOUT(allConfirmed(*view), kWaitMs);
        QCOMPARE(textsOf(*view), QStringList{QStringLiteral("still there?")});
        QStringList serverTexts;
        QStringList serverClientIds;
        serverMessages(pair, &serverTexts, &serverClientIds);
        QCOMPARE(serverClientIds, QStringList{clientId});
    }
};

QTEST_MAIN(TestOutbox)
#include "tst_outbox.moc"
