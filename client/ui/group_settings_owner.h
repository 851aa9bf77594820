// The owner's page of the group settings: transfer ownership to a member (the owner becomes an
// admin), and delete the group after typing its name. Both ask once more on the confirm overlay.
#pragma once

#include "client/ui/group_settings_page.h"

class QComboBox;
class QLineEdit;
class QPushButton;

namespace client::ui {

class GroupSettingsOwner : public GroupSettingsPage {
    Q_OBJECT
public:
    GroupSettingsOwner(app::Account& account, app::GroupActions& actions, qint64 chatId,
                       QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    QComboBox* transferChoice() const { return m_transferTo; }
    QPushButton* transferButton() const { return m_transfer; }
    QLineEdit* deleteConfirmEdit() const { return m_typedName; }
    QPushButton* deleteButton() const { return m_delete; }

private:
    void fillMembers();
    void askTransfer();
    void askDelete();

    QComboBox* m_transferTo;
    QPushButton* m_transfer;
    QLineEdit* m_typedName;
    QPushButton* m_delete;
    QString m_groupName;
};

}  // namespace client::ui
