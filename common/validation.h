// The value rules of PROTOCOL.md (usernames, display names, passwords, text, ids).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace protocol::validation {

inline constexpr std::size_t kUsernameMin = 3;
inline constexpr std::size_t kUsernameMax = 32;
inline constexpr std::size_t kDisplayNameMax = 64;    // code points, after trimming
inline constexpr std::size_t kPasswordMin = 8;        // bytes
inline constexpr std::size_t kPasswordMax = 1024;     // bytes
inline constexpr std::size_t kMessageTextMax = 4000;  // code points
inline constexpr std::size_t kMaxMediaPerMessage = 10;
inline constexpr std::size_t kClientIdMax = 64;
inline constexpr std::int64_t kMaxId = (std::int64_t{1} << 53) - 1;

// Each check throws ApiError(BadRequest, "<field>: <why>") on a bad value (413 where the
// protocol says so) and returns the normalised value.
std::string username(std::string_view value);     // lowercased
std::string displayName(std::string_view value);  // trimmed
void password(std::string_view value, std::string_view field = "password");
void messageText(std::string_view value);  // 413 payload_too_large over the limit
void clientId(std::string_view value);
// Throws ApiError(BadRequest, "<field>: ...") unless isValidId(value).
void id(std::int64_t value, std::string_view field);
bool isValidId(std::int64_t id);  // positive and below 2^53
bool isValidUtf8(std::string_view value);
std::size_t codePoints(std::string_view utf8);  // of valid UTF-8

}  // namespace protocol::validation
