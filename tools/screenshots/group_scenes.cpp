#include "tools/screenshots/group_scenes.h"

#include <QListView>
#include <QTest>

#include "client/app/group_actions.h"
#include "client/ui/composer.h"
#include "client/ui/conversation_view.h"
#include "client/ui/group_settings_members.h"
#include "client/ui/group_settings_panel.h"
#include "client/ui/message_delegate.h"

namespace screenshots {

namespace {

using client::app::Account;
using client::app::GroupActions;
using protocol::Role;
constexpr int kWaitMs = 15000;

// Runs one group action and waits for its outcome.
bool perform(GroupActions& actions, const std::function<void()>& request) {
    bool done = false;
    bool ok = false;
    const auto a = QObject::connect(&actions, &GroupActions::succeeded, [&] { done = ok = true; });
    const auto b = QObject::connect(&actions, &GroupActions::failed, [&] { done = true; });
    request();
    const bool answered = QTest::qWaitFor([&] { return done; }, kWaitMs);
    QObject::disconnect(a);
    QObject::disconnect(b);
    return answered && ok;
}

}  // namespace

GroupScene::GroupScene(Account& me, client::app::KnownHosts& hosts, const QUrl& server)
    : m_me(me), m_cast(hosts, server) {}

GroupScene::~GroupScene() = default;

bool GroupScene::fail(const QString& why) {
    m_why = why;
    return false;
}

bool GroupScene::say(Account& from, const QString& text) {
    const QString clientId = from.sendMessage(m_chatId, text);
    auto model = m_me.openChat(m_chatId);
    auto theirs = from.openChat(m_chatId);
    const bool acked = QTest::qWaitFor(
        [&] {
            const int row = theirs->rowOfClientId(clientId);
            const qint64 id = row >= 0 ? theirs->index(row)
                                             .data(client::models::MessageListModel::MessageIdRole)
                                             .toLongLong()
                                       : 0;
            return id > 0 && model->rowOfMessage(id) >= 0;
        },
        kWaitMs);
    QTest::qWait(40);
    return acked || fail(QStringLiteral("a group message was not delivered"));
}

bool GroupScene::build() {
    Account* ana = m_cast.signUp(QStringLiteral("ana.lima"), QStringLiteral("Ana Lima"));
    Account* bo = m_cast.signUp(QStringLiteral("bo.silva"), QStringLiteral("Bo Silva"));
    Account* cy = m_cast.signUp(QStringLiteral("cy.park"), QStringLiteral("Cy Park"));
    Account* eve = m_cast.signUp(QStringLiteral("eve.moreau"), QStringLiteral("Eve Moreau"));
    if (ana == nullptr || bo == nullptr || cy == nullptr || eve == nullptr) {
        return fail(QStringLiteral("the group's demo users could not sign up"));
    }
    for (Account* other : {ana, bo, cy, eve}) {
        if (!m_cast.befriend(m_me, *other)) {
            return fail(m_cast.why());
        }
    }
    m_admin = ana;
    m_member = cy;

    GroupActions mine(m_me);
    QObject::connect(&mine, &GroupActions::groupCreated, [this](qint64 id) { m_chatId = id; });
    if (!perform(mine,
                 [&] {
                     mine.createGroup(
                         QStringLiteral("Weekend climbing"),
                         QStringLiteral("Saturday sessions, gear swaps and trip plans"),
                         {ana->userId(), bo->userId(), cy->userId(), eve->userId()});
                 }) ||
        m_chatId == 0) {
        return fail(QStringLiteral("the group could not be created"));
    }
    for (Account* other : {ana, bo, cy, eve}) {
        if (!QTest::qWaitFor([&] { return other->chatCache().group(m_chatId).has_value(); },
                             kWaitMs)) {
            return fail(QStringLiteral("a member never saw the group"));
        }
    }
    if (!perform(mine, [&] { mine.setRole(m_chatId, ana->userId(), Role::Admin); }) ||
        !perform(mine, [&] { mine.setRole(m_chatId, bo->userId(), Role::Moderator); })) {
        return fail(QStringLiteral("the roles could not be given"));
    }
    if (!say(*ana, QStringLiteral("Welcome everyone! Saturday at 10 at the usual gym?")) ||
        !say(*bo, QStringLiteral("Works for me. I can bring the spare harness")) ||
        !say(
            *cy,
            QStringLiteral("@%1 could you book the top-rope lanes for us?").arg(m_me.username())) ||
        !say(m_me, QStringLiteral("Booked two lanes from 10 to 12. @bo.silva thanks for the "
                                  "harness!"))) {
        return false;
    }
    GroupActions admins(*ana);
    if (!perform(admins, [&] { admins.mute(m_chatId, eve->userId(), 3600); }) ||
        !perform(admins, [&] { admins.setSettings(m_chatId, 30, false); }) ||
        !perform(admins, [&] { admins.ban(m_chatId, eve->userId(), QStringLiteral("spam")); })) {
        return fail(QStringLiteral("the moderation steps failed"));
    }
    if (!say(*ana, QStringLiteral("Slow mode is on for a bit, let's keep the plan readable")) ||
        !say(*cy, QStringLiteral("See you Saturday!"))) {
        return false;
    }
    for (Account* viewer : {&m_me, ana, cy}) {
        GroupActions actions(*viewer);
        perform(actions, [&] { actions.refreshMembers(m_chatId); });
    }
    QTest::qWait(500);
    return true;
}

bool captureGroupScenes(GroupScene& scene, const SaveShot& save, const QString& suffix) {
    using client::ui::GroupSettingsPanel;
    bool ok = true;
    {
        GroupSettingsPanel panel(*scene.admin(), scene.chatId());
        panel.resize(1000, 700);
        panel.show();
        panel.showSection(GroupSettingsPanel::Section::Members);
        QTest::qWait(400);
        if (panel.members()->model().rowCount() > 2) {
            panel.members()->list()->setCurrentIndex(panel.members()->model().index(2));
        }
        ok = save(panel, QStringLiteral("group-settings-admin") + suffix) && ok;
        panel.showSection(GroupSettingsPanel::Section::Moderation);
        ok = save(panel, QStringLiteral("group-settings-admin-moderation") + suffix) && ok;
    }
    {
        GroupSettingsPanel panel(*scene.member(), scene.chatId());
        panel.resize(1000, 700);
        panel.show();
        QTest::qWait(300);
        ok = save(panel, QStringLiteral("group-settings-member") + suffix) && ok;
    }
    {
        // The lead's main window shows the conversation in context; this is the view alone.
        Account& owner = scene.owner();
        client::ui::ConversationView view(owner);
        view.resize(820, 720);
        view.setChat(scene.chatId());
        view.composer()->followGroup(owner, scene.chatId());
        view.delegate()->setMentionContext(owner.username(), view.composer()->memberUsernames());
        view.delegate()->clearCache();
        view.list()->doItemsLayout();
        view.show();
        QTest::qWait(400);
        ok = save(view, QStringLiteral("group-conversation") + suffix) && ok;
    }
    return ok;
}

}  // namespace screenshots
