// The signed-in window: chat rail | conversation | details, with the user menu and shortcuts.
#pragma once

#include <QMainWindow>

#include "client/app/account.h"
#include "client/app/preferences.h"

class QLabel;
class QMenu;
class QSplitter;
class QStackedWidget;

namespace client::ui {

class ChatRail;
class ContactsPanel;
class ConversationView;
class EmptyState;
class GroupSettingsPanel;
class MembersPane;
class PeerDetails;
class ThemeController;

class MainWindow : public QMainWindow {
    Q_OBJECT
public:
    // The references must outlive the window. Geometry is restored from and saved to preferences.
    MainWindow(app::Account& account, app::Preferences& preferences, ThemeController& themes,
               QWidget* parent = nullptr);
    ~MainWindow() override;

    ChatRail* rail() const { return m_rail; }
    ConversationView* conversation() const { return m_conversation; }
    ContactsPanel* contacts() const { return m_contacts; }
    MembersPane* members() const { return m_members; }
    // The open group settings panel, else null.
    GroupSettingsPanel* groupSettings() const { return m_groupSettings; }

public Q_SLOTS:
    void openSettings();
    void focusSearch();
    // Shows the chat in the conversation pane and selects it in the rail.
    void openChat(qint64 chatId);
    void showContacts();
    // The details pane shows the group's members (a click on a group's header).
    void showGroupDetails(qint64 chatId);
    // The group's settings panel takes the conversation's place until it is closed.
    void openGroupSettings(qint64 chatId);
    void closeGroupSettings();

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    QMenu* buildUserMenu();
    QWidget* buildConversationPane();
    QWidget* buildDetailsPane();
    // The conversation takes the centre; one left at the bottom is marked read.
    void showConversation();
    void showCertificateWarning(const QUrl& server, const QString& presented);
    void rememberGeometry();

    app::Account& m_account;
    app::Preferences& m_preferences;
    ThemeController& m_themes;
    ChatRail* m_rail = nullptr;
    QStackedWidget* m_center = nullptr;
    EmptyState* m_noChat = nullptr;
    ConversationView* m_conversation = nullptr;
    ContactsPanel* m_contacts = nullptr;
    QStackedWidget* m_details = nullptr;
    EmptyState* m_noDetails = nullptr;
    PeerDetails* m_peerDetails = nullptr;
    MembersPane* m_members = nullptr;
    GroupSettingsPanel* m_groupSettings = nullptr;
    QSplitter* m_splitter = nullptr;
    QWidget* m_certificateBanner = nullptr;
    QLabel* m_certificateText = nullptr;
};

}  // namespace client::ui
