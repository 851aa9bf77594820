// The conversation view of one account showing what another account does, live, against the real
// server: messages arrive painted, typing shows in the header, the composer sends, replies and
// edits, and the peer's view reading the chat turns the ticks to "read".
#include <QApplication>
#include <QClipboard>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTest>

#include "client/ui/composer.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/conversation_header.h"
#include "client/ui/conversation_model.h"
#include "client/ui/conversation_view.h"
#include "client/ui/message_delegate.h"
#include "client/ui/message_layout.h"
#include "client/ui/message_search_panel.h"
#include "tests/support/client_fixture.h"

using client::app::Account;
using client::models::MessageListModel;
using client::ui::ConversationView;
using client::ui::MessageItem;
using State = client::app::Account::ConnectionState;

namespace {
constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;

int rows(ConversationView& view) {
    return view.model() ? view.model()->rowCount() : 0;
}

MessageItem last(ConversationView& view) {
    return client::ui::MessageDelegate::itemAt(view.model()->index(rows(view) - 1, 0));
}
}  // namespace

class TestConversationView : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;
    std::unique_ptr<Account> m_a;
    std::unique_ptr<Account> m_b;
    qint64 m_chat = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_fixture.start(), m_fixture.why());
        const auto alice =
            m_fixture.signUp(QStringLiteral("alice"), QStringLiteral("Alice Martin"));
        const auto bob = m_fixture.signUp(QStringLiteral("bob"), QStringLiteral("Bob Stone"));
        QVERIFY(alice.ok() && bob.ok());
        m_a = m_fixture.account(*alice.profile);
        m_b = m_fixture.account(*bob.profile);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->connectionState(), State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->connectionState(), State::Online, kWaitMs);
        m_a->sendFriendRequest(bob.user.userId);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->requests().incomingCount(), 1, kWaitMs);
        m_b->acceptRequest(m_b->requests()
                               .index(0)
                               .data(client::models::RequestListModel::RequestIdRole)
                               .toLongLong());
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chats().rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->chats().rowCount(), 1, kWaitMs);
        m_chat = m_a->chats().chatIdAt(0);
    }

    void showsWhatTheOtherAccountSends() {
        ConversationView view(*m_a);
        view.resize(640, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setChat(m_chat);
        QCOMPARE(view.header()->title(), QStringLiteral("Bob Stone"));
        QTRY_COMPARE_WITH_TIMEOUT(view.header()->statusText(), QStringLiteral("online"), kWaitMs);

        m_b->sendTyping(m_chat);
        QTRY_COMPARE_WITH_TIMEOUT(view.header()->statusText(), QStringLiteral("typing…"), kWaitMs);

        m_b->sendMessage(m_chat, QStringLiteral("Hello Alice! https://example.org"));
        QTRY_COMPARE_WITH_TIMEOUT(rows(view), 1, kWaitMs);
        const MessageItem hello = last(view);
        QCOMPARE(hello.text, QStringLiteral("Hello Alice! https://example.org"));
        QVERIFY(!hello.own);
        QCOMPARE(hello.senderName, QStringLiteral("Bob Stone"));
        QVERIFY(hello.showSender);
        const QRect rect = view.list()->visualRect(view.model()->index(0, 0));
        QVERIFY(rect.height() > 20);
        QVERIFY(view.list()->viewport()->rect().intersects(rect));

        // Copy with Ctrl+C on the selected message.
        view.list()->setFocus();
        view.list()->setCurrentIndex(view.model()->index(0, 0));
        QTest::keyClick(view.list(), Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QApplication::clipboard()->text(), hello.text);
    }

    void composerSendsRepliesAndEdits() {
        ConversationView view(*m_a);
        view.resize(640, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setChat(m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(rows(view) >= 1, kWaitMs);
        const int before = rows(view);

        QTest::keyClicks(view.composer()->editor(), QStringLiteral("Hi Bob"));
        QTest::keyClick(view.composer()->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(rows(view), before + 1, kWaitMs);
        QVERIFY(last(view).own);
        QTRY_VERIFY_WITH_TIMEOUT(last(view).delivery == MessageItem::Delivery::Sent ||
                                     last(view).delivery == MessageItem::Delivery::Read,
                                 kWaitMs);

        // Reply to Bob's first message from the view's action.
        view.replyTo(view.model()->index(0, 0));
        QCOMPARE(view.composer()->mode(), client::ui::Composer::Mode::Reply);
        QTest::keyClicks(view.composer()->editor(), QStringLiteral("Replying"));
        QTest::keyClick(view.composer()->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(rows(view), before + 2, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(last(view).hasReply, kWaitMs);
        QVERIFY(last(view).replyText.contains(QStringLiteral("Hello Alice")));
        QTRY_VERIFY_WITH_TIMEOUT(last(view).id > 0, kWaitMs);

        // Up in the empty composer edits the last own message.
        QTest::keyClick(view.composer()->editor(), Qt::Key_Up);
        QCOMPARE(view.composer()->mode(), client::ui::Composer::Mode::Edit);
        QCOMPARE(view.composer()->text(), QStringLiteral("Replying"));
        QTest::keyClicks(view.composer()->editor(), QStringLiteral(" to you"));
        QTest::keyClick(view.composer()->editor(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(last(view).text, QStringLiteral("Replying to you"), kWaitMs);
        QVERIFY(last(view).edited);
    }

    void deletingAsksFirstThenLeavesATombstone() {
        ConversationView view(*m_a);
        view.resize(640, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setChat(m_chat);
        QTest::keyClicks(view.composer()->editor(), QStringLiteral("to be deleted"));
        QTest::keyClick(view.composer()->editor(), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(
            last(view).text == QStringLiteral("to be deleted") && last(view).id > 0, kWaitMs);
        view.deleteMessage(view.model()->index(rows(view) - 1, 0));
        auto* overlay = view.findChild<client::ui::ConfirmOverlay*>();
        QVERIFY(overlay != nullptr && overlay->isVisible());
        QTest::mouseClick(overlay->confirmButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(last(view).deleted, kWaitMs);
        QVERIFY(client::ui::MessageLayout(last(view), 600, view.font())
                    .accessibleText()
                    .contains(QStringLiteral("This message was deleted")));
    }

    void theTicksTurnReadWhenThePeerReads() {
        ConversationView aliceView(*m_a);
        aliceView.resize(640, 600);
        aliceView.show();
        aliceView.setChat(m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(rows(aliceView) >= 3, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(last(aliceView).delivery == MessageItem::Delivery::Sent ||
                                     last(aliceView).delivery == MessageItem::Delivery::Read,
                                 kWaitMs);
        // Bob reads the chat (as his view does when the latest message is on screen).
        m_b->markRead(m_chat, aliceView.model()->latestSeq());
        QTRY_COMPARE_WITH_TIMEOUT(last(aliceView).delivery, MessageItem::Delivery::Read, kWaitMs);
    }

    void olderHistoryLoadsOnScrollKeepingThePlace() {
        QString lastClientId;
        for (int i = 1; i <= 120; ++i) {
            lastClientId = m_b->sendMessage(m_chat, QStringLiteral("history line %1").arg(i));
        }
        auto bobMessages = m_b->openChat(m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(bobMessages->rowOfClientId(lastClientId) >= 0 &&
                                     bobMessages->index(bobMessages->rowOfClientId(lastClientId))
                                             .data(MessageListModel::MessageIdRole)
                                             .toLongLong() > 0,
                                 kWaitMs);
        const qint64 lastId = bobMessages->index(bobMessages->rowOfClientId(lastClientId))
                                  .data(MessageListModel::MessageIdRole)
                                  .toLongLong();
        QTRY_VERIFY_WITH_TIMEOUT(m_a->chatCache().message(lastId).has_value(), kWaitMs);

        ConversationView view(*m_a);
        view.resize(640, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setChat(m_chat);
        QTRY_VERIFY(view.isAtBottom());
        QVERIFY(!view.jumpButton()->isVisible());
        const int firstPage = rows(view);
        QVERIFY(firstPage < 120);

        // Scrolling to the top loads the page before, and the message that was on top stays put.
        QScrollBar* bar = view.list()->verticalScrollBar();
        const qint64 oldTop =
            view.model()->index(0, 0).data(MessageListModel::MessageIdRole).toLongLong();
        bar->setValue(0);
        QTRY_VERIFY_WITH_TIMEOUT(rows(view) > firstPage, kWaitMs);
        QTRY_VERIFY(bar->value() > 0);
        const int oldTopRow = view.model()->messages().rowOfMessage(oldTop);
        QVERIFY(oldTopRow > 0);
        QTRY_VERIFY(qAbs(view.list()->visualRect(view.model()->index(oldTopRow, 0)).top()) <= 50);
        QTRY_VERIFY(view.jumpButton()->isVisible());

        // A message arriving while scrolled up counts on the jump button instead of scrolling.
        m_b->sendMessage(m_chat, QStringLiteral("while you were away"));
        auto* badge = view.jumpButton()->findChild<QLabel*>(QStringLiteral("jumpBadge"));
        QTRY_VERIFY_WITH_TIMEOUT(badge->isVisible(), kWaitMs);
        QCOMPARE(badge->text(), QStringLiteral("1"));
        QTest::mouseClick(view.jumpButton(), Qt::LeftButton);
        QTRY_VERIFY(view.isAtBottom());
        QTRY_VERIFY(!view.jumpButton()->isVisible());
    }

    void searchJumpsToAMessage() {
        ConversationView view(*m_a);
        view.resize(640, 600);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setChat(m_chat);
        QTRY_VERIFY_WITH_TIMEOUT(rows(view) >= 3, kWaitMs);
        view.openSearch();
        QVERIFY(view.searchPanel()->isVisible());
        QTest::keyClicks(view.searchPanel()->field(), QStringLiteral("hell"));
        view.searchPanel()->searchNow();
        QTRY_VERIFY_WITH_TIMEOUT(view.searchPanel()->results()->count() >= 1, kWaitMs);
        QTest::keyClick(view.searchPanel()->field(), Qt::Key_Return);
        QCOMPARE(view.list()->currentIndex().row(), 0);
        QVERIFY(!view.searchPanel()->isVisible());
    }
};

QTEST_MAIN(TestConversationView)
#include "tst_conversation_view.moc"
