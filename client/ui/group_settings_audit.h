// The Audit log page of the group settings (moderators and above): the log newest first, filtered
// by action and by member, with older pages loaded on demand (before=).
#pragma once

#include "client/models/audit_log_model.h"
#include "client/ui/group_settings_page.h"

class QComboBox;
class QListView;
class QPushButton;

namespace client::ui {

class GroupSettingsAudit : public GroupSettingsPage {
    Q_OBJECT
public:
    GroupSettingsAudit(app::Account& account, app::GroupActions& actions, qint64 chatId,
                       QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    // Drops what is loaded and asks for the newest page.
    void reload();
    // Asks for the page older than what is loaded.
    void loadOlder();
    models::AuditLogModel& model() { return m_model; }
    QComboBox* actionFilter() const { return m_action; }
    QComboBox* memberFilter() const { return m_member; }
    QListView* list() const { return m_list; }
    QPushButton* moreButton() const { return m_more; }

private:
    void fillMembers();

    models::AuditLogModel m_model;
    QComboBox* m_action;
    QComboBox* m_member;
    QListView* m_list;
    QPushButton* m_more;
    bool m_loading = false;
};

}  // namespace client::ui
