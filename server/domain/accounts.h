// The accounts and sessions service: registration, login, tokens, profiles and user lookup.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/wire_types.h"
#include "server/config/settings.h"
#include "server/domain/clock.h"
#include "server/domain/password_hasher.h"
#include "server/domain/rate_limiter.h"
#include "server/domain/session_events.h"
#include "server/domain/user_views.h"
#include "server/store/database.h"
#include "server/store/user_repository.h"
#include "server/store/writer.h"

namespace server::domain {

// Who made an authenticated request: the user and the stored hash of the token used.
struct AuthContext {
    std::int64_t userId = 0;
    std::string tokenHash;
};

// PROTOCOL.md "Accounts and sessions". Every member is thread-safe and may block (password
// hashing, waiting for the writer's commit): call it from a worker thread, never the writer's.
// Failures are thrown as protocol::ApiError.
class Accounts {
public:
    Accounts(store::Database& database, store::Writer& writer, const config::Settings& settings,
             SessionEvents& events);
    Accounts(store::Database& database, store::Writer& writer, const config::Settings& settings,
             SessionEvents& events, const Clock& clock);

    // The caller of a bearer token; nullopt for an unknown or revoked one. Cheap: one hash and
    // one indexed read.
    std::optional<AuthContext> authenticate(std::string_view token);

    // `address` is the client's address, for the per-address limits.
    protocol::AuthResponse registerUser(const protocol::RegisterRequest& request,
                                        std::string_view address);
    protocol::AuthResponse login(const protocol::LoginRequest& request, std::string_view address);
    // Revokes the caller's token and has its sockets closed.
    void logout(const AuthContext& caller);

    protocol::MeResponse me(const AuthContext& caller);
    protocol::User patchMe(const AuthContext& caller, const protocol::PatchMeRequest& request);
    // Revokes every other token of the caller and has their sockets closed.
    void changePassword(const AuthContext& caller, const protocol::PasswordChangeRequest& request);
    // Users whose username or display name starts with `prefix`, ignoring case; at most 20.
    // Users blocked either way are left out; presence shows for friends only.
    std::vector<protocol::User> search(const AuthContext& caller, std::string_view prefix);
    protocol::User userById(const AuthContext& caller, std::int64_t userId);

    // The user as they see themselves (status from the session registry); throws NotFound.
    protocol::User user(std::int64_t userId);
    // The user's last socket is gone: stores last_seen (asynchronously).
    void socketsClosed(std::int64_t userId);
    // Stores last_seen = `ts` (asynchronously): presence calls it when the user goes offline.
    // `settled` (may be empty) runs on the writer's thread once the write has committed or
    // failed; it must not block.
    void recordLastSeen(std::int64_t userId, std::int64_t ts, std::function<void()> settled = {});

private:
    Accounts(store::Database& database, store::Writer& writer, const config::Settings& settings,
             SessionEvents& events, std::unique_ptr<Clock> ownClock, const Clock* clock);

    std::optional<store::UserRow> findUser(std::int64_t userId);
    protocol::User present(const store::UserRow& row) const;
    // Throws rate_limited while the username's or the address's failure bucket is empty.
    void checkLoginLimits(const std::string& usernameKey, const std::string& addressKey) const;
    void recordLoginFailure(const std::string& usernameKey, const std::string& addressKey);

    store::Database& m_database;
    store::Writer& m_writer;
    SessionEvents& m_events;
    std::unique_ptr<Clock> m_ownClock;
    const Clock& m_clock;
    PasswordHasher m_hasher;
    RateLimiter m_loginFailuresByUser;
    RateLimiter m_loginFailuresByAddress;
    RateLimiter m_registrations;
    UserViews m_views;
    std::string m_dummyHash;  // verified against when the user does not exist, to even out timing
};

}  // namespace server::domain
