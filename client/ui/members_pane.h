// The details pane of a group: its name, description and counts, the members grouped by role with
// presence, and per member a menu of what the viewer may do (the protocol's permission table).
#pragma once

#include <QFrame>
#include <QTimer>
#include <memory>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/models/member_list_model.h"

class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QSortFilterProxyModel;

namespace client::ui {

class AvatarWidget;

class MembersPane : public QFrame {
    Q_OBJECT
public:
    explicit MembersPane(app::Account& account, QWidget* parent = nullptr);
    ~MembersPane() override;

    // Shows the group and lists its members again from the server; false (and nothing shown)
    // when the chat is not a cached group.
    bool setChat(qint64 chatId);
    qint64 chatId() const { return m_chatId; }

    QListView* list() const { return m_list; }
    QLineEdit* filterEdit() const { return m_filter; }
    QPushButton* settingsButton() const { return m_settings; }
    // Shown to admins and the owner: opens the friend picker to add members.
    QPushButton* addButton() const { return m_add; }
    QLabel* errorLabel() const { return m_error; }
    models::MemberListModel* model() const { return m_model.get(); }
    app::GroupActions& actions() { return m_actions; }

    // The menu the viewer gets for a member (empty when there is nothing they may do); the caller
    // owns it. Tests read its actions by object name.
    QMenu* menuFor(qint64 userId);

Q_SIGNALS:
    // The "Group settings" button: the window opens the group's settings panel.
    void settingsRequested(qint64 chatId);

private:
    void refreshHeader();
    void showMenu(const QPoint& pos);
    void showError(const QString& message);
    void confirmKick(qint64 userId, const QString& name);
    void confirmBan(qint64 userId, const QString& name);
    void chooseMute(qint64 userId, const QString& name);

    app::Account& m_account;
    app::GroupActions m_actions;
    qint64 m_chatId = 0;
    std::unique_ptr<models::MemberListModel> m_model;
    QSortFilterProxyModel* m_proxy;
    AvatarWidget* m_avatar;
    QLabel* m_name;
    QLabel* m_description;
    QLabel* m_counts;
    QPushButton* m_settings;
    QPushButton* m_add;
    QLineEdit* m_filter;
    QListView* m_list;
    QLabel* m_error;
    QTimer m_errorTimer;
};

}  // namespace client::ui
