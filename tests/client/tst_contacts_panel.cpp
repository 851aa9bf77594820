// The Friends view driven like a user against the real server, with two accounts: search by
// username, "Add" turning into "Requested", the request accepted from the other account's view,
// both friends lists showing the other, "Message" opening the chat, and a confirmed unfriend.
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "client/ui/confirm_overlay.h"
#include "client/ui/contacts_panel.h"
#include "client/ui/empty_state.h"
#include "tests/support/client_fixture.h"

using client::app::Account;
using client::ui::ContactsPanel;
using State = client::app::Account::ConnectionState;
using Tab = client::ui::ContactsPanel::Tab;

namespace {
constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;

void clickButton(ContactsPanel& panel, Tab tab, int row, const QString& action) {
    const QRect rect = panel.buttonRect(tab, row, action);
    QVERIFY2(!rect.isEmpty(),
             qPrintable(QStringLiteral("no %1 button on row %2").arg(action).arg(row)));
    QTest::mouseClick(panel.list(tab)->viewport(), Qt::LeftButton, {}, rect.center());
}

QString visibleEmptyTitle(ContactsPanel& panel) {
    for (auto* empty : panel.findChildren<client::ui::EmptyState*>()) {
        if (empty->isVisible()) {
            return empty->title();
        }
    }
    return {};
}
}  // namespace

class TestContactsPanel : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;

private Q_SLOTS:
    void initTestCase() { QVERIFY2(m_fixture.start(), m_fixture.why()); }

    void searchAddAcceptMessageAndUnfriend() {
        const auto alice =
            m_fixture.signUp(QStringLiteral("alice"), QStringLiteral("Alice Martin"));
        const auto bob = m_fixture.signUp(QStringLiteral("bob"), QStringLiteral("Bob Stone"));
        QVERIFY(alice.ok() && bob.ok());
        auto a = m_fixture.account(*alice.profile);
        auto b = m_fixture.account(*bob.profile);
        QTRY_COMPARE_WITH_TIMEOUT(a->connectionState(), State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->connectionState(), State::Online, kWaitMs);

        ContactsPanel aliceView(*a);
        ContactsPanel bobView(*b);
        aliceView.resize(720, 560);
        bobView.resize(720, 560);
        aliceView.show();
        bobView.show();
        QVERIFY(QTest::qWaitForWindowExposed(&aliceView));

        // Empty states say what to do.
        QCOMPARE(visibleEmptyTitle(aliceView), QStringLiteral("No friends yet"));

        aliceView.showTab(Tab::Add);
        QTest::keyClicks(aliceView.searchField(), bob.user.username.left(6));
        QListView* results = aliceView.list(Tab::Add);
        QTRY_VERIFY_WITH_TIMEOUT(results->model()->rowCount() >= 1, kWaitMs);
        int row = -1;
        QTRY_VERIFY_WITH_TIMEOUT(
            [&] {
                for (int r = 0; r < results->model()->rowCount(); ++r) {
                    if (results->model()
                            ->index(r, 0)
                            .data(client::models::UserSearchModel::UserIdRole)
                            .toLongLong() == bob.user.userId) {
                        row = r;
                        return true;
                    }
                }
                return false;
            }(),
            kWaitMs);
        QCOMPARE(aliceView.buttonLabels(Tab::Add, row), QStringList{QStringLiteral("Add")});
        clickButton(aliceView, Tab::Add, row, QStringLiteral("add"));
        QTRY_COMPARE_WITH_TIMEOUT(aliceView.buttonLabels(Tab::Add, row),
                                  QStringList{QStringLiteral("Requested")}, kWaitMs);

        // Bob sees the incoming request live and accepts it from his view.
        bobView.showTab(Tab::Requests);
        QListView* requests = bobView.list(Tab::Requests);
        QTRY_COMPARE_WITH_TIMEOUT(requests->model()->rowCount(), 1, kWaitMs);
        QVERIFY(bobView.findChild<QPushButton*>(QStringLiteral("segment1"))
                    ->text()
                    .contains(QStringLiteral("(1)")));
        QCOMPARE(bobView.buttonLabels(Tab::Requests, 0),
                 (QStringList{QStringLiteral("Decline"), QStringLiteral("Accept")}));
        clickButton(bobView, Tab::Requests, 0, QStringLiteral("accept"));
        QTRY_COMPARE_WITH_TIMEOUT(requests->model()->rowCount(), 0, kWaitMs);

        // Both friends lists show the other; Alice's search result says "Friends".
        QTRY_COMPARE_WITH_TIMEOUT(a->friends().rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->friends().rowCount(), 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(aliceView.buttonLabels(Tab::Add, row),
                                  QStringList{QStringLiteral("Friends")}, kWaitMs);
        aliceView.showTab(Tab::Friends);
        QCOMPARE(aliceView.list(Tab::Friends)
                     ->model()
                     ->index(0, 0)
                     .data(client::models::FriendListModel::DisplayNameRole)
                     .toString(),
                 QStringLiteral("Bob Stone"));

        QSignalSpy open(&aliceView, &ContactsPanel::openChatRequested);
        clickButton(aliceView, Tab::Friends, 0, QStringLiteral("message"));
        QCOMPARE(open.count(), 1);
        QVERIFY(open.at(0).at(0).toLongLong() > 0);
        QTRY_VERIFY_WITH_TIMEOUT(a->chats().rowOf(open.at(0).at(0).toLongLong()) >= 0, kWaitMs);

        // Blocking asks first on a styled overlay; cancel keeps the friend, confirm blocks.
        aliceView.confirmBlock(0);
        auto* overlay = aliceView.window()->findChild<client::ui::ConfirmOverlay*>();
        QVERIFY(overlay != nullptr && overlay->isVisible());
        QTest::mouseClick(overlay->cancelButton(), Qt::LeftButton);
        QTRY_VERIFY(aliceView.window()->findChild<client::ui::ConfirmOverlay*>() == nullptr);
        QCOMPARE(a->friends().rowCount(), 1);
        aliceView.confirmBlock(0);
        overlay = aliceView.window()->findChild<client::ui::ConfirmOverlay*>();
        QVERIFY(overlay != nullptr);
        QTest::mouseClick(overlay->confirmButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(a->friends().rowCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(b->friends().rowCount(), 0, kWaitMs);
        aliceView.showTab(Tab::Blocked);
        QTRY_COMPARE_WITH_TIMEOUT(aliceView.list(Tab::Blocked)->model()->rowCount(), 1, kWaitMs);
        QCOMPARE(aliceView.list(Tab::Blocked)->model()->index(0, 0).data().toString(),
                 QStringLiteral("Bob Stone"));
        clickButton(aliceView, Tab::Blocked, 0, QStringLiteral("unblock"));
        QCOMPARE(aliceView.list(Tab::Blocked)->model()->rowCount(), 0);
        QTRY_COMPARE(visibleEmptyTitle(aliceView), QStringLiteral("Nobody is blocked"));
    }

    // The Blocked tab lists the server's blocks: those made before this view existed, and after
    // a restart of the app.
    void blockedTabListsTheServersBlocks() {
        const auto erin = m_fixture.signUp(QStringLiteral("erin"), QStringLiteral("Erin Blue"));
        const auto finn = m_fixture.signUp(QStringLiteral("finn"), QStringLiteral("Finn Gray"));
        QVERIFY(erin.ok() && finn.ok());
        {
            auto e = m_fixture.account(*erin.profile);
            QTRY_COMPARE_WITH_TIMEOUT(e->connectionState(), State::Online, kWaitMs);
            e->block(finn.user.userId);
            QTRY_COMPARE_WITH_TIMEOUT(e->blocked().rowCount(), 1, kWaitMs);
        }
        auto e = m_fixture.account(*erin.profile);
        ContactsPanel erinView(*e);
        erinView.resize(720, 560);
        erinView.show();
        erinView.showTab(Tab::Blocked);
        QListView* blocked = erinView.list(Tab::Blocked);
        QTRY_COMPARE_WITH_TIMEOUT(blocked->model()->rowCount(), 1, kWaitMs);
        QCOMPARE(blocked->model()->index(0, 0).data().toString(), QStringLiteral("Finn Gray"));
        QVERIFY(erinView.buttonLabels(Tab::Blocked, 0).contains(QStringLiteral("Unblock")));
        clickButton(erinView, Tab::Blocked, 0, QStringLiteral("unblock"));
        QTRY_COMPARE_WITH_TIMEOUT(visibleEmptyTitle(erinView), QStringLiteral("Nobody is blocked"),
                                  kWaitMs);
    }

    void declineAndWithdraw() {
        const auto carol = m_fixture.signUp(QStringLiteral("carol"), QStringLiteral("Carol"));
        const auto dave = m_fixture.signUp(QStringLiteral("dave"), QStringLiteral("Dave"));
        auto c = m_fixture.account(*carol.profile);
        auto d = m_fixture.account(*dave.profile);
        QTRY_COMPARE_WITH_TIMEOUT(c->connectionState(), State::Online, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(d->connectionState(), State::Online, kWaitMs);
        ContactsPanel carolView(*c);
        ContactsPanel daveView(*d);
        carolView.resize(720, 560);
        daveView.resize(720, 560);
        carolView.show();
        daveView.show();

        c->sendFriendRequest(dave.user.userId);
        carolView.showTab(Tab::Requests);
        QTRY_COMPARE_WITH_TIMEOUT(carolView.list(Tab::Requests)->model()->rowCount(), 1, kWaitMs);
        QCOMPARE(carolView.buttonLabels(Tab::Requests, 0), QStringList{QStringLiteral("Withdraw")});
        clickButton(carolView, Tab::Requests, 0, QStringLiteral("withdraw"));
        QTRY_COMPARE_WITH_TIMEOUT(carolView.list(Tab::Requests)->model()->rowCount(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(visibleEmptyTitle(carolView),
                                  QStringLiteral("No pending requests"), kWaitMs);

        d->sendFriendRequest(carol.user.userId);
        QTRY_COMPARE_WITH_TIMEOUT(carolView.list(Tab::Requests)->model()->rowCount(), 1, kWaitMs);
        clickButton(carolView, Tab::Requests, 0, QStringLiteral("decline"));
        QTRY_COMPARE_WITH_TIMEOUT(carolView.list(Tab::Requests)->model()->rowCount(), 0, kWaitMs);
        QCOMPARE(c->friends().rowCount(), 0);
    }
};

QTEST_MAIN(TestContactsPanel)
#include "tst_contacts_panel.moc"
