// Argon2id password hashes (libsodium's crypto_pwhash_str) with the OWASP parameters.
#pragma once

#include <string>
#include <string_view>

namespace server::domain {

// Thread-safe. Each hash or verify costs about 19 MiB and tens of milliseconds by design: call
// it from a worker thread, never while holding a lock or inside a writer operation.
class PasswordHasher {
public:
    // Initialises libsodium (idempotent); throws std::runtime_error when it cannot.
    PasswordHasher();

    std::string hash(std::string_view password) const;
    // False for a wrong password or a malformed hash.
    bool verify(std::string_view hash, std::string_view password) const;
};

}  // namespace server::domain
