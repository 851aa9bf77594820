// The composer's keys as a user types them: Enter sends, Shift+Enter breaks the line, Up on an
// empty field asks to edit the last message, Esc cancels a reply or an edit; typing is throttled.
// In a group: the slow-mode countdown, the muted and admins-only banners, `@` completion; against
// the real server, a send it holds back counts down from its retry_after and goes once allowed.
#include <QDateTime>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "client/ui/composer.h"
#include "client/ui/mention_completer.h"
#include "client/ui/mention_popup.h"
#include "tests/support/client_fixture.h"
#include "tests/support/group_api.h"

using client::ui::Composer;
using client::ui::MentionCandidate;

namespace {

QLabel* countdown(Composer& composer) {
    return composer.findChild<QLabel*>(QStringLiteral("slowModeCountdown"));
}

QFrame* restriction(Composer& composer) {
    return composer.findChild<QFrame*>(QStringLiteral("composerRestriction"));
}

QVector<MentionCandidate> members() {
    return {{2, QStringLiteral("ana"), QStringLiteral("Ana Lima")},
            {3, QStringLiteral("anabel"), QStringLiteral("Anabel Cruz")},
            {4, QStringLiteral("bob"), QStringLiteral("Bob Stone")}};
}

}  // namespace

class TestComposer : public QObject {
    Q_OBJECT

private:
    // Started only by the test that talks to the server.
    testsupport::ClientFixture m_fixture;

private Q_SLOTS:
    void enterSendsTrimmedTextAndClears() {
        Composer composer;
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("  hello there "));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("hello there"));
        QCOMPARE(sent.at(0).at(1).toLongLong(), 0);
        QVERIFY(composer.text().isEmpty());
        // Nothing to send: Enter does nothing.
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QTest::keyClicks(composer.editor(), QStringLiteral("   "));
        QTest::keyClick(composer.editor(), Qt::Key_Enter);
        QCOMPARE(sent.count(), 1);
    }

    void shiftEnterBreaksTheLine() {
        Composer composer;
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("first"));
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QTest::keyClicks(composer.editor(), QStringLiteral("second"));
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.text(), QStringLiteral("first\nsecond"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("first\nsecond"));
    }

    void growsUpToSixLines() {
        Composer composer;
        composer.resize(500, 300);
        composer.show();
        const int oneLine = composer.editor()->height();
        for (int i = 0; i < 3; ++i) {
            QTest::keyClicks(composer.editor(), QStringLiteral("line"));
            QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        }
        const int fourLines = composer.editor()->height();
        QVERIFY(fourLines > oneLine);
        for (int i = 0; i < 10; ++i) {
            QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        }
        const int many = composer.editor()->height();
        QVERIFY(many > fourLines);
        QTest::keyClick(composer.editor(), Qt::Key_Return, Qt::ShiftModifier);
        QCOMPARE(composer.editor()->height(), many);
    }

    void upOnAnEmptyFieldAsksToEditTheLastMessage() {
        Composer composer;
        composer.show();
        QSignalSpy editLast(&composer, &Composer::editLastRequested);
        QTest::keyClick(composer.editor(), Qt::Key_Up);
        QCOMPARE(editLast.count(), 1);
        QTest::keyClicks(composer.editor(), QStringLiteral("draft"));
        QTest::keyClick(composer.editor(), Qt::Key_Up);
        QCOMPARE(editLast.count(), 1);
    }

    void editModeSendsAnEditAndEscCancelsIt() {
        Composer composer;
        composer.show();
        QSignalSpy edited(&composer, &Composer::editRequested);
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.startEdit(42, QStringLiteral("old text"));
        QCOMPARE(composer.mode(), Composer::Mode::Edit);
        QCOMPARE(composer.text(), QStringLiteral("old text"));
        QVERIFY(composer.findChild<QFrame*>(QStringLiteral("composerBanner"))->isVisible());
        QTest::keyClick(composer.editor(), Qt::Key_Escape);
        QCOMPARE(composer.mode(), Composer::Mode::Compose);
        QVERIFY(composer.text().isEmpty());
        QVERIFY(!composer.findChild<QFrame*>(QStringLiteral("composerBanner"))->isVisible());

        composer.startEdit(42, QStringLiteral("old text"));
        QTest::keyClicks(composer.editor(), QStringLiteral(" and new"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(edited.count(), 1);
        QCOMPARE(edited.at(0).at(0).toLongLong(), 42);
        QCOMPARE(edited.at(0).at(1).toString(), QStringLiteral("old text and new"));
        QCOMPARE(composer.mode(), Composer::Mode::Compose);
    }

    void replyCarriesTheQuotedIdAndEscKeepsTheDraft() {
        Composer composer;
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.startReply(7, QStringLiteral("Bob"), QStringLiteral("Are you there?"));
        QTest::keyClicks(composer.editor(), QStringLiteral("yes"));
        QTest::keyClick(composer.editor(), Qt::Key_Escape);
        QCOMPARE(composer.mode(), Composer::Mode::Compose);
        QCOMPARE(composer.text(), QStringLiteral("yes"));

        composer.startReply(7, QStringLiteral("Bob"), QStringLiteral("Are you there?"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(1).toLongLong(), 7);
        // The banner's close button cancels too.
        composer.startReply(8, QStringLiteral("Bob"), QStringLiteral("x"));
        QTest::mouseClick(composer.findChild<QPushButton*>(QStringLiteral("composerBannerClose")),
                          Qt::LeftButton);
        QCOMPARE(composer.targetId(), 0);
    }

    void typingIsThrottled() {
        Composer composer;
        composer.show();
        QSignalSpy typing(&composer, &Composer::typing);
        QTest::keyClicks(composer.editor(), QStringLiteral("hello world, typing fast"));
        QCOMPARE(typing.count(), 1);
        // Filling the field from code (an edit) is not typing.
        composer.setText(QStringLiteral("from code"));
        QCOMPARE(typing.count(), 1);
    }

    void sendButtonFollowsTheText() {
        Composer composer;
        composer.show();
        auto* send = composer.findChild<QPushButton*>(QStringLiteral("sendButton"));
        QVERIFY(!send->isEnabled());
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("hi"));
        QVERIFY(send->isEnabled());
        QTest::mouseClick(send, Qt::LeftButton);
        QCOMPARE(sent.count(), 1);
        QVERIFY(!send->isEnabled());
    }

    void slowModeCountsDownAfterEachPost() {
        Composer composer;
        composer.show();
        composer.setSlowMode(30);
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("first"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QVERIFY(composer.cooldownSeconds() >= 29 && composer.cooldownSeconds() <= 30);
        QVERIFY(countdown(composer)->isVisible());
        QVERIFY(countdown(composer)->text().endsWith(QStringLiteral(" s")));
        QVERIFY(countdown(composer)->toolTip().contains(QStringLiteral("Slow mode")));
        // Typing goes on; sending waits: Enter keeps the text and the button stays off.
        QTest::keyClicks(composer.editor(), QStringLiteral("second"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(composer.text(), QStringLiteral("second"));
        QVERIFY(!composer.findChild<QPushButton*>(QStringLiteral("sendButton"))->isEnabled());
        // Editing a message is not a post.
        QSignalSpy edited(&composer, &Composer::editRequested);
        composer.startEdit(5, QStringLiteral("old"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(edited.count(), 1);
    }

    void theCountdownEndsAndSendingResumes() {
        Composer composer;
        composer.show();
        composer.setSlowMode(1);
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("one"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QTest::keyClicks(composer.editor(), QStringLiteral("two"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QTRY_VERIFY_WITH_TIMEOUT(!countdown(composer)->isVisible(), 5000);
        QCOMPARE(composer.cooldownSeconds(), 0);
        QVERIFY(composer.findChild<QPushButton*>(QStringLiteral("sendButton"))->isEnabled());
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 2);
        QCOMPARE(sent.at(1).at(0).toString(), QStringLiteral("two"));
        // A server's retry_after starts the same countdown; no slow mode: posts go at once.
        composer.setSlowMode(0);
        composer.startCooldown(90 * 1000);
        QCOMPARE(countdown(composer)->text(), QStringLiteral("1:30"));
    }

    void mutedShowsABannerInsteadOfTheField() {
        Composer composer;
        composer.show();
        QVERIFY(composer.canPost());
        QVERIFY(!restriction(composer)->isVisible());
        composer.setMutedUntil(QDateTime::currentMSecsSinceEpoch() + 3600 * 1000);
        QVERIFY(!composer.canPost());
        QVERIFY(restriction(composer)->isVisible());
        QVERIFY(!composer.editor()->isVisible());
        QVERIFY(composer.restrictionText().contains(QStringLiteral("muted until")));
        QSignalSpy sent(&composer, &Composer::sendRequested);
        composer.setText(QStringLiteral("draft"));
        composer.submit();
        QCOMPARE(sent.count(), 0);
        composer.setMutedUntil(0);
        QVERIFY(composer.editor()->isVisible());
        QVERIFY(!restriction(composer)->isVisible());
        // A mute that runs out gives the field back by itself.
        composer.setMutedUntil(QDateTime::currentMSecsSinceEpoch() + 600);
        QVERIFY(!composer.editor()->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(composer.editor()->isVisible(), 5000);
        composer.submit();
        QCOMPARE(sent.count(), 1);
    }

    void onlyAdminsPostShowsABanner() {
        Composer composer;
        composer.show();
        composer.setAdminsOnly(true);
        QVERIFY(restriction(composer)->isVisible());
        QCOMPARE(restriction(composer)
                     ->findChild<QLabel*>(QStringLiteral("composerRestrictionText"))
                     ->text(),
                 QStringLiteral("Only admins can post in this group."));
        QVERIFY(!composer.editor()->isVisible());
        composer.setAdminsOnly(false);
        QVERIFY(composer.editor()->isVisible());
    }

    void atCompletesMembersWithTheKeys() {
        Composer composer;
        composer.resize(500, 300);
        composer.show();
        composer.setMentionCandidates(members());
        auto* popup = composer.mentions()->popup();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QTest::keyClicks(composer.editor(), QStringLiteral("hello @an"));
        QVERIFY(popup->isVisible());
        QCOMPARE(popup->shownUsernames(), (QStringList{"ana", "anabel"}));
        QTest::keyClick(composer.editor(), Qt::Key_Down);
        QCOMPARE(popup->current()->username, QStringLiteral("anabel"));
        QTest::keyClick(composer.editor(), Qt::Key_Up);
        QTest::keyClick(composer.editor(), Qt::Key_Up);  // wraps around
        QCOMPARE(popup->current()->username, QStringLiteral("anabel"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.text(), QStringLiteral("hello @anabel "));
        QVERIFY(!popup->isVisible());

        // A display name matches too; Tab takes the selection.
        QTest::keyClicks(composer.editor(), QStringLiteral("and @STO"));
        QCOMPARE(popup->shownUsernames(), QStringList{"bob"});
        QTest::keyClick(composer.editor(), Qt::Key_Tab);
        QCOMPARE(composer.text(), QStringLiteral("hello @anabel and @bob "));

        // Esc closes the list for that '@' only; Enter then sends.
        QTest::keyClicks(composer.editor(), QStringLiteral("@b"));
        QVERIFY(popup->isVisible());
        QTest::keyClick(composer.editor(), Qt::Key_Escape);
        QVERIFY(!popup->isVisible());
        QTest::keyClicks(composer.editor(), QStringLiteral("o"));
        QVERIFY(!popup->isVisible());
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 1);
        QCOMPARE(sent.at(0).at(0).toString(), QStringLiteral("hello @anabel and @bob @bo"));

        // No match, or an '@' inside a word (an address): no list.
        QTest::keyClicks(composer.editor(), QStringLiteral("@zz"));
        QVERIFY(!popup->isVisible());
        composer.setText({});
        QTest::keyClicks(composer.editor(), QStringLiteral("mail me@an"));
        QVERIFY(!popup->isVisible());
    }

    void aClickOnTheListCompletes() {
        Composer composer;
        composer.resize(500, 300);
        composer.show();
        composer.setMentionCandidates(members());
        QTest::keyClicks(composer.editor(), QStringLiteral("@"));
        auto* popup = composer.mentions()->popup();
        QCOMPARE(popup->shownCount(), 3);
        QListWidget* list = popup->list();
        const QRect second = list->visualItemRect(list->item(2));
        QTest::mouseClick(list->viewport(), Qt::LeftButton, {}, second.center());
        QCOMPARE(composer.text(), QStringLiteral("@bob "));
    }

    // Slow mode of 2 s; the member posted from another device a moment ago, so this client knows
    // of no wait when its outbox sends two posts. The server holds the first back: the composer
    // counts down from the server's retry_after, the outbox keeps both, and both reach the
    // server once allowed, in order, once each.
    void aSendTheServerHoldsCountsDownAndGoesOnceAllowed() {
        QVERIFY2(m_fixture.start(), m_fixture.why());
        const auto owner = m_fixture.signUp(QStringLiteral("cown"));
        const auto member = m_fixture.signUp(QStringLiteral("cmem"));
        QVERIFY(owner.ok() && member.ok());
        testsupport::GroupApi api(m_fixture.http());
        QVERIFY(api.chats().makeFriends(owner.user, member.user) > 0);
        const qint64 chat =
            api.createGroupId(owner.user, QStringLiteral("Slow"), {member.user.userId});
        QVERIFY(chat > 0);
        QCOMPARE(api.setSettings(owner.user, chat, 2, false).status, 200);
        auto account = m_fixture.account(*member.profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            account->chatCache().group(chat) && account->chatCache().group(chat)->slowModeS == 2,
            testsupport::ClientFixture::kWaitMs);

        Composer composer;
        composer.followGroup(*account, chat);
        composer.show();
        QSignalSpy sent(&composer, &Composer::sendRequested);
        QCOMPARE(composer.cooldownSeconds(), 0);
        QCOMPARE(
            api.chats().postMessage(member.user, chat, QStringLiteral("from the phone")).status,
            201);
        QVERIFY(!account->sendMessage(chat, QStringLiteral("one")).isEmpty());
        QVERIFY(!account->sendMessage(chat, QStringLiteral("two")).isEmpty());
        QSignalSpy held(account.get(), &client::app::Account::sendHeld);
        QTRY_VERIFY_WITH_TIMEOUT(held.count() >= 1, testsupport::ClientFixture::kWaitMs);
        QCOMPARE(held.at(0).at(0).toLongLong(), chat);
        const int wait = held.at(0).at(1).toInt();
        QVERIFY2(wait > 0 && wait <= 2000, qPrintable(QString::number(wait)));
        QVERIFY(composer.cooldownSeconds() >= 1 && composer.cooldownSeconds() <= 2);
        QVERIFY(countdown(composer)->isVisible());
        QCOMPARE(account->chatCache().outbox(chat).size(), size_t(2));
        // Meanwhile a new post waits in the field.
        QTest::keyClicks(composer.editor(), QStringLiteral("three"));
        QTest::keyClick(composer.editor(), Qt::Key_Return);
        QCOMPARE(sent.count(), 0);
        QCOMPARE(composer.text(), QStringLiteral("three"));

        QTRY_VERIFY_WITH_TIMEOUT(account->chatCache().outbox(chat).empty(),
                                 testsupport::ClientFixture::kWaitMs);
        const auto page = api.chats().history(owner.user, chat, 0, 100);
        QStringList texts;
        for (const auto& value : page.json.toObject().value(QLatin1String("messages")).toArray()) {
            texts << value.toObject().value(QLatin1String("text")).toString();
        }
        QCOMPARE(texts, (QStringList{QStringLiteral("from the phone"), QStringLiteral("one"),
                                     QStringLiteral("two")}));
    }
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
