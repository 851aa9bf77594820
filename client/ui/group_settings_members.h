// The Members and roles page of the group settings (admins and the owner): every member with their
// role; picking one offers the roles the viewer may give them (PROTOCOL.md's table).
#pragma once

#include "client/models/member_list_model.h"
#include "client/ui/group_settings_page.h"

class QComboBox;
class QLabel;
class QListView;
class QPushButton;

namespace client::ui {

class GroupSettingsMembers : public GroupSettingsPage {
    Q_OBJECT
public:
    GroupSettingsMembers(app::Account& account, app::GroupActions& actions, qint64 chatId,
                         QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    models::MemberListModel& model() { return m_model; }
    QListView* list() const { return m_list; }
    // Picks the member whose role the bar below the list changes.
    void selectMember(qint64 userId);
    QComboBox* roleChoice() const { return m_role; }
    QPushButton* applyButton() const { return m_apply; }
    // Gives the selected member the role chosen in roleChoice().
    void applyRole();

private:
    void refreshBar();

    models::MemberListModel m_model;
    QListView* m_list;
    QLabel* m_selected;
    QComboBox* m_role;
    QPushButton* m_apply;
    protocol::Role m_myRole = protocol::Role::Member;
    qint64 m_target = 0;
};

}  // namespace client::ui
