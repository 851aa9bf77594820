#include "tools/screenshots/demo_cast.h"

#include <QDir>
#include <QObject>
#include <QTest>

#include "client/app/sign_in.h"
#include "client/models/request_list_model.h"

namespace screenshots {
namespace {
using client::app::Account;
constexpr int kWaitMs = 15000;
const QString kPassword = QStringLiteral("correct horse battery");
}  // namespace

DemoCast::DemoCast(client::app::KnownHosts& hosts, const QUrl& server)
    : m_hosts(hosts), m_server(server) {}

DemoCast::~DemoCast() {
    for (auto& account : m_accounts) {
        account->logOut();
    }
    m_accounts.clear();
    for (auto& profile : m_profiles) {
        QDir(profile.dataDir()).removeRecursively();
    }
}

Account* DemoCast::signUp(const QString& username, const QString& displayName) {
    client::app::Profile& profile = m_profiles.emplace_back(QStringLiteral("shots-") + username);
    profile.clearSession();
    client::app::SignIn signIn(profile, m_hosts);
    bool done = false;
    QObject::connect(&signIn, &client::app::SignIn::succeeded, [&] { done = true; });
    signIn.registerAccount(m_server, username, kPassword, displayName);
    if (!QTest::qWaitFor([&] { return done; }, kWaitMs)) {
        return nullptr;
    }
    auto& account = m_accounts.emplace_back(std::make_unique<Account>(profile, m_hosts));
    account->start();
    if (!QTest::qWaitFor(
            [&] { return account->connectionState() == Account::ConnectionState::Online; },
            kWaitMs)) {
        return nullptr;
    }
    return account.get();
}

bool DemoCast::befriend(Account& me, Account& other) {
    using client::models::RequestListModel;
    other.sendFriendRequest(me.userId());
    qint64 requestId = 0;
    const bool arrived = QTest::qWaitFor(
        [&] {
            for (int row = 0; row < me.requests().rowCount(); ++row) {
                const QModelIndex index = me.requests().index(row);
                if (index.data(RequestListModel::UserIdRole).toLongLong() == other.userId()) {
                    requestId = index.data(RequestListModel::RequestIdRole).toLongLong();
                    return true;
                }
            }
            return false;
        },
        kWaitMs);
    if (!arrived) {
        m_why = QStringLiteral("no incoming request arrived");
        return false;
    }
    bool ready = false;
    const auto link = QObject::connect(&me, &Account::chatReady, [&] { ready = true; });
    me.acceptRequest(requestId);
    const bool formed = QTest::qWaitFor([&] { return ready; }, kWaitMs);
    QObject::disconnect(link);
    if (!formed)
        m_why = QStringLiteral("the accepted friendship's chat never appeared");
    return formed;
}

}  // namespace screenshots
