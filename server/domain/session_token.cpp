#include "server/domain/session_token.h"

#include <sodium.h>

namespace server::domain {

std::string SessionToken::generate() {
    unsigned char bytes[32];
    randombytes_buf(bytes, sizeof bytes);
    constexpr int kVariant = sodium_base64_VARIANT_URLSAFE_NO_PADDING;
    char text[sodium_base64_ENCODED_LEN(sizeof bytes, kVariant)];
    sodium_bin2base64(text, sizeof text, bytes, sizeof bytes, kVariant);
    return std::string(text);
}

std::string SessionToken::hash(std::string_view token) {
    unsigned char digest[crypto_hash_sha256_BYTES];
    crypto_hash_sha256(digest, reinterpret_cast<const unsigned char*>(token.data()), token.size());
    char hex[crypto_hash_sha256_BYTES * 2 + 1];
    sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
    return std::string(hex);
}

}  // namespace server::domain
