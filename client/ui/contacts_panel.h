// The Friends view: the friends list with presence, pending requests, finding people to add, and
// blocked users, each with its actions and an empty state that says what to do.
#pragma once

#include <QFrame>
#include <QSet>
#include <QTimer>

#include "client/app/account.h"

class QLineEdit;
class QListView;
class QStackedWidget;

namespace client::ui {

class ContactDelegate;
class EmptyState;
class SegmentedControl;

class ContactsPanel : public QFrame {
    Q_OBJECT
public:
    enum class Tab { Friends, Requests, Add, Blocked };

    explicit ContactsPanel(app::Account& account, QWidget* parent = nullptr);

    void showTab(Tab tab);
    Tab currentTab() const;
    QLineEdit* searchField() const { return m_searchField; }
    QListView* list(Tab tab) const;
    // Where a row's painted button is, in the list's viewport; empty when the row has no such
    // button. Lets tests click like a user.
    QRect buttonRect(Tab tab, int row, const QString& actionId) const;
    // The labels of a row's buttons ("Add", "Requested", "Friends", "Accept", ...).
    QStringList buttonLabels(Tab tab, int row) const;

    // The friend menu's actions: each asks for confirmation first, on a styled overlay.
    void confirmUnfriend(int friendRow);
    void confirmBlock(int friendRow);

Q_SIGNALS:
    void openChatRequested(qint64 chatId);

private:
    QWidget* buildPage(Tab tab, QAbstractItemModel* model, EmptyState* empty,
                       QWidget* top = nullptr);
    void onAction(Tab tab, const QModelIndex& index, const QString& actionId, const QRect& anchor);
    void refreshEmptyStates();
    void refreshTabLabels();
    bool hasOutgoingRequestTo(qint64 userId) const;
    int incomingRequestFrom(qint64 userId) const;

    app::Account& m_account;
    SegmentedControl* m_tabs;
    QStackedWidget* m_pages;
    QLineEdit* m_searchField;
    QHash<int, QListView*> m_lists;
    QHash<int, QStackedWidget*> m_listOrEmpty;
    QHash<int, ContactDelegate*> m_delegates;
    QSet<qint64> m_requested;  // "Add" clicked, before the requests list comes back
    QTimer m_searchDebounce;
};

}  // namespace client::ui
