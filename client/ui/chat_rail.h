// The left rail: who is signed in and how connected, the search field and the list of chats.
#pragma once

#include <QFrame>

#include "client/app/account.h"

class QAction;
class QLabel;
class QLineEdit;
class QMenu;
class QPushButton;

namespace client::ui {

class AvatarWidget;
class ConnectionIndicator;
class EmptyState;

class ChatRail : public QFrame {
    Q_OBJECT
public:
    // userMenu opens from the header's menu button; the rail does not own it.
    ChatRail(app::Account& account, QMenu* userMenu, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return m_search; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }

protected:
    void changeEvent(QEvent* event) override;

private:
    QWidget* buildHeader(QMenu* userMenu);
    void refreshProfile();
    void refreshIcons();

    app::Account& m_account;
    AvatarWidget* m_avatar = nullptr;
    QLabel* m_name = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QPushButton* m_menuButton = nullptr;
    QLineEdit* m_search = nullptr;
    QAction* m_searchIcon = nullptr;
    EmptyState* m_empty = nullptr;
};

}  // namespace client::ui
