// The composer's keys as a user types them: Enter sends, Shift+Enter breaks the line, Up on an
// empty field asks to edit the last message, Esc cancels a reply or an edit; typing is throttled.
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

#include "client/ui/composer.h"

using client::ui::Composer;

class TestComposer : public QObject {
    Q_OBJECT

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
};

QTEST_MAIN(TestComposer)
#include "tst_composer.moc"
