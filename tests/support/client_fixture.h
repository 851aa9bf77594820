// The set-up every client end-to-end test repeats: the real server, test-mode paths, a trusted
// certificate, and signed-in Accounts on profiles of their own.
#pragma once

#include <QString>
#include <QTemporaryDir>
#include <list>
#include <memory>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/net/backoff.h"
#include "tests/support/http_client.h"
#include "tests/support/server_process.h"
#include "tests/support/test_user.h"

namespace testsupport {

// A user registered through the real API whose session is stored in a profile, as after SignIn.
struct ClientUser {
    client::app::Profile* profile = nullptr;  // owned by the fixture
    TestUser user;

    bool ok() const { return profile != nullptr && user.ok(); }
};

class ClientFixture {
public:
    static constexpr int kWaitMs = 20000;

    explicit ClientFixture(ServerOptions options = {});
    ~ClientFixture();
    ClientFixture(const ClientFixture&) = delete;
    ClientFixture& operator=(const ClientFixture&) = delete;

    // For initTestCase: QStandardPaths test mode and the application's names, then the server is
    // started and its certificate trusted. False when the server did not start (why() says).
    bool start();
    QByteArray why() const;

    ServerProcess& server() { return m_server; }
    client::app::KnownHosts& hosts() { return *m_hosts; }
    HttpClient& http() { return *m_http; }

    // Registers a fresh user (its username starts with `prefix`) and stores its session in a new,
    // empty profile. Profiles live as long as the fixture; their folders are removed with it.
    ClientUser signUp(const QString& prefix, const QString& displayName = {});
    // An Account on the profile that retries within about a second; started unless told not to.
    std::unique_ptr<client::app::Account> account(client::app::Profile& profile, bool start = true);

    // Reconnects within about a second, so tests do not wait out the production backoff.
    static client::net::BackoffPolicy quickRetries();

private:
    ServerProcess m_server;
    QTemporaryDir m_dir;
    std::unique_ptr<client::app::KnownHosts> m_hosts;
    std::unique_ptr<HttpClient> m_http;
    std::list<client::app::Profile> m_profiles;
};

}  // namespace testsupport
