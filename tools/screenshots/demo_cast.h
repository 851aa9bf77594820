// The demo users a screenshot scene signs up: their profiles and signed-in accounts, removed again
// when the cast goes.
#pragma once

#include <QString>
#include <QUrl>
#include <list>
#include <memory>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/profile.h"

namespace screenshots {

class DemoCast {
public:
    // `hosts` already trusts `server`.
    DemoCast(client::app::KnownHosts& hosts, const QUrl& server);
    ~DemoCast();
    DemoCast(const DemoCast&) = delete;
    DemoCast& operator=(const DemoCast&) = delete;

    // Registers a user and brings its account online; null when either fails in time.
    client::app::Account* signUp(const QString& username, const QString& displayName);
    // `other` asks `me` to be friends and `me` accepts; false with why() when a step does not
    // happen in time.
    bool befriend(client::app::Account& me, client::app::Account& other);
    QString why() const { return m_why; }
    // The first user signed up; the cast must not be empty.
    client::app::Account& first() const { return *m_accounts.front(); }

private:
    client::app::KnownHosts& m_hosts;
    QUrl m_server;
    std::list<client::app::Profile> m_profiles;
    std::list<std::unique_ptr<client::app::Account>> m_accounts;
    QString m_why;
};

}  // namespace screenshots
