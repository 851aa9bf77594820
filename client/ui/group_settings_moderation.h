// The Moderation page of the group settings (admins and the owner): slow mode presets and "only
// admins may post", each applied as soon as it is chosen.
#pragma once

#include <QVector>

#include "client/ui/group_settings_page.h"

class QCheckBox;

namespace client::ui {

class SegmentedControl;

class GroupSettingsModeration : public GroupSettingsPage {
    Q_OBJECT
public:
    // The slow mode choices, in seconds (0: off).
    static const QVector<int>& presets();

    GroupSettingsModeration(app::Account& account, app::GroupActions& actions, qint64 chatId,
                            QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    SegmentedControl* slowMode() const { return m_slowMode; }
    QCheckBox* onlyAdmins() const { return m_onlyAdmins; }
    // Sets slow mode to one of presets() on the server.
    void chooseSlowMode(int seconds);

private:
    void apply();
    void showGroup();

    SegmentedControl* m_slowMode;
    QCheckBox* m_onlyAdmins;
    int m_slowModeS = 0;
    bool m_onlyAdminsPost = false;
    bool m_showing = false;  // setting the controls from the cache is not a choice
};

}  // namespace client::ui
