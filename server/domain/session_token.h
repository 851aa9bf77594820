// Bearer tokens: 256 random bits sent as base64url, stored only as their SHA-256 hex.
#pragma once

#include <string>
#include <string_view>

namespace server::domain {

// Both thread-safe; libsodium must be initialised (PasswordHasher does it).
struct SessionToken {
    // A fresh token, 43 characters of base64url without padding.
    static std::string generate();
    // The lowercase hex SHA-256 of the token's text: what the tokens table stores.
    static std::string hash(std::string_view token);
};

}  // namespace server::domain
