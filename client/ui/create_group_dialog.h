// The "New group" card over the window: name, description and friends to add, created on Enter.
// The same card adds friends to an existing group ("Add members": the friends list alone).
#pragma once

#include <QWidget>

#include "client/app/account.h"
#include "client/app/group_actions.h"

class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;

namespace client::ui {

class FormField;

class CreateGroupDialog : public QWidget {
    Q_OBJECT
public:
    // Covers `anchor`'s window and focuses the name. Deletes itself when closed.
    static CreateGroupDialog* open(QWidget* anchor, app::Account& account);
    // Friends not yet in the group; each one picked is added (admins and the owner may).
    static CreateGroupDialog* openAddMembers(QWidget* anchor, app::Account& account, qint64 chatId);

    FormField* nameField() const { return m_name; }
    FormField* descriptionField() const { return m_description; }
    QLineEdit* friendFilter() const { return m_filter; }
    QListWidget* friendList() const { return m_friends; }
    QLabel* membersError() const { return m_membersError; }
    QLabel* generalError() const { return m_error; }
    QPushButton* createButton() const { return m_create; }
    QPushButton* cancelButton() const { return m_cancel; }
    // Ticks or unticks the friend in the list (as a click on its row does).
    void setPicked(qint64 userId, bool picked);
    std::vector<qint64> picked() const;

    // Checks the fields, then asks the server; shows what is wrong inline.
    void submit();

Q_SIGNALS:
    // The group is in the cache; the window is about to close.
    void created(qint64 chatId);
    // Add members: every picked friend was added; the window is about to close.
    void membersAdded(qint64 chatId);

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    CreateGroupDialog(QWidget* window, app::Account& account, qint64 addToChat);
    void fillFriends();
    void applyFilter(const QString& text);
    void refreshCount();
    void onFailed(app::GroupActions::Op op, const QString& message);
    void onAdded();

    app::Account& m_account;
    app::GroupActions m_actions;
    QWidget* m_card;
    FormField* m_name;
    FormField* m_description;
    QLineEdit* m_filter;
    QListWidget* m_friends;
    QLabel* m_pickedCount;
    QLabel* m_membersError;
    QLabel* m_error;
    QPushButton* m_create;
    QPushButton* m_cancel;
    bool m_busy = false;
    qint64 m_addTo = 0;  // the group members are added to; 0 for a new group
    int m_pending = 0;   // additions not answered yet
};

}  // namespace client::ui
