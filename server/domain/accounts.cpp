#include "server/domain/accounts.h"

#include <algorithm>
#include <climits>

#include "common/errors.h"
#include "common/validation.h"
#include "server/domain/notifications.h"
#include "server/domain/session_token.h"
#include "server/store/store_error.h"
#include "server/store/token_repository.h"

namespace server::domain {
namespace {

using protocol::ApiError;
using protocol::ErrorCode;
using store::Connection;
using store::TokenRepository;
using store::UserRepository;

constexpr int kSearchLimit = 20;
constexpr std::size_t kMaxTokenLength = 256;
constexpr std::size_t kMaxDeviceCodePoints = 128;
constexpr std::size_t kMaxRateKeyBytes = 64;
// last_used_ts is a hint for the user's device list, not an audit trail: refreshing it at most
// once a minute keeps authenticate() free of writes.
constexpr std::int64_t kTouchIntervalMs = 60'000;

ApiError rateLimited(std::string_view what, std::int64_t waitMs) {
    const auto capped = static_cast<int>(std::min<std::int64_t>(waitMs, INT_MAX));
    return ApiError(ErrorCode::RateLimited, std::string(what), capped);
}

// The key of the per-username bucket: case-folded like usernames, and bounded so a flood of
// long names cannot grow memory.
std::string usernameKey(std::string_view username) {
    std::string key(username.substr(0, kMaxRateKeyBytes));
    for (auto& c : key)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return key;
}

bool isMediaId(std::string_view value) {
    return value.size() == 64 && std::all_of(value.begin(), value.end(), [](char c) {
               return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
           });
}

std::string_view trimmed(std::string_view text) {
    const auto isSpace = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
    while (!text.empty() && isSpace(text.front()))
        text.remove_prefix(1);
    while (!text.empty() && isSpace(text.back()))
        text.remove_suffix(1);
    return text;
}

}  // namespace

Accounts::Accounts(store::Database& database, store::Writer& writer,
                   const config::Settings& settings, SessionEvents& events)
    : Accounts(database, writer, settings, events, std::make_unique<SystemClock>(), nullptr) {}

Accounts::Accounts(store::Database& database, store::Writer& writer,
                   const config::Settings& settings, SessionEvents& events, const Clock& clock)
    : Accounts(database, writer, settings, events, nullptr, &clock) {}

Accounts::Accounts(store::Database& database, store::Writer& writer,
                   const config::Settings& settings, SessionEvents& events,
                   std::unique_ptr<Clock> ownClock, const Clock* clock)
    : m_database(database),
      m_writer(writer),
      m_events(events),
      m_ownClock(std::move(ownClock)),
      m_clock(clock ? *clock : *m_ownClock),
      m_loginFailuresByUser(settings.limits.loginFailuresBurst,
                            settings.limits.loginFailuresPerMinute / 60.0, m_clock),
      m_loginFailuresByAddress(settings.limits.loginFailuresBurst,
                               settings.limits.loginFailuresPerMinute / 60.0, m_clock),
      m_registrations(settings.limits.registrationsBurst,
                      settings.limits.registrationsPerMinute / 60.0, m_clock),
      m_views(database, events),
      m_dummyHash(m_hasher.hash(SessionToken::generate())) {}

std::optional<AuthContext> Accounts::authenticate(std::string_view token) {
    if (token.empty() || token.size() > kMaxTokenLength)
        return std::nullopt;
    auto hash = SessionToken::hash(token);
    auto row = m_database.read([&](Connection& c) { return TokenRepository(c).findLive(hash); });
    if (!row)
        return std::nullopt;
    const auto now = m_clock.nowMs();
    if (now - row->lastUsedTs >= kTouchIntervalMs)
        m_writer.submit([hash, now](Connection& c) { TokenRepository(c).touch(hash, now); }, {});
    return AuthContext{row->userId, std::move(hash)};
}

// Every attempt takes a registration token, even one refused as invalid or taken: the bucket
// exists to bound account creation, username probing and the password hashing an address may
// cause, and a failed attempt costs the server as much as a good one.
protocol::AuthResponse Accounts::registerUser(const protocol::RegisterRequest& request,
                                              std::string_view address) {
    if (auto wait = m_registrations.tryTake(std::string(address)); wait > 0)
        throw rateLimited("too many registrations from this address", wait);
    const auto username = protocol::validation::username(request.username);
    protocol::validation::password(request.password);
    const auto displayName =
        request.displayName ? protocol::validation::displayName(*request.displayName) : username;
    const auto taken = [] { return ApiError(ErrorCode::UsernameTaken, "username: is taken"); };
    if (m_database.read([&](Connection& c) { return UserRepository(c).usernameExists(username); }))
        throw taken();

    const auto passwordHash = m_hasher.hash(request.password);
    const auto token = SessionToken::generate();
    const auto tokenHash = SessionToken::hash(token);
    const auto now = m_clock.nowMs();
    std::int64_t userId = 0;
    try {
        userId = m_writer.run<std::int64_t>([&](Connection& c) {
            auto id = UserRepository(c).insert(username, displayName, passwordHash, now);
            TokenRepository(c).insert(id, tokenHash, std::nullopt, now);
            return id;
        });
    } catch (const store::ConstraintError&) {
        throw taken();  // registered concurrently since the check above
    }
    return {token, user(userId)};
}

protocol::AuthResponse Accounts::login(const protocol::LoginRequest& request,
                                       std::string_view address) {
    const auto userKey = usernameKey(request.username);
    const std::string addressKey(address);
    checkLoginLimits(userKey, addressKey);
    if (request.device &&
        (!protocol::validation::isValidUtf8(*request.device) ||
         protocol::validation::codePoints(*request.device) > kMaxDeviceCodePoints))
        throw ApiError(ErrorCode::BadRequest, "device: must be at most 128 characters");

    // A malformed username cannot exist: it gets the same answer, and costs the same time, as
    // an unknown one.
    std::optional<store::UserRow> row;
    try {
        const auto username = protocol::validation::username(request.username);
        row = m_database.read(
            [&](Connection& c) { return UserRepository(c).findByUsername(username); });
    } catch (const ApiError&) {
    }
    const bool verified = m_hasher.verify(row ? row->passwordHash : m_dummyHash, request.password);
    if (!row || !verified) {
        recordLoginFailure(userKey, addressKey);
        throw ApiError(ErrorCode::InvalidCredentials, "invalid username or password");
    }

    const auto token = SessionToken::generate();
    const auto tokenHash = SessionToken::hash(token);
    const auto now = m_clock.nowMs();
    m_writer.run<void>(
        [&](Connection& c) { TokenRepository(c).insert(row->id, tokenHash, request.device, now); });
    return {token, present(*row)};
}

void Accounts::logout(const AuthContext& caller) {
    m_writer.run<bool>([&](Connection& c) { return TokenRepository(c).revoke(caller.tokenHash); });
    m_events.tokensRevoked(caller.userId, {caller.tokenHash});
}

protocol::MeResponse Accounts::me(const AuthContext& caller) {
    return {user(caller.userId), unreadNotifications(m_database, caller.userId)};
}

protocol::User Accounts::patchMe(const AuthContext& caller,
                                 const protocol::PatchMeRequest& request) {
    std::optional<std::string> displayName;
    if (request.displayName)
        displayName = protocol::validation::displayName(*request.displayName);
    if (request.avatarPresent && request.avatar) {
        if (!isMediaId(*request.avatar))
            throw ApiError(ErrorCode::BadRequest, "avatar: must be a media id");
        // Media arrive in a later milestone: no media id exists yet, so any non-null avatar is
        // unknown. Then this checks that the caller may read the media.
        throw ApiError(ErrorCode::NotFound, "avatar: no such media");
    }
    if (displayName || request.avatarPresent) {
        m_writer.run<void>([&](Connection& c) {
            UserRepository users(c);
            if (displayName)
                users.updateDisplayName(caller.userId, *displayName);
            if (request.avatarPresent)
                users.updateAvatar(caller.userId, request.avatar);
        });
    }
    return user(caller.userId);
}

// A wrong old_password counts as a failed login for the username: a stolen token must not
// become a way to guess the password faster than the login form allows.
void Accounts::changePassword(const AuthContext& caller,
                              const protocol::PasswordChangeRequest& request) {
    auto row = findUser(caller.userId);
    if (!row)
        throw ApiError(ErrorCode::Unauthorized, "the account no longer exists");
    const auto userKey = usernameKey(row->username);
    if (auto wait = m_loginFailuresByUser.waitMs(userKey); wait > 0)
        throw rateLimited("too many failed attempts for this username", wait);
    protocol::validation::password(request.newPassword, "new_password");
    if (!m_hasher.verify(row->passwordHash, request.oldPassword)) {
        m_loginFailuresByUser.take(userKey);
        throw ApiError(ErrorCode::Forbidden, "old_password: is wrong");
    }
    const auto newHash = m_hasher.hash(request.newPassword);
    auto revoked = m_writer.run<std::vector<std::string>>([&](Connection& c) {
        UserRepository(c).updatePasswordHash(caller.userId, newHash);
        return TokenRepository(c).revokeAllExcept(caller.userId, caller.tokenHash);
    });
    if (!revoked.empty())
        m_events.tokensRevoked(caller.userId, revoked);
}

std::vector<protocol::User> Accounts::search(const AuthContext& caller, std::string_view prefix) {
    prefix = trimmed(prefix);
    if (prefix.empty())
        throw ApiError(ErrorCode::BadRequest, "q: required");
    if (!protocol::validation::isValidUtf8(prefix))
        throw ApiError(ErrorCode::BadRequest, "q: must be valid UTF-8");
    const auto hidden = Relationships(m_database).blockedEitherWayOf(caller.userId);
    // Over-fetch by the hidden count so that hiding never shortens a full page.
    const auto limit = kSearchLimit + static_cast<int>(hidden.size());
    auto rows = m_database.read(
        [&](Connection& c) { return UserRepository(c).searchByPrefix(prefix, limit); });
    std::vector<protocol::User> users;
    for (const auto& row : rows) {
        if (users.size() == static_cast<std::size_t>(kSearchLimit))
            break;
        if (std::find(hidden.begin(), hidden.end(), row.id) == hidden.end())
            users.push_back(m_views.view(row, caller.userId));
    }
    return users;
}

protocol::User Accounts::userById(const AuthContext& caller, std::int64_t userId) {
    return m_views.view(userId, caller.userId, "id");
}

protocol::User Accounts::user(std::int64_t userId) {
    auto row = findUser(userId);
    if (!row)
        throw ApiError(ErrorCode::NotFound, "id: no such user");
    return present(*row);
}

void Accounts::socketsClosed(std::int64_t userId) {
    recordLastSeen(userId, m_clock.nowMs());
}

void Accounts::recordLastSeen(std::int64_t userId, std::int64_t ts, std::function<void()> settled) {
    store::Writer::Completion done;
    if (settled)
        done = [settled = std::move(settled)](std::exception_ptr) { settled(); };
    m_writer.submit([userId, ts](Connection& c) { UserRepository(c).updateLastSeen(userId, ts); },
                    std::move(done));
}

std::optional<store::UserRow> Accounts::findUser(std::int64_t userId) {
    return m_database.read([&](Connection& c) { return UserRepository(c).findById(userId); });
}

protocol::User Accounts::present(const store::UserRow& row) const {
    protocol::User user;
    user.id = row.id;
    user.username = row.username;
    user.displayName = row.displayName;
    user.avatar = row.avatar;
    user.status =
        m_events.isOnline(row.id) ? protocol::Presence::Online : protocol::Presence::Offline;
    user.lastSeen = row.lastSeen;
    return user;
}

void Accounts::checkLoginLimits(const std::string& usernameKey,
                                const std::string& addressKey) const {
    const auto wait = std::max(m_loginFailuresByUser.waitMs(usernameKey),
                               m_loginFailuresByAddress.waitMs(addressKey));
    if (wait > 0)
        throw rateLimited("too many failed logins; retry later", wait);
}

void Accounts::recordLoginFailure(const std::string& usernameKey, const std::string& addressKey) {
    m_loginFailuresByUser.take(usernameKey);
    m_loginFailuresByAddress.take(addressKey);
}

}  // namespace server::domain
