// The protocol's error codes, their HTTP statuses, and the exception that carries one.
#pragma once

#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>

namespace protocol {

enum class ErrorCode {
    BadRequest = 1,
    Unauthorized,
    InvalidCredentials,
    Forbidden,
    NotFound,
    Conflict,
    UsernameTaken,
    PayloadTooLarge,
    UnsupportedMediaType,
    RateLimited,
    InsufficientStorage,
    Internal,  // never sent for bad input; only for a fault of the server itself
};

// "bad_request", "unauthorized", ...: the `code` of the error body.
std::string_view errorCodeName(ErrorCode code);
// Parses a wire code name; nullopt for one this build does not know.
std::optional<ErrorCode> errorCodeFromName(std::string_view name);
// The HTTP status the protocol pairs with the code (400, 401, ...; Internal is 500).
int httpStatus(ErrorCode code);

const std::error_category& errorCategory();
// Named as the standard library's ADL hook requires.
std::error_code make_error_code(ErrorCode code);  // NOLINT(readability-identifier-naming)

// Thrown by validation and by the server's domain; turned into the error body at the edge.
class ApiError : public std::runtime_error {
public:
    ApiError(ErrorCode code, const std::string& message,
             std::optional<int> retryAfterMs = std::nullopt)
        : std::runtime_error(message), m_code(code), m_retryAfterMs(retryAfterMs) {}
    ErrorCode code() const { return m_code; }
    // For rate_limited: how long until a retry may succeed.
    std::optional<int> retryAfterMs() const { return m_retryAfterMs; }

private:
    ErrorCode m_code;
    std::optional<int> m_retryAfterMs;
};

}  // namespace protocol

template <>
struct std::is_error_code_enum<protocol::ErrorCode> : std::true_type {};
