// The accounts service and its routes over a real SQLite file: registration, login, tokens,
// password change, profile, search and the rate limits, with time advanced by hand.
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <mutex>
#include <set>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/accounts.h"
#include "server/http/account_routes.h"
#include "server/http/router.h"

using protocol::ApiError;
using protocol::ErrorCode;
using server::domain::Accounts;
using server::domain::AuthContext;

namespace {

// The session registry as the domain sees it: records revocations, answers presence.
class RecordingSessions : public server::domain::SessionEvents {
public:
    void tokensRevoked(std::int64_t userId, const std::vector<std::string>& hashes) override {
        std::lock_guard lock(m_mutex);
        for (const auto& hash : hashes)
            m_revoked.emplace(userId, hash);
    }
    bool isOnline(std::int64_t userId) const override {
        std::lock_guard lock(m_mutex);
        return m_online.count(userId) > 0;
    }
    void setOnline(std::int64_t userId) {
        std::lock_guard lock(m_mutex);
        m_online.insert(userId);
    }
    bool wasRevoked(std::int64_t userId, const std::string& hash) const {
        std::lock_guard lock(m_mutex);
        return m_revoked.count({userId, hash}) > 0;
    }
    std::size_t revokedCount() const {
        std::lock_guard lock(m_mutex);
        return m_revoked.size();
    }

private:
    mutable std::mutex m_mutex;
    std::set<std::pair<std::int64_t, std::string>> m_revoked;
    std::set<std::int64_t> m_online;
};

class ManualClock : public server::domain::Clock {
public:
    std::int64_t nowMs() const override { return m_now; }
    void advanceMs(std::int64_t ms) { m_now += ms; }

private:
    std::atomic<std::int64_t> m_now{1'700'000'000'000};
};

// The error code a call throws, or "none".
template <class F>
QString errorOf(F&& call) {
    try {
        call();
    } catch (const ApiError& error) {
        return QString::fromUtf8(protocol::errorCodeName(error.code()));
    }
    return "none";
}

template <class F>
ApiError caught(F&& call) {
    try {
        call();
    } catch (const ApiError& error) {
        return error;
    }
    return ApiError(ErrorCode::Internal, "no error thrown");
}

protocol::RegisterRequest registration(std::string name, std::string password = "correct horse",
                                       std::optional<std::string> displayName = std::nullopt) {
    return {std::move(name), std::move(password), std::move(displayName)};
}

protocol::LoginRequest credentials(std::string name, std::string password = "correct horse",
                                   std::optional<std::string> device = std::nullopt) {
    return {std::move(name), std::move(password), std::move(device)};
}

}  // namespace

class TestAccountsDomain : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<server::store::Database> m_db;
    std::unique_ptr<server::store::Writer> m_writer;
    server::config::Settings m_settings;
    std::unique_ptr<RecordingSessions> m_sessions;
    ManualClock m_clock;
    std::unique_ptr<Accounts> m_accounts;
    int m_address = 0;

    // A fresh address per registration, so the registration limit stays out of the way.
    std::string nextAddress() { return "10.0.0." + std::to_string(++m_address); }
    protocol::AuthResponse signUp(const std::string& name,
                                  std::optional<std::string> displayName = std::nullopt) {
        return m_accounts->registerUser(registration(name, "correct horse", displayName),
                                        nextAddress());
    }
    AuthContext context(const std::string& token) {
        return m_accounts->authenticate(token).value();
    }

private slots:
    void init() {
        m_dir = std::make_unique<QTemporaryDir>();
        m_db = std::make_unique<server::store::Database>(m_dir->path().toStdString() +
                                                         "/server.sqlite");
        m_writer = std::make_unique<server::store::Writer>(*m_db);
        m_sessions = std::make_unique<RecordingSessions>();
        m_accounts = std::make_unique<Accounts>(*m_db, *m_writer, m_settings, *m_sessions, m_clock);
    }
    void cleanup() {
        m_accounts.reset();
        m_writer.reset();
        m_db.reset();
        m_dir.reset();
    }

    void registerLowercasesAndSignsIn() {
        const auto answer = signUp("Alice");
        QCOMPARE(QString::fromStdString(answer.user.username), QString("alice"));
        QCOMPARE(QString::fromStdString(answer.user.displayName), QString("alice"));
        QVERIFY(answer.user.id > 0);
        QVERIFY(answer.token.size() >= 22);  // at least 128 bits of base64
        QVERIFY(answer.user.status == protocol::Presence::Offline);
        QVERIFY(!answer.user.lastSeen);
        const auto caller = m_accounts->authenticate(answer.token);
        QVERIFY(caller);
        QCOMPARE(caller->userId, answer.user.id);
        QVERIFY(caller->tokenHash != answer.token);  // only the hash is kept
        QVERIFY(m_accounts->me(*caller).user == answer.user);
    }

    void registerRefusesTakenAndInvalidNames() {
        signUp("bob", std::string("  Bobby  "));
        QCOMPARE(errorOf([&] { signUp("BOB"); }), QString("username_taken"));
        const auto bad = caught([&] { signUp("b!"); });
        QVERIFY(bad.code() == ErrorCode::BadRequest);
        QVERIFY(std::string_view(bad.what()).starts_with("username: "));
        const auto weak = caught(
            [&] { m_accounts->registerUser(registration("carol", "short"), nextAddress()); });
        QVERIFY(std::string_view(weak.what()).starts_with("password: "));
        QCOMPARE(errorOf([&] {
                     m_accounts->registerUser(registration("dave", "long enough", "   "),
                                              nextAddress());
                 }),
                 QString("bad_request"));
        const auto bobby = m_accounts->search(context(signUp("erin").token), "bob");
        QCOMPARE(bobby.size(), 1u);
        QCOMPARE(QString::fromStdString(bobby[0].displayName), QString("Bobby"));
    }

    void loginAnswersTheSameForUnknownUserAndWrongPassword() {
        signUp("frank");
        QCOMPARE(errorOf([&] { m_accounts->login(credentials("frank", "wrong pass"), "a"); }),
                 QString("invalid_credentials"));
        QCOMPARE(errorOf([&] { m_accounts->login(credentials("nobody"), "a"); }),
                 QString("invalid_credentials"));
        QCOMPARE(errorOf([&] { m_accounts->login(credentials("x"), "a"); }),
                 QString("invalid_credentials"));
        const auto first = m_accounts->login(credentials("FRANK", "correct horse", "laptop"), "a");
        const auto second = m_accounts->login(credentials("frank"), "a");
        QVERIFY(first.token != second.token);
        QCOMPARE(QString::fromStdString(first.user.username), QString("frank"));
    }

    void logoutRevokesOnlyThatTokenAndClosesItsSockets() {
        const auto registered = signUp("gina");
        const auto other = m_accounts->login(credentials("gina"), "a");
        const auto caller = context(registered.token);
        m_accounts->logout(caller);
        QVERIFY(!m_accounts->authenticate(registered.token));
        QVERIFY(m_accounts->authenticate(other.token));
        QVERIFY(m_sessions->wasRevoked(registered.user.id, caller.tokenHash));
        QCOMPARE(m_sessions->revokedCount(), 1u);
    }

    void passwordChangeRevokesEveryOtherToken() {
        const auto registered = signUp("hank");
        const auto laptop = m_accounts->login(credentials("hank"), "a");
        const auto phone = m_accounts->login(credentials("hank"), "a");
        const auto caller = context(registered.token);
        const auto laptopHash = context(laptop.token).tokenHash;

        QCOMPARE(errorOf([&] {
                     m_accounts->changePassword(caller, {"not my password", "brand new secret"});
                 }),
                 QString("forbidden"));
        QVERIFY(std::string_view(caught([&] {
                                     m_accounts->changePassword(caller, {"correct horse", "short"});
                                 }).what())
                    .starts_with("new_password: "));
        QVERIFY(m_accounts->authenticate(laptop.token));  // nothing changed yet

        m_accounts->changePassword(caller, {"correct horse", "brand new secret"});
        QVERIFY(m_accounts->authenticate(registered.token));
        QVERIFY(!m_accounts->authenticate(laptop.token));
        QVERIFY(!m_accounts->authenticate(phone.token));
        QVERIFY(m_sessions->wasRevoked(registered.user.id, laptopHash));
        QCOMPARE(m_sessions->revokedCount(), 2u);
        QCOMPARE(errorOf([&] { m_accounts->login(credentials("hank"), "b"); }),
                 QString("invalid_credentials"));
        m_accounts->login(credentials("hank", "brand new secret"), "b");
    }

    void failedLoginsLockTheUsernameUntilRefilled() {
        signUp("ivy");
        for (int i = 0; i < 5; ++i)
            QCOMPARE(errorOf([&] {
                         m_accounts->login(credentials("ivy", "wrong pass"),
                                           "192.0.2." + std::to_string(i));
                     }),
                     QString("invalid_credentials"));
        // Empty: even the right password from a fresh address is refused, with a wait.
        const auto limited = caught([&] { m_accounts->login(credentials("IVY"), "198.51.100.1"); });
        QVERIFY(limited.code() == ErrorCode::RateLimited);
        QVERIFY(limited.retryAfterMs().value_or(0) > 0);
        QVERIFY(*limited.retryAfterMs() <= 10'000);
        m_clock.advanceMs(*limited.retryAfterMs());
        m_accounts->login(credentials("ivy"), "198.51.100.1");
    }

    void failedLoginsLockTheAddressForEveryName() {
        signUp("jack");
        for (int i = 0; i < 5; ++i)
            m_accounts->registerUser(registration("victim" + std::to_string(i)), nextAddress());
        for (int i = 0; i < 5; ++i)
            QCOMPARE(errorOf([&] {
                         m_accounts->login(credentials("victim" + std::to_string(i), "guess 123"),
                                           "203.0.113.9");
                     }),
                     QString("invalid_credentials"));
        QCOMPARE(errorOf([&] { m_accounts->login(credentials("jack"), "203.0.113.9"); }),
                 QString("rate_limited"));
        m_accounts->login(credentials("jack"), "203.0.113.10");  // another address is untouched
        m_clock.advanceMs(10'000);
        m_accounts->login(credentials("jack"), "203.0.113.9");
    }

    void registrationsPerAddressAreLimited() {
        for (int i = 0; i < 5; ++i)
            m_accounts->registerUser(registration("kim" + std::to_string(i)), "198.51.100.7");
        // Attempts count whatever their outcome: a refused one still costs its token.
        const auto limited =
            caught([&] { m_accounts->registerUser(registration("kim9"), "198.51.100.7"); });
        QVERIFY(limited.code() == ErrorCode::RateLimited);
        QVERIFY(limited.retryAfterMs().value_or(0) > 0);
        m_accounts->registerUser(registration("kim9"), "198.51.100.8");
        m_clock.advanceMs(60'000);
        QCOMPARE(errorOf([&] { m_accounts->registerUser(registration("kim9"), "198.51.100.7"); }),
                 QString("username_taken"));
        QCOMPARE(errorOf([&] { m_accounts->registerUser(registration("kim10"), "198.51.100.7"); }),
                 QString("rate_limited"));
    }

    void searchMatchesPrefixesOfNamesWithoutCase() {
        const auto me = context(signUp("searcher").token);
        signUp("leo", std::string("Zebra Leo"));
        signUp("zoe", std::string("Zoë Adams"));
        signUp("le_on");
        auto names = [&](std::string_view q) {
            QStringList out;
            for (const auto& user : m_accounts->search(me, q))
                out << QString::fromStdString(user.username);
            return out;
        };
        QCOMPARE(names("LE"), (QStringList{"le_on", "leo"}));
        QCOMPARE(names("zeb"), QStringList{"leo"});
        QCOMPARE(names("z"), (QStringList{"leo", "zoe"}));
        QCOMPARE(names("zoë"), QStringList{"zoe"});
        QCOMPARE(names("le_"), QStringList{"le_on"});
        QCOMPARE(names("l%"), QStringList{});
        QCOMPARE(errorOf([&] { m_accounts->search(me, "  "); }), QString("bad_request"));
        for (int i = 0; i < 25; ++i)
            signUp("many" + std::to_string(i));
        QCOMPARE(m_accounts->search(me, "many").size(), 20u);
    }

    void profileChangesAndPresence() {
        const auto registered = signUp("mia");
        const auto me = context(registered.token);
        protocol::PatchMeRequest rename;
        rename.displayName = "  Mia Wallace ";
        QCOMPARE(QString::fromStdString(m_accounts->patchMe(me, rename).displayName),
                 QString("Mia Wallace"));
        protocol::PatchMeRequest avatar;
        avatar.avatarPresent = true;
        avatar.avatar = std::string(64, 'a');
        const auto missing = caught([&] { m_accounts->patchMe(me, avatar); });
        QVERIFY(missing.code() == ErrorCode::NotFound);
        QVERIFY(std::string_view(missing.what()).starts_with("avatar: "));
        avatar.avatar.reset();  // null clears
        QVERIFY(!m_accounts->patchMe(me, avatar).avatar);
        protocol::PatchMeRequest blank;
        blank.displayName = " ";
        QVERIFY(std::string_view(caught([&] { m_accounts->patchMe(me, blank); }).what())
                    .starts_with("display_name: "));

        const auto other = context(signUp("nick").token);
        QVERIFY(m_accounts->userById(other, registered.user.id).status ==
                protocol::Presence::Offline);
        m_sessions->setOnline(registered.user.id);
        // Presence shows to friends and oneself only: a stranger still sees offline.
        QVERIFY(m_accounts->userById(other, registered.user.id).status ==
                protocol::Presence::Offline);
        QVERIFY(m_accounts->userById(me, registered.user.id).status == protocol::Presence::Online);
        QCOMPARE(errorOf([&] { m_accounts->userById(other, 999'999); }), QString("not_found"));

        m_accounts->socketsClosed(registered.user.id);
        m_writer->run<void>([](server::store::Connection&) {});  // the update is queued before it
        QVERIFY(m_accounts->user(registered.user.id).lastSeen == m_clock.nowMs());
    }

    void unknownTokensAreRefused() {
        QVERIFY(!m_accounts->authenticate(""));
        QVERIFY(!m_accounts->authenticate("not-a-token"));
        QVERIFY(!m_accounts->authenticate(std::string(10'000, 'x')));
    }

    void routesAnswerWithTheProtocolsStatuses() {
        server::http::Router router;
        server::http::addAccountRoutes(router, *m_accounts);
        using server::http::Method;
        auto call = [&](Method method, std::string path, std::string body = {},
                        std::string token = {}, std::map<std::string, std::string> query = {}) {
            server::http::Request request;
            request.method = method;
            request.path = path;
            request.body = std::move(body);
            request.query = std::move(query);
            request.remoteAddress = nextAddress();
            if (!token.empty())
                request.authorization = "Bearer " + token;
            const auto match = router.match(method, path);
            if (!match.handler)
                return server::http::Response{404, "", "", {}};
            request.params = match.params;
            try {
                return (*match.handler)(request);
            } catch (const ApiError& error) {
                return server::http::errorResponse(error);
            }
        };
        auto registered = call(Method::Post, "/api/v1/auth/register",
                               R"({"username":"Olga","password":"correct horse"})");
        QCOMPARE(registered.status, 201u);
        const auto auth = protocol::decode<protocol::AuthResponse>(registered.body);
        QCOMPARE(QString::fromStdString(auth.user.username), QString("olga"));

        QCOMPARE(call(Method::Post, "/api/v1/auth/register", "{nope").status, 400u);
        const auto wrongType =
            call(Method::Post, "/api/v1/auth/register", R"({"username":5,"password":"x"})");
        QCOMPARE(wrongType.status, 400u);
        QVERIFY(protocol::parseErrorBody(wrongType.body)->second.starts_with("username"));
        QCOMPARE(call(Method::Get, "/api/v1/me").status, 401u);
        QCOMPARE(call(Method::Get, "/api/v1/me", {}, "bogus").status, 401u);
        QCOMPARE(call(Method::Get, "/api/v1/me", {}, auth.token).status, 200u);
        QCOMPARE(call(Method::Get, "/api/v1/users/0", {}, auth.token).status, 400u);
        QCOMPARE(call(Method::Get, "/api/v1/users/abc", {}, auth.token).status, 400u);
        QCOMPARE(call(Method::Get, "/api/v1/users/9007199254740992", {}, auth.token).status, 400u);
        QCOMPARE(call(Method::Get, "/api/v1/users/424242", {}, auth.token).status, 404u);
        QCOMPARE(call(Method::Get, "/api/v1/users/" + std::to_string(auth.user.id), {}, auth.token)
                     .status,
                 200u);
        QCOMPARE(call(Method::Get, "/api/v1/users/search", {}, auth.token).status, 400u);
        const auto found = call(Method::Get, "/api/v1/users/search", {}, auth.token, {{"q", "OL"}});
        QCOMPARE(found.status, 200u);
        QVERIFY(protocol::parseJson(found.body).as_array().size() == 1);
        QCOMPARE(
            call(Method::Patch, "/api/v1/me", R"({"avatar":null,"display_name":"O"})", auth.token)
                .status,
            200u);
        QCOMPARE(
            call(Method::Put, "/api/v1/me/password",
                 R"({"old_password":"correct horse","new_password":"battery staple"})", auth.token)
                .status,
            204u);
        const auto login = call(Method::Post, "/api/v1/auth/login",
                                R"({"username":"olga","password":"battery staple"})");
        QCOMPARE(login.status, 200u);
        QCOMPARE(call(Method::Post, "/api/v1/auth/logout", {}, auth.token).status, 204u);
        QCOMPARE(call(Method::Get, "/api/v1/me", {}, auth.token).status, 401u);
    }
};

QTEST_GUILESS_MAIN(TestAccountsDomain)
#include "tst_accounts_domain.moc"
