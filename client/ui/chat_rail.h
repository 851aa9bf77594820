// The left rail: who is signed in and how connected, the search field and the list of chats.
#pragma once

#include <QFrame>

#include "client/app/account.h"

class QAction;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QPushButton;
class QStackedWidget;

namespace client::ui {

class AvatarWidget;
class ChatFilterModel;
class ConnectionIndicator;
class EmptyState;

class ChatRail : public QFrame {
    Q_OBJECT
public:
    // userMenu opens from the header's menu button; the rail does not own it.
    ChatRail(app::Account& account, QMenu* userMenu, QWidget* parent = nullptr);

    QLineEdit* searchEdit() const { return m_search; }
    ConnectionIndicator* connectionIndicator() const { return m_indicator; }
    QListView* chatList() const { return m_list; }
    QPushButton* contactsButton() const { return m_contactsButton; }
    QPushButton* newGroupButton() const { return m_newGroupButton; }
    // Selects the chat's row (clearing the filter if it hides it); 0 clears the selection.
    void selectChat(qint64 chatId);
    qint64 selectedChat() const;
    // Opens the "New group" card (the header's button, Ctrl+Shift+N); the group it creates is
    // activated like a picked chat.
    void newGroup();

Q_SIGNALS:
    // The user picked a chat (click, keyboard, or Enter in the search field).
    void chatActivated(qint64 chatId);
    // The people button or the empty state's "Add friend".
    void contactsRequested();

protected:
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    QWidget* buildHeader(QMenu* userMenu);
    void refreshProfile();
    void refreshIcons();
    void refreshEmpty();

    app::Account& m_account;
    AvatarWidget* m_avatar = nullptr;
    QLabel* m_name = nullptr;
    ConnectionIndicator* m_indicator = nullptr;
    QPushButton* m_menuButton = nullptr;
    QPushButton* m_contactsButton = nullptr;
    QPushButton* m_newGroupButton = nullptr;
    QListView* m_list = nullptr;
    ChatFilterModel* m_filter = nullptr;
    QStackedWidget* m_body = nullptr;
    EmptyState* m_noMatch = nullptr;
    QLineEdit* m_search = nullptr;
    QAction* m_searchIcon = nullptr;
    EmptyState* m_empty = nullptr;
};

}  // namespace client::ui
