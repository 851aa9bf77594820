#include "client/ui/main_window.h"

#include <QAction>
#include <QCloseEvent>
#include <QCoreApplication>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSplitter>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "client/ui/chat_rail.h"
#include "client/ui/contacts_panel.h"
#include "client/ui/conversation_view.h"
#include "client/ui/empty_state.h"
#include "client/ui/group_settings_panel.h"
#include "client/ui/members_pane.h"
#include "client/ui/peer_details.h"
#include "client/ui/settings_dialog.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

MainWindow::MainWindow(app::Account& account, app::Preferences& preferences,
                       ThemeController& themes, QWidget* parent)
    : QMainWindow(parent), m_account(account), m_preferences(preferences), m_themes(themes) {
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Messenger"));
    if (QFile::exists(QStringLiteral(":/icons/messenger-256.png"))) {
        setWindowIcon(QIcon(QStringLiteral(":/icons/messenger-256.png")));
    }
    setMinimumSize(880, 560);
    resize(1200, 760);

    m_rail = new ChatRail(account, buildUserMenu(), this);
    m_rail->setMinimumWidth(260);

    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("paneSplitter"));
    m_splitter->setChildrenCollapsible(false);
    m_splitter->setHandleWidth(1);
    m_splitter->addWidget(m_rail);
    m_splitter->addWidget(buildConversationPane());
    m_splitter->addWidget(buildDetailsPane());
    m_splitter->setStretchFactor(0, 0);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setStretchFactor(2, 0);
    m_splitter->setSizes({320, 600, 280});

    m_certificateBanner = new QFrame(this);
    m_certificateBanner->setObjectName(QStringLiteral("certificateBanner"));
    style::set(m_certificateBanner, style::Surface::ErrorBanner);
    m_certificateText = new QLabel(m_certificateBanner);
    m_certificateText->setWordWrap(true);
    auto* bannerLayout = new QVBoxLayout(m_certificateBanner);
    bannerLayout->setContentsMargins(14, 10, 14, 10);
    bannerLayout->addWidget(m_certificateText);
    m_certificateBanner->hide();

    auto* central = new QWidget(this);
    // The window opens calm, with no field lit up; Ctrl+K or a click focuses the search.
    central->setFocusPolicy(Qt::StrongFocus);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_certificateBanner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);
    central->setFocus();

    auto* search = new QAction(tr("Quick switch"), this);
    search->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_K));
    connect(search, &QAction::triggered, this, &MainWindow::focusSearch);
    addAction(search);

    connect(&account, &app::Account::certificateChanged, this,
            [this](const QUrl& server, const QString&, const QString& presented) {
                showCertificateWarning(server, presented);
            });
    connect(&account, &app::Account::connectionStateChanged, this,
            [this](app::Account::ConnectionState state) {
                if (state == app::Account::ConnectionState::Online) {
                    m_certificateBanner->hide();
                }
            });

    restoreGeometry(preferences.mainWindowGeometry());
    const QByteArray splitter = preferences.mainWindowSplitter();
    if (!splitter.isEmpty()) {
        m_splitter->restoreState(splitter);
    }
}

MainWindow::~MainWindow() {
    rememberGeometry();
}

QMenu* MainWindow::buildUserMenu() {
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("userMenu"));
    QAction* settings = menu->addAction(tr("Settings…"), this, &MainWindow::openSettings);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Comma));
    QAction* logOut = menu->addAction(tr("Log out"), this, [this] { m_account.logOut(); });
    logOut->setObjectName(QStringLiteral("logOutAction"));
    menu->addSeparator();
    QAction* quit = menu->addAction(tr("Quit"), qApp, &QCoreApplication::quit);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    // Shortcuts of a menu's actions work only while the menu is open unless the window has them.
    addActions({settings, quit});
    return menu;
}

QWidget* MainWindow::buildConversationPane() {
    auto* pane = new QFrame(this);
    pane->setObjectName(QStringLiteral("conversationPane"));
    style::set(pane, style::Surface::Pane);
    m_noChat = new EmptyState(IconSet::Glyph::Chat, tr("Select a chat to start messaging"),
                              tr("Pick a conversation on the left, or add a friend to start "
                                 "a new one."),
                              pane);
    m_noChat->setObjectName(QStringLiteral("conversationEmptyState"));
    m_conversation = new ConversationView(m_account, pane);
    m_contacts = new ContactsPanel(m_account, pane);
    m_center = new QStackedWidget(pane);
    m_center->addWidget(m_noChat);
    m_center->addWidget(m_conversation);
    m_center->addWidget(m_contacts);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_center);
    pane->setMinimumWidth(360);

    connect(m_rail, &ChatRail::chatActivated, this, &MainWindow::openChat);
    connect(m_rail, &ChatRail::contactsRequested, this, &MainWindow::showContacts);
    connect(m_contacts, &ContactsPanel::openChatRequested, this, &MainWindow::openChat);
    connect(m_conversation, &ConversationView::groupDetailsRequested, this,
            &MainWindow::showGroupDetails);
    connect(&m_account.chatCache(), &cache::ChatCache::chatRemoved, this, [this](qint64 chatId) {
        if (m_conversation->chatId() == chatId) {
            m_conversation->setChat(0);
            m_center->setCurrentWidget(m_noChat);
            m_details->setCurrentWidget(m_noDetails);
        }
    });
    return pane;
}

QWidget* MainWindow::buildDetailsPane() {
    auto* pane = new QFrame(this);
    pane->setObjectName(QStringLiteral("detailsPane"));
    style::set(pane, style::Surface::Rail);
    m_noDetails = new EmptyState(IconSet::Glyph::Info, tr("No details yet"),
                                 tr("Open a chat to see its members, shared photos and settings "
                                    "here."),
                                 pane);
    m_noDetails->setObjectName(QStringLiteral("detailsEmptyState"));
    m_peerDetails = new PeerDetails(m_account, pane);
    m_members = new MembersPane(m_account, pane);
    connect(m_members, &MembersPane::settingsRequested, this, &MainWindow::openGroupSettings);
    m_details = new QStackedWidget(pane);
    m_details->addWidget(m_noDetails);
    m_details->addWidget(m_peerDetails);
    m_details->addWidget(m_members);
    auto* layout = new QVBoxLayout(pane);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_details);
    pane->setMinimumWidth(220);
    return pane;
}

void MainWindow::openSettings() {
    auto* dialog = new SettingsDialog(m_themes, m_preferences, m_account, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(
        dialog, &SettingsDialog::logOutRequested, this, [this] { m_account.logOut(); },
        Qt::QueuedConnection);
    dialog->open();
}

void MainWindow::openChat(qint64 chatId) {
    if (chatId <= 0) {
        return;
    }
    closeGroupSettings();
    m_rail->selectChat(chatId);
    // Shown before it opens the chat: a hidden conversation marks nothing read.
    m_center->setCurrentWidget(m_conversation);
    m_conversation->setChat(chatId);
    showConversation();
    if (m_members->setChat(chatId)) {
        m_details->setCurrentWidget(m_members);
    } else {
        m_details->setCurrentWidget(
            m_peerDetails->setChat(chatId) ? static_cast<QWidget*>(m_peerDetails) : m_noDetails);
    }
}

void MainWindow::showGroupDetails(qint64 chatId) {
    if (m_members->setChat(chatId)) {
        m_details->setCurrentWidget(m_members);
        m_members->filterEdit()->setFocus(Qt::OtherFocusReason);
    }
}

void MainWindow::openGroupSettings(qint64 chatId) {
    closeGroupSettings();
    if (!m_account.chatCache().group(chatId)) {
        return;
    }
    m_groupSettings = new GroupSettingsPanel(m_account, chatId, m_center);
    m_groupSettings->setObjectName(QStringLiteral("groupSettingsPanel"));
    // Queued: the panel may ask to close from inside one of its own handlers.
    connect(m_groupSettings, &GroupSettingsPanel::closeRequested, this,
            &MainWindow::closeGroupSettings, Qt::QueuedConnection);
    m_center->addWidget(m_groupSettings);
    m_center->setCurrentWidget(m_groupSettings);
    m_groupSettings->setFocus(Qt::OtherFocusReason);
}

void MainWindow::closeGroupSettings() {
    if (!m_groupSettings) {
        return;
    }
    GroupSettingsPanel* panel = m_groupSettings;
    m_groupSettings = nullptr;
    const bool shown = m_center->currentWidget() == panel;
    m_center->removeWidget(panel);
    panel->deleteLater();
    if (shown) {
        if (m_conversation->chatId() != 0) {
            showConversation();
        } else {
            m_center->setCurrentWidget(m_noChat);
        }
    }
}

void MainWindow::showConversation() {
    m_center->setCurrentWidget(m_conversation);
    // What arrived while another page hid the conversation is read once it shows at the bottom
    // again (the same chat reopened from the rail, or the settings panel closed).
    if (m_conversation->isAtBottom()) {
        m_conversation->scrollToLatest();
    }
}

void MainWindow::showContacts() {
    closeGroupSettings();
    m_center->setCurrentWidget(m_contacts);
}

void MainWindow::focusSearch() {
    m_rail->searchEdit()->setFocus(Qt::ShortcutFocusReason);
    m_rail->searchEdit()->selectAll();
}

void MainWindow::showCertificateWarning(const QUrl& server, const QString& presented) {
    m_certificateText->setText(
        tr("%1 presented a different certificate (%2…) than the one you trusted. Messenger "
           "stopped connecting to protect your account. Log out and check the server's "
           "fingerprint before trusting it again.")
            .arg(server.host(), presented.left(23)));
    m_certificateBanner->show();
}

void MainWindow::closeEvent(QCloseEvent* event) {
    rememberGeometry();
    QMainWindow::closeEvent(event);
}

void MainWindow::changeEvent(QEvent* event) {
    QMainWindow::changeEvent(event);
    // Qt sends ActivationChange to the window alone, not to its children: the conversation
    // learns here that the user looks at it again, and reads what came meanwhile.
    if (event->type() == QEvent::ActivationChange && isActiveWindow() &&
        m_center->currentWidget() == m_conversation) {
        showConversation();
    }
}

void MainWindow::rememberGeometry() {
    m_preferences.setMainWindowGeometry(QMainWindow::saveGeometry());
    m_preferences.setMainWindowSplitter(m_splitter->saveState());
}

}  // namespace client::ui
