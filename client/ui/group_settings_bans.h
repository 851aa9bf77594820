// The Bans page of the group settings (admins and the owner): who is banned, by whom, when and
// why, each with an Unban button. The list is fetched when the page opens and after each unban.
#pragma once

#include "client/models/ban_list_model.h"
#include "client/ui/group_settings_page.h"

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace client::ui {

class GroupSettingsBans : public GroupSettingsPage {
    Q_OBJECT
public:
    GroupSettingsBans(app::Account& account, app::GroupActions& actions, qint64 chatId,
                      QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    // Asks the server for the list again.
    void reload();
    models::BanListModel& model() { return m_model; }
    // The Unban button of a banned user's row, null when the user is not listed.
    QPushButton* unbanButton(qint64 userId) const;

private:
    void rebuildRows();

    models::BanListModel m_model;
    QWidget* m_rows;
    QVBoxLayout* m_rowsLayout;
    QLabel* m_empty;
};

}  // namespace client::ui
