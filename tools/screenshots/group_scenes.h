// The demo the group screenshots show: a group the signed-in user owns with an admin, a moderator
// and members, mentions, role changes, a mute and slow mode; and the captures of its settings
// panel as an admin and as a member, and of its conversation.
#pragma once

#include <QString>
#include <QUrl>
#include <functional>

#include "client/app/account.h"
#include "tools/screenshots/demo_cast.h"

class QWidget;

namespace screenshots {

class GroupScene {
public:
    // `me` is the signed-in account the main window shows (the group's owner); `hosts` already
    // trusts the server.
    GroupScene(client::app::Account& me, client::app::KnownHosts& hosts, const QUrl& server);
    ~GroupScene();

    // Registers the others, makes them my friends, creates the group and plays its story; false
    // with why() on failure.
    bool build();
    QString why() const { return m_why; }
    qint64 chatId() const { return m_chatId; }
    client::app::Account& owner() const { return m_me; }
    // Ana, the group's admin, and Cy, a plain member: the viewers of the panel captures.
    client::app::Account* admin() const { return m_admin; }
    client::app::Account* member() const { return m_member; }

private:
    bool say(client::app::Account& from, const QString& text);
    bool fail(const QString& why);

    client::app::Account& m_me;
    DemoCast m_cast;
    client::app::Account* m_admin = nullptr;
    client::app::Account* m_member = nullptr;
    qint64 m_chatId = 0;
    QString m_why;
};

// Saves one widget as <name>.png; false when it could not be written.
using SaveShot = std::function<bool(QWidget& widget, const QString& name)>;

// Captures, for a built scene: "group-conversation" (the owner's conversation of the group:
// system lines, Cy's mention of the viewer highlighted, the composer), "group-settings-admin" (the
// panel as Ana the admin, on Members and roles), "group-settings-admin-moderation" (the same on
// Moderation, slow mode set) and "group-settings-member" (the panel as Cy, Overview read-only).
// `suffix` ("-light", "-dark") is appended to each name.
bool captureGroupScenes(GroupScene& scene, const SaveShot& save, const QString& suffix = {});

}  // namespace screenshots
