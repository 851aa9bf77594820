// The main window of a signed-in account against the real server: empty states, the user's name,
// the connection indicator through a server restart, the theme switch, geometry and log out.
#include <QApplication>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/preferences.h"
#include "client/app/profile.h"
#include "client/ui/chat_rail.h"
#include "client/ui/connection_indicator.h"
#include "client/ui/conversation_header.h"
#include "client/ui/conversation_model.h"
#include "client/ui/conversation_view.h"
#include "client/ui/empty_state.h"
#include "client/ui/login_dialog.h"
#include "client/ui/main_window.h"
#include "client/ui/segmented_control.h"
#include "client/ui/session_flow.h"
#include "client/ui/settings_dialog.h"
#include "client/ui/theme_controller.h"
#include "tests/support/chat_api.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

using client::app::Account;
using client::app::ThemeChoice;
using client::ui::MainWindow;

namespace {

constexpr int kWaitMs = 20000;

template <typename T = QWidget>
T* child(QObject& root, const char* name) {
    T* found = root.findChild<T*>(QLatin1String(name));
    if (found == nullptr) {
        qFatal("no child named %s", name);
    }
    return found;
}

QString indicatorText(MainWindow& window) {
    return child<QLabel>(window, "connectionText")->text();
}

bool isDark() {
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private:
    testsupport::ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<client::ui::ThemeController> m_themes;
    std::unique_ptr<client::app::Preferences> m_preferences;
    std::unique_ptr<client::app::Profile> m_profile;
    std::unique_ptr<client::app::KnownHosts> m_hosts;
    testsupport::TestUser m_ada;

    std::unique_ptr<Account> account() {
        auto account = std::make_unique<Account>(*m_profile, *m_hosts);
        account->setReconnectPolicy({.baseMs = 1500, .capMs = 3000, .stableMs = 10000});
        return account;
    }

private Q_SLOTS:
    void initTestCase() {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
        QCoreApplication::setApplicationName(QStringLiteral("messenger"));
        m_themes = std::make_unique<client::ui::ThemeController>(*qApp);
        m_preferences = std::make_unique<client::app::Preferences>(
            m_dir.filePath(QStringLiteral("preferences.ini")));
        m_themes->apply(ThemeChoice::Light);
        QVERIFY2(m_server.start(), m_server.output() + m_server.errors());

        testsupport::HttpClient http(m_server);
        const auto user =
            testsupport::registerUser(http, QStringLiteral("ada"), QStringLiteral("password123"),
                                      QStringLiteral("Ada Lovelace"));
        QVERIFY(user.ok());
        m_ada = user;
        m_profile = std::make_unique<client::app::Profile>(QStringLiteral("ui_main"));
        QDir(m_profile->dataDir()).removeRecursively();
        m_profile->saveSession({m_server.baseUrl(), user.token, user.userId, QStringLiteral("ada"),
                                QStringLiteral("Ada Lovelace")});
        m_hosts = std::make_unique<client::app::KnownHosts>(
            m_dir.filePath(QStringLiteral("known_hosts")));
        m_hosts->trust(m_server.baseUrl(), m_server.fingerprint());
    }

    void showsTheUserAndEmptyStates() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        QCOMPARE(window.windowTitle(), QStringLiteral("Messenger"));
        QCOMPARE(child<QLabel>(window, "displayNameLabel")->text(), QStringLiteral("Ada Lovelace"));

        auto* conversation = child<client::ui::EmptyState>(window, "conversationEmptyState");
        QVERIFY(conversation->isVisible());
        QCOMPARE(conversation->title(), QStringLiteral("Select a chat to start messaging"));
        auto* chats = child<client::ui::EmptyState>(window, "chatListEmptyState");
        QVERIFY(chats->isVisible());
        QCOMPARE(chats->title(), QStringLiteral("No chats yet"));
        QVERIFY(chats->body().contains(QStringLiteral("Add a friend")));
        auto* addFriend = child<QPushButton>(window, "addFriendButton");
        QVERIFY(addFriend->isVisible());
        QVERIFY(addFriend->isEnabled());
        QVERIFY(child(window, "detailsEmptyState")->isVisible());
        // "Add friend" opens the Friends view, whose empty states say what to do.
        QTest::mouseClick(addFriend, Qt::LeftButton);
        QTRY_VERIFY(child(window, "contactsPanel")->isVisible());
        QVERIFY(!conversation->isVisible());
        // Before start() nothing is connected yet, and the indicator says so.
        QVERIFY(indicatorText(window).startsWith(QStringLiteral("Offline")));
    }

    void ctrlKFocusesTheSearch() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        auto* search = child<QLineEdit>(window, "searchEdit");
        QVERIFY(!search->hasFocus());
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        QTRY_VERIFY(search->hasFocus());
    }

    void indicatorFollowsTheConnectionThroughARestart() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        acc->start();
        QTRY_COMPARE_WITH_TIMEOUT(indicatorText(window), QStringLiteral("Online"), kWaitMs);
        QVERIFY(!child(window, "retryButton")->isVisible());

        m_server.stop();
        QTRY_VERIFY_WITH_TIMEOUT(indicatorText(window).startsWith(QStringLiteral("Offline")) &&
                                     child(window, "retryButton")->isVisible(),
                                 kWaitMs);

        QVERIFY2(m_server.restart(), m_server.output() + m_server.errors());
        QTRY_COMPARE_WITH_TIMEOUT(indicatorText(window), QStringLiteral("Online"), kWaitMs);
        QCOMPARE(acc->connectionState(), Account::ConnectionState::Online);
    }

    void settingsSwitchTheThemeLiveAndRememberIt() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        QVERIFY(!isDark());
        const QColor lightRail = window.rail()->palette().color(QPalette::Window);

        window.openSettings();
        auto* settings = window.findChild<client::ui::SettingsDialog*>();
        QVERIFY(settings != nullptr);
        QTRY_VERIFY(settings->isVisible());
        auto* themes = child<client::ui::SegmentedControl>(*settings, "themeSwitch");
        QCOMPARE(themes->currentIndex(), 1);  // Light, as applied in initTestCase

        QTest::mouseClick(themes->button(2), Qt::LeftButton);
        QVERIFY(isDark());
        QVERIFY(window.rail()->palette().color(QPalette::Window) != lightRail);
        QCOMPARE(m_preferences->themeChoice(), ThemeChoice::Dark);
        QCOMPARE(client::app::Preferences(m_dir.filePath(QStringLiteral("preferences.ini")))
                     .themeChoice(),
                 ThemeChoice::Dark);

        QTest::mouseClick(themes->button(1), Qt::LeftButton);
        QVERIFY(!isDark());
        QCOMPARE(m_preferences->themeChoice(), ThemeChoice::Light);
        settings->close();
    }

    void remembersItsSize() {
        {
            auto acc = account();
            MainWindow window(*acc, *m_preferences, *m_themes);
            window.show();
            window.resize(1000, 700);
            QTRY_COMPARE(window.size(), QSize(1000, 700));
        }
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        QCOMPARE(window.size(), QSize(1000, 700));
    }

    void chatsAppearLiveAndOpenFromTheRail() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        acc->start();
        QTRY_COMPARE_WITH_TIMEOUT(acc->connectionState(), Account::ConnectionState::Online,
                                  kWaitMs);

        testsupport::HttpClient http(m_server);
        testsupport::ChatApi api(http);
        const auto grace =
            testsupport::registerUser(http, QStringLiteral("grace"), QStringLiteral("password123"),
                                      QStringLiteral("Grace Hopper"));
        QVERIFY(grace.ok());
        const qint64 chatId = api.makeFriends(grace, m_ada);
        QVERIFY(chatId > 0);
        QVERIFY(api.postMessage(grace, chatId, QStringLiteral("Hello from Grace")).status < 300);

        auto* list = child<QListView>(window, "chatList");
        QTRY_VERIFY_WITH_TIMEOUT(list->isVisible() && list->model()->rowCount() == 1, kWaitMs);
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(0, 0).data(client::models::ChatListModel::PreviewRole).toString(),
            QStringLiteral("Hello from Grace"), kWaitMs);
        QVERIFY(!child(window, "chatListEmptyState")->isVisible());

        // Ctrl+K, type a name, Enter: the chat opens with the message painted.
        QTest::keyClick(&window, Qt::Key_K, Qt::ControlModifier);
        auto* search = child<QLineEdit>(window, "searchEdit");
        QTRY_VERIFY(search->hasFocus());
        QTest::keyClicks(search, QStringLiteral("nobody"));
        QTRY_VERIFY(child(window, "chatListNoMatch")->isVisible());
        search->clear();
        QTest::keyClicks(search, QStringLiteral("GRA"));
        QCOMPARE(list->model()->rowCount(), 1);
        QTest::keyClick(search, Qt::Key_Return);
        QTRY_VERIFY(window.conversation()->isVisible());
        QCOMPARE(window.conversation()->chatId(), chatId);
        QCOMPARE(window.conversation()->header()->title(), QStringLiteral("Grace Hopper"));
        QTRY_COMPARE_WITH_TIMEOUT(window.conversation()->model()->rowCount(), 1, kWaitMs);
        // Open, latest message in view, window active: the chat is read.
        QTRY_COMPARE_WITH_TIMEOUT(
            list->model()->index(0, 0).data(client::models::ChatListModel::UnreadRole).toInt(), 0,
            kWaitMs);
    }

    void logOutFromTheMenuEndsTheSession() {
        auto acc = account();
        MainWindow window(*acc, *m_preferences, *m_themes);
        window.show();
        acc->start();
        QTRY_COMPARE_WITH_TIMEOUT(indicatorText(window), QStringLiteral("Online"), kWaitMs);
        const QString token = m_profile->session()->token;
        QSignalSpy loggedOut(acc.get(), &Account::loggedOut);
        child<QAction>(window, "logOutAction")->trigger();
        QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, kWaitMs);
        QVERIFY(!m_profile->session());
        testsupport::HttpClient http(m_server);
        QCOMPARE(http.get(QStringLiteral("/api/v1/me"), token).status, 401);
    }

    void theFlowGoesToSignInAndBack() {
        testsupport::HttpClient http(m_server);
        const auto user = testsupport::registerUser(http, QStringLiteral("flow"));
        QVERIFY(user.ok());
        client::app::Profile profile(QStringLiteral("ui_flow"));
        QDir(profile.dataDir()).removeRecursively();
        profile.saveSession({m_server.baseUrl(), user.token, user.userId, user.username, {}});

        client::ui::SessionFlow flow(profile, *m_hosts, *m_preferences, *m_themes);
        flow.start();
        QVERIFY(flow.mainWindow() != nullptr);
        QVERIFY(flow.mainWindow()->isVisible());
        QVERIFY(flow.loginDialog() == nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(indicatorText(*flow.mainWindow()), QStringLiteral("Online"),
                                  kWaitMs);

        // Log out from the menu: the sign-in dialog replaces the window, with no complaint.
        child<QAction>(*flow.mainWindow(), "logOutAction")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(flow.loginDialog() != nullptr && flow.mainWindow() == nullptr,
                                 kWaitMs);
        client::ui::LoginDialog& dialog = *flow.loginDialog();
        QVERIFY(dialog.isVisible());
        QVERIFY(!child(dialog, "generalError")->isVisible());

        QTest::keyClicks(child(dialog, "usernameEdit"), QStringLiteral("flow"));
        QTest::keyClicks(child(dialog, "passwordEdit"), QStringLiteral("password123"));
        QTest::keyClick(child(dialog, "passwordEdit"), Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(flow.mainWindow() != nullptr, kWaitMs);
        QTRY_VERIFY(flow.loginDialog() == nullptr);
        QTRY_COMPARE_WITH_TIMEOUT(indicatorText(*flow.mainWindow()), QStringLiteral("Online"),
                                  kWaitMs);

        // The token revoked elsewhere: back to the sign-in, which says why.
        QCOMPARE(
            http.post(QStringLiteral("/api/v1/auth/logout"), {}, profile.session()->token).status,
            204);
        QTRY_VERIFY_WITH_TIMEOUT(flow.loginDialog() != nullptr && flow.mainWindow() == nullptr,
                                 kWaitMs);
        QTRY_VERIFY(child(*flow.loginDialog(), "generalError")->isVisible());
        QVERIFY(!child<QLabel>(*flow.loginDialog(), "generalError")->text().isEmpty());
    }
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
