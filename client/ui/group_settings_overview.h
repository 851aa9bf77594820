// The Overview page of the group settings: the group's name and description, editable and saved by
// admins and the owner, read-only for everyone else.
#pragma once

#include "client/ui/group_settings_page.h"

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;

namespace client::ui {

class GroupSettingsOverview : public GroupSettingsPage {
    Q_OBJECT
public:
    GroupSettingsOverview(app::Account& account, app::GroupActions& actions, qint64 chatId,
                          QWidget* parent = nullptr);

    void refresh(const cache::GroupRow& group) override;
    QLineEdit* nameEdit() const { return m_name; }
    QPlainTextEdit* descriptionEdit() const { return m_description; }
    QPushButton* saveButton() const { return m_save; }
    void save();

private:
    void refreshSave();
    // What the group will be called and described once the changes on their way are answered.
    QString willHaveName() const;
    QString willHaveDescription() const;

    QLineEdit* m_name;
    QPlainTextEdit* m_description;
    QPushButton* m_save;
    QLabel* m_readOnly;
    QString m_savedName;
    QString m_savedDescription;
    bool m_editable = false;
};

}  // namespace client::ui
