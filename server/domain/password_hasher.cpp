#include "server/domain/password_hasher.h"

#include <sodium.h>

#include <stdexcept>
#include <string>

namespace server::domain {
namespace {

// OWASP's Argon2id minimum: m = 19 MiB, t = 2, p = 1 (libsodium uses one lane).
constexpr unsigned long long kOpsLimit = 2;
constexpr std::size_t kMemLimit = 19u * 1024u * 1024u;

}  // namespace

PasswordHasher::PasswordHasher() {
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium failed to initialise");
}

std::string PasswordHasher::hash(std::string_view password) const {
    char out[crypto_pwhash_STRBYTES];
    if (crypto_pwhash_str_alg(out, password.data(), password.size(), kOpsLimit, kMemLimit,
                              crypto_pwhash_ALG_ARGON2ID13) != 0)
        throw std::runtime_error("password hashing ran out of memory");
    return std::string(out);
}

bool PasswordHasher::verify(std::string_view hash, std::string_view password) const {
    // crypto_pwhash_str_verify needs a NUL-terminated hash of bounded length.
    if (hash.size() >= crypto_pwhash_STRBYTES)
        return false;
    const std::string terminated(hash);
    return crypto_pwhash_str_verify(terminated.c_str(), password.data(), password.size()) == 0;
}

}  // namespace server::domain
