#include "server/store/token_repository.h"

namespace server::store {

void TokenRepository::insert(std::int64_t userId, std::string_view tokenHash,
                             const std::optional<std::string>& device, std::int64_t createdTs) {
    m_connection
        .prepare(
            "INSERT INTO tokens (user_id, token_hash, device, created_ts, last_used_ts) "
            "VALUES (?1, ?2, ?3, ?4, ?4)")
        .bindAll(userId, tokenHash, device, createdTs)
        .exec();
}

std::optional<TokenRow> TokenRepository::findLive(std::string_view tokenHash) {
    auto s = m_connection.prepare(
        "SELECT user_id, last_used_ts FROM tokens WHERE token_hash = ?1 AND revoked = 0");
    s.bind(1, tokenHash);
    if (!s.step())
        return std::nullopt;
    return TokenRow{s.int64(0), s.int64(1)};
}

void TokenRepository::touch(std::string_view tokenHash, std::int64_t ts) {
    m_connection.prepare("UPDATE tokens SET last_used_ts = ?2 WHERE token_hash = ?1")
        .bindAll(tokenHash, ts)
        .exec();
}

bool TokenRepository::revoke(std::string_view tokenHash) {
    m_connection.prepare("UPDATE tokens SET revoked = 1 WHERE token_hash = ?1 AND revoked = 0")
        .bindAll(tokenHash)
        .exec();
    return m_connection.changes() > 0;
}

std::vector<std::string> TokenRepository::revokeAllExcept(std::int64_t userId,
                                                          std::string_view keepHash) {
    auto s = m_connection.prepare(
        "UPDATE tokens SET revoked = 1 WHERE user_id = ?1 AND revoked = 0 AND token_hash <> ?2 "
        "RETURNING token_hash");
    s.bindAll(userId, keepHash);
    std::vector<std::string> hashes;
    while (s.step())
        hashes.push_back(s.text(0));
    return hashes;
}

}  // namespace server::store
