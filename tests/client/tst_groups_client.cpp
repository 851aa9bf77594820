// Three people with their own Accounts against the real server: Ana creates a group of her
// friends from the "New group" card, the others see it live, roles change live in everyone's
// member list, each member's menu offers only what the viewer may do, and a kick takes the group
// out of the kicked one's rail. Member events leave system lines in every cache.
#include <QAbstractItemModelTester>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QListWidget>
#include <QMenu>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTest>
#include <memory>
#include <vector>

#include "client/app/group_actions.h"
#include "client/app/preferences.h"
#include "client/models/member_list_model.h"
#include "client/ui/chat_rail.h"
#include "client/ui/conversation_header.h"
#include "client/ui/conversation_model.h"
#include "client/ui/conversation_view.h"
#include "client/ui/create_group_dialog.h"
#include "client/ui/form_field.h"
#include "client/ui/group_settings_panel.h"
#include "client/ui/main_window.h"
#include "client/ui/members_pane.h"
#include "client/ui/message_delegate.h"
#include "client/ui/theme_controller.h"
#include "tests/support/chat_api.h"
#include "tests/support/client_fixture.h"
#include "tests/support/group_api.h"

using client::app::Account;
using client::app::GroupActions;
using client::models::ChatListModel;
using client::models::MemberListModel;
using client::ui::CreateGroupDialog;
using client::ui::MembersPane;
using protocol::Role;
using State = client::app::Account::ConnectionState;

namespace {

constexpr int kWaitMs = testsupport::ClientFixture::kWaitMs;

bool hasChat(const ChatListModel& model, qint64 chatId) {
    return model.rowOf(chatId) >= 0;
}

QStringList actionNames(QMenu* menu) {
    QStringList names;
    if (menu) {
        for (QAction* action : menu->actions()) {
            if (!action->isSeparator()) {
                names << action->objectName();
            }
        }
    }
    return names;
}

QStringList systemTypes(Account& account, qint64 chatId) {
    QStringList types;
    for (const auto& line : account.chatCache().systemLines(chatId, 0, 0)) {
        types << line.type;
    }
    return types;
}

}  // namespace

class TestGroupsClient : public QObject {
    Q_OBJECT

private:
    testsupport::ClientFixture m_fixture;
    testsupport::ClientUser m_ana;
    testsupport::ClientUser m_bo;
    testsupport::ClientUser m_cy;
    std::unique_ptr<Account> m_a;
    std::unique_ptr<Account> m_b;
    std::unique_ptr<Account> m_c;
    std::unique_ptr<QWidget> m_window;  // hosts Ana's cards and pane
    qint64 m_group = 0;

private Q_SLOTS:
    void initTestCase() {
        QVERIFY2(m_fixture.start(), m_fixture.why());
        m_ana = m_fixture.signUp(QStringLiteral("ana"), QStringLiteral("Ana"));
        m_bo = m_fixture.signUp(QStringLiteral("bo"), QStringLiteral("Bo"));
        m_cy = m_fixture.signUp(QStringLiteral("cy"), QStringLiteral("Cy"));
        QVERIFY(m_ana.ok() && m_bo.ok() && m_cy.ok());
        // A server built before the group routes were wired answers 404 to POST /groups.
        const auto probe =
            m_fixture.http().post(QStringLiteral("/api/v1/groups"), "{}", m_ana.user.token);
        if (probe.status == 404) {
            QSKIP("the server has no group routes yet (addGroupRoutes not wired in server_app)");
        }
        testsupport::ChatApi api(m_fixture.http());
        QVERIFY(api.makeFriends(m_ana.user, m_bo.user) > 0);
        QVERIFY(api.makeFriends(m_ana.user, m_cy.user) > 0);
        m_a = m_fixture.account(*m_ana.profile);
        m_b = m_fixture.account(*m_bo.profile);
        m_c = m_fixture.account(*m_cy.profile);
        for (Account* account : {m_a.get(), m_b.get(), m_c.get()}) {
            QTRY_COMPARE_WITH_TIMEOUT(account->connectionState(), State::Online, kWaitMs);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chatCache().friends().size(), size_t(2), kWaitMs);
        m_window = std::make_unique<QWidget>();
        m_window->resize(900, 700);
        m_window->show();
    }

    void createFromTheCard() {
        CreateGroupDialog* card = CreateGroupDialog::open(m_window.get(), *m_a);
        QCOMPARE(card->friendList()->count(), 2);
        // No name: said inline, nothing sent.
        QTest::keyClick(card->nameField()->edit(), Qt::Key_Return);
        QVERIFY(!card->nameField()->error().isEmpty());

        QTest::keyClicks(card->nameField()->edit(), QStringLiteral("Climbers"));
        QTest::keyClicks(card->descriptionField()->edit(), QStringLiteral("Saturday walls"));
        // The filter narrows to Bo; Enter ticks the single match.
        QTest::keyClicks(card->friendFilter(), m_bo.user.username.left(4));
        QTest::keyClick(card->friendFilter(), Qt::Key_Return);
        card->setPicked(m_cy.user.userId, true);
        QCOMPARE(card->picked().size(), size_t(2));

        QSignalSpy created(card, &CreateGroupDialog::created);
        QTest::keyClick(card->nameField()->edit(), Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(created.count(), 1, kWaitMs);
        m_group = created.at(0).at(0).toLongLong();
        QVERIFY(m_group > 0);
        // In Ana's rail at once, and live in the others'.
        QVERIFY(hasChat(m_a->chats(), m_group));
        QTRY_VERIFY_WITH_TIMEOUT(hasChat(m_b->chats(), m_group), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasChat(m_c->chats(), m_group), kWaitMs);
        const auto seen = m_b->chatCache().group(m_group);
        QVERIFY(seen);
        QCOMPARE(seen->name, QStringLiteral("Climbers"));
        QCOMPARE(seen->description, QStringLiteral("Saturday walls"));
        QVERIFY(seen->myRole == Role::Member);
        QVERIFY(m_a->chatCache().group(m_group)->myRole == Role::Owner);
        QCOMPARE(seen->memberCount, 3);
    }

    void rolesChangeLive() {
        QVERIFY(m_group > 0);
        GroupActions bo(*m_b);
        bo.refreshMembers(m_group);
        MemberListModel boMembers(m_b->chatCache(), m_group);
        QAbstractItemModelTester tester(&boMembers,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QTRY_COMPARE_WITH_TIMEOUT(boMembers.rowCount(), 3, kWaitMs);
        QCOMPARE(boMembers.index(0).data(MemberListModel::UserIdRole).toLongLong(),
                 m_ana.user.userId);

        // Cy has the group open while Ana changes Bo's role.
        client::ui::ConversationView cyView(*m_c);
        cyView.resize(600, 500);
        cyView.setChat(m_group);
        const auto lineInCyView = [&cyView]() -> QString {
            const QAbstractItemModel* model = cyView.list()->model();
            for (int row = model ? model->rowCount() - 1 : -1; row >= 0; --row) {
                const auto item = client::ui::MessageDelegate::itemAt(model->index(row, 0));
                if (item.system && item.systemText.contains(QStringLiteral("moderator"))) {
                    return item.systemText;
                }
            }
            return {};
        };
        QVERIFY(lineInCyView().isEmpty());

        GroupActions ana(*m_a);
        QSignalSpy done(&ana, &GroupActions::succeeded);
        ana.setRole(m_group, m_bo.user.userId, Role::Moderator);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(m_b->chatCache().group(m_group)->myRole == Role::Moderator,
                                 kWaitMs);
        const int row = boMembers.rowOfUser(m_bo.user.userId);
        QCOMPARE(row, 1);
        QCOMPARE(boMembers.index(row).data(MemberListModel::RoleNameRole).toString(),
                 QStringLiteral("Moderators"));
        QTRY_VERIFY_WITH_TIMEOUT(systemTypes(*m_c, m_group).contains(QStringLiteral("member.role")),
                                 kWaitMs);
        // The line shows in Cy's open conversation, its own row, without message actions.
        QTRY_VERIFY_WITH_TIMEOUT(!lineInCyView().isEmpty(), kWaitMs);
        QVERIFY2(lineInCyView().endsWith(QStringLiteral("made Bo a moderator")),
                 qPrintable(lineInCyView()));
        QCOMPARE(cyView.model()->messages().lastOwnMessageId(), 0);
    }

    void renameAndSettingsLive() {
        QVERIFY(m_group > 0);
        GroupActions ana(*m_a);
        QSignalSpy done(&ana, &GroupActions::succeeded);
        ana.updateDetails(m_group, QStringLiteral("Boulderers"), std::nullopt);
        ana.setSettings(m_group, 30, false);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 2, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->chatCache().group(m_group)->name,
                                  QStringLiteral("Boulderers"), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_b->chatCache().group(m_group)->slowModeS, 30, kWaitMs);
        QCOMPARE(m_b->chatCache().group(m_group)->description, QStringLiteral("Saturday walls"));
        QTRY_COMPARE_WITH_TIMEOUT(systemTypes(*m_b, m_group).count(QStringLiteral("chat.updated")),
                                  2, kWaitMs);
        ana.updateDetails(m_group, QStringLiteral("Climbers"), std::nullopt);
        ana.setSettings(m_group, 0, false);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 4, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_c->chatCache().group(m_group)->name, QStringLiteral("Climbers"),
                                  kWaitMs);
    }

    void menusOfferOnlyWhatTheViewerMay() {
        QVERIFY(m_group > 0);
        MembersPane anaPane(*m_a, m_window.get());
        QVERIFY(anaPane.setChat(m_group));
        QTRY_COMPARE_WITH_TIMEOUT(anaPane.model()->rowCount(), 3, kWaitMs);
        std::unique_ptr<QMenu> onBo(anaPane.menuFor(m_bo.user.userId));
        QCOMPARE(actionNames(onBo.get()),
                 (QStringList{"makeAdminAction", "makeMemberAction", "mute1hAction", "mute1dAction",
                              "muteCustomAction", "kickAction", "banAction"}));

        MembersPane boPane(*m_b, m_window.get());
        QVERIFY(boPane.setChat(m_group));
        QTRY_COMPARE_WITH_TIMEOUT(boPane.model()->rowCount(), 3, kWaitMs);
        // A moderator may mute and kick a member, nothing more; nothing at all on the owner.
        std::unique_ptr<QMenu> onCy(boPane.menuFor(m_cy.user.userId));
        QCOMPARE(actionNames(onCy.get()),
                 (QStringList{"mute1hAction", "mute1dAction", "muteCustomAction", "kickAction"}));
        std::unique_ptr<QMenu> onAna(boPane.menuFor(m_ana.user.userId));
        QVERIFY(actionNames(onAna.get()).isEmpty());
        std::unique_ptr<QMenu> onSelf(boPane.menuFor(m_bo.user.userId));
        QCOMPARE(actionNames(onSelf.get()), QStringList{"leaveAction"});

        // Ana mutes Cy for an hour from her menu: everyone's list shows it.
        std::unique_ptr<QMenu> onCyAsOwner(anaPane.menuFor(m_cy.user.userId));
        QAction* mute = onCyAsOwner->findChild<QAction*>(QStringLiteral("mute1hAction"));
        QVERIFY(mute);
        mute->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(boPane.model()
                                         ->index(boPane.model()->rowOfUser(m_cy.user.userId))
                                         .data(MemberListModel::MutedUntilRole)
                                         .toLongLong() > 0,
                                 kWaitMs);
    }

    // In the window: the group's header counts its members, a click on it shows the members
    // pane, whose settings button opens the settings panel in the conversation's place.
    void windowShowsTheGroup() {
        QVERIFY(m_group > 0);
        client::ui::ThemeController themes(*qApp);
        client::app::Preferences preferences(
            QDir(m_fixture.server().dataDir()).filePath(QStringLiteral("window.ini")));
        client::ui::MainWindow window(*m_a, preferences, themes);
        window.show();
        window.openChat(m_group);
        client::ui::ConversationHeader* header = window.conversation()->header();
        QCOMPARE(header->title(), QStringLiteral("Climbers"));
        QTRY_VERIFY_WITH_TIMEOUT(header->statusText().startsWith(QStringLiteral("3 members")),
                                 kWaitMs);
        QSignalSpy details(window.conversation(),
                           &client::ui::ConversationView::groupDetailsRequested);
        QTest::mouseClick(header, Qt::LeftButton, {}, QPoint(60, header->height() / 2));
        QCOMPARE(details.count(), 1);
        QVERIFY(window.members()->isVisible());
        QCOMPARE(window.members()->chatId(), m_group);

        QTest::mouseClick(window.members()->settingsButton(), Qt::LeftButton);
        QVERIFY(window.groupSettings());
        QVERIFY(window.groupSettings()->isVisible());
        QCOMPARE(window.groupSettings()->chatId(), m_group);
        window.closeGroupSettings();
        QVERIFY(!window.groupSettings());
        QVERIFY(window.conversation()->isVisible());

        // The rail's New group button opens the card; Esc closes it.
        QTest::mouseClick(window.rail()->newGroupButton(), Qt::LeftButton);
        QPointer<CreateGroupDialog> card = window.findChild<CreateGroupDialog*>();
        QVERIFY(card);
        QVERIFY(card->isVisible());
        QTest::keyClick(card->nameField()->edit(), Qt::Key_Escape);
        QTRY_VERIFY(!card);
    }

    void kickTakesTheGroupAway() {
        QVERIFY(m_group > 0);
        GroupActions ana(*m_a);
        QSignalSpy done(&ana, &GroupActions::succeeded);
        ana.kick(m_group, m_cy.user.userId);
        QTRY_COMPARE_WITH_TIMEOUT(done.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(!hasChat(m_c->chats(), m_group), kWaitMs);
        QVERIFY(!m_c->chatCache().group(m_group));
        QTRY_VERIFY_WITH_TIMEOUT(!m_a->chatCache().member(m_group, m_cy.user.userId), kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chatCache().group(m_group)->memberCount, 2, kWaitMs);

        // The member events as system lines, in seq order.
        const QStringList types = systemTypes(*m_b, m_group);
        QVERIFY2(types.endsWith(QStringLiteral("member.removed")), qPrintable(types.join(',')));
        QVERIFY(types.contains(QStringLiteral("member.muted")));
        const auto lines = m_b->chatCache().systemLines(m_group, 0, 0);
        for (size_t i = 1; i < lines.size(); ++i) {
            QVERIFY(lines[i - 1].seq < lines[i].seq);
        }
        QCOMPARE(lines.back().subject, m_cy.user.userId);
        QCOMPARE(lines.back().subjectName, QStringLiteral("Cy"));
        QCOMPARE(lines.back().actorName, QStringLiteral("Ana"));
    }

    // Ana adds Cy back from the members pane's card: Cy's rail has the group again.
    void addBackFromThePane() {
        QVERIFY(m_group > 0);
        MembersPane anaPane(*m_a, m_window.get());
        QVERIFY(anaPane.setChat(m_group));
        QVERIFY(!anaPane.addButton()->isHidden());
        MembersPane boPane(*m_b, m_window.get());
        QVERIFY(boPane.setChat(m_group));
        QVERIFY(boPane.addButton()->isHidden());  // a moderator may not add

        QTest::mouseClick(anaPane.addButton(), Qt::LeftButton);
        auto* card = m_window->findChild<CreateGroupDialog*>();
        QVERIFY(card);
        QCOMPARE(card->friendList()->count(), 1);  // Bo is in already; Cy is not
        QSignalSpy added(card, &CreateGroupDialog::membersAdded);
        card->setPicked(m_cy.user.userId, true);
        QTest::mouseClick(card->createButton(), Qt::LeftButton);
        QTRY_COMPARE_WITH_TIMEOUT(added.count(), 1, kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(hasChat(m_c->chats(), m_group), kWaitMs);
        QTRY_VERIFY_WITH_TIMEOUT(anaPane.model()->rowOfUser(m_cy.user.userId) >= 0, kWaitMs);
    }

    void refusedActionsSayWhy() {
        QVERIFY(m_group > 0);
        // Bo (a moderator) may not ban.
        GroupActions bo(*m_b);
        QSignalSpy failed(&bo, &GroupActions::failed);
        bo.ban(m_group, m_ana.user.userId, QStringLiteral("no"));
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, kWaitMs);
        QVERIFY(!failed.at(0).at(3).toString().isEmpty());
        QVERIFY(m_b->chatCache().member(m_group, m_ana.user.userId).has_value());
    }

    // Ana's window has the group open, active and at the bottom: what arrives is read at once
    // (on the server too) and the rail shows no badge; opened from the Friends view after messages
    // came, or shown again when the settings panel closes, likewise. While another window is
    // active nothing is read; scrolled up, the badge counts what arrives below.
    void theOpenGroupIsReadAndShowsNoBadge() {
        // A group of its own, short enough at first that its conversation does not scroll.
        testsupport::GroupApi groups(m_fixture.http());
        const qint64 chat =
            groups.createGroupId(m_ana.user, QStringLiteral("Readers"), {m_bo.user.userId});
        QVERIFY(chat > 0);
        QTRY_VERIFY_WITH_TIMEOUT(m_a->chats().rowOf(chat) >= 0, kWaitMs);
        testsupport::ChatApi& api = groups.chats();
        const auto unread = [this, chat] {
            return m_a->chats()
                .index(m_a->chats().rowOf(chat))
                .data(ChatListModel::UnreadRole)
                .toInt();
        };
        const auto serverReadSeq = [&] {
            return api.chatInList(m_ana.user, chat).value(QLatin1String("read_seq")).toInteger();
        };
        const auto post = [&](const QString& text) {
            const auto posted = api.postMessage(m_bo.user, chat, text);
            return posted.status == 201 ? posted.json[QLatin1String("seq")].toInteger() : 0;
        };
        client::ui::ThemeController themes(*qApp);
        client::app::Preferences preferences(
            QDir(m_fixture.server().dataDir()).filePath(QStringLiteral("read.ini")));
        client::ui::MainWindow window(*m_a, preferences, themes);
        window.resize(1000, 600);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));

        // Messages come while the Friends view shows; opening the group reads them.
        window.showContacts();
        qint64 seq = post(QStringLiteral("while you were away"));
        QVERIFY(seq > 0);
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chatCache().chat(chat)->lastSeq, seq, kWaitMs);
        QVERIFY(unread() > 0);
        window.openChat(chat);
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(serverReadSeq(), seq, kWaitMs);

        // Open and at the bottom: each new message is read as it comes.
        for (int i = 0; i < 14; ++i) {
            seq = post(QStringLiteral("live message %1").arg(i));
            QVERIFY(seq > 0);
        }
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chatCache().chat(chat)->lastSeq, seq, kWaitMs);
        QCOMPARE(unread(), 0);
        QTRY_COMPARE_WITH_TIMEOUT(serverReadSeq(), seq, kWaitMs);

        // Via the settings panel and back: what came meanwhile is read on the way back.
        window.openGroupSettings(chat);
        seq = post(QStringLiteral("while the settings were open"));
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 1, kWaitMs);
        window.closeGroupSettings();
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 0, kWaitMs);

        // Another window active (a dialog that closed leaves none active offscreen, as in the
        // screenshots): nothing is read until this one is active again.
        {
            QDialog dialog(&window);
            dialog.show();
            QTRY_VERIFY(!window.isActiveWindow());
        }
        seq = post(QStringLiteral("while you looked elsewhere"));
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 1, kWaitMs);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(serverReadSeq(), seq, kWaitMs);

        // Scrolled up: the two that arrive are below, unread; back at the bottom, read.
        QScrollBar* bar = window.conversation()->list()->verticalScrollBar();
        QTRY_VERIFY(bar->maximum() > 0);
        bar->setValue(0);
        QVERIFY(!window.conversation()->isAtBottom());
        post(QStringLiteral("below one"));
        seq = post(QStringLiteral("below two"));
        QTRY_COMPARE_WITH_TIMEOUT(m_a->chatCache().chat(chat)->lastSeq, seq, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 2, kWaitMs);
        window.conversation()->scrollToLatest();
        QTRY_COMPARE_WITH_TIMEOUT(unread(), 0, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(serverReadSeq(), seq, kWaitMs);
    }

    // Bo signs in on a new device, an empty cache: the member list comes before the group's
    // history does (as when the pane opens while the catch-up is on its way). The history's
    // older member events never take Cy or Bo back to a role they no longer have.
    void catchUpKeepsTheNewerMemberList() {
        QVERIFY(m_group > 0);
        GroupActions ana(*m_a);
        QSignalSpy done(&ana, &GroupActions::succeeded);
        int answered = 0;
        for (const Role role : {Role::Moderator, Role::Member, Role::Moderator}) {
            ana.setRole(m_group, m_cy.user.userId, role);
            ++answered;
            QTRY_COMPARE_WITH_TIMEOUT(done.count(), answered, kWaitMs);
        }

        client::app::Profile profile(
            QStringLiteral("bo2_%1").arg(QCoreApplication::applicationPid()));
        QDir(profile.dataDir()).removeRecursively();
        profile.saveSession({m_fixture.server().baseUrl(), m_bo.user.token, m_bo.user.userId,
                             m_bo.user.username, QStringLiteral("Bo")});
        auto fresh = m_fixture.account(profile, false);
        fresh->cache().open();
        bool listed = false;
        fresh->rest().chat(m_group, [&](const client::net::RestResult<protocol::Chat>& r) {
            listed = r.ok() && fresh->chatCache().upsertChat(r.value());
        });
        QTRY_VERIFY_WITH_TIMEOUT(listed, kWaitMs);
        GroupActions mine(*fresh);
        QSignalSpy loaded(&mine, &GroupActions::succeeded);
        mine.refreshMembers(m_group);
        QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, kWaitMs);
        QCOMPARE(fresh->chatCache().lastAppliedSeq(m_group), 0);

        // Every state the cache announces while it catches up, as the pane would show it.
        QStringList wrong;
        const auto check = [&] {
            const auto group = fresh->chatCache().group(m_group);
            if (group && group->myRole != Role::Moderator) {
                wrong << QStringLiteral("Bo as %1").arg(int(group->myRole));
            }
            const auto cy = fresh->chatCache().member(m_group, m_cy.user.userId);
            if (!cy || cy->role != Role::Moderator) {
                wrong << QStringLiteral("Cy as %1").arg(cy ? int(cy->role) : -1);
            }
        };
        check();
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u',')));
        client::cache::ChatCache* cache = &fresh->chatCache();
        connect(cache, &client::cache::ChatCache::chatChanged, this, check);
        connect(cache, &client::cache::ChatCache::memberChanged, this, check);
        connect(cache, &client::cache::ChatCache::membersReset, this, check);
        MemberListModel pane(fresh->chatCache(), m_group);
        QSignalSpy synced(fresh.get(), &Account::synced);
        fresh->start();
        QTRY_COMPARE_WITH_TIMEOUT(synced.count(), 1, kWaitMs);
        QVERIFY(fresh->chatCache().lastAppliedSeq(m_group) > 0);
        QVERIFY(systemTypes(*fresh, m_group).count(QStringLiteral("member.role")) >= 4);
        disconnect(cache, nullptr, this, nullptr);
        QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(u',')));
        QCOMPARE(pane.rowCount(), 3);
        const int cyRow = pane.rowOfUser(m_cy.user.userId);
        QVERIFY(cyRow >= 0);
        QCOMPARE(pane.index(cyRow).data(MemberListModel::RoleNameRole).toString(),
                 QStringLiteral("Moderators"));
        fresh.reset();
        QDir(profile.dataDir()).removeRecursively();
    }

    void cleanupTestCase() {
        m_window.reset();
        m_a.reset();
        m_b.reset();
        m_c.reset();
    }
};

QTEST_MAIN(TestGroupsClient)
#include "tst_groups_client.moc"
