#include "common/errors.h"

#include <array>
#include <string>

namespace protocol {
namespace {

struct ErrorInfo {
    ErrorCode code;
    std::string_view name;
    int status;
};

// The table of PROTOCOL.md "Conventions": one row per code, the only place names and statuses meet.
constexpr std::array kErrors{
    ErrorInfo{ErrorCode::BadRequest, "bad_request", 400},
    ErrorInfo{ErrorCode::Unauthorized, "unauthorized", 401},
    ErrorInfo{ErrorCode::InvalidCredentials, "invalid_credentials", 401},
    ErrorInfo{ErrorCode::Forbidden, "forbidden", 403},
    ErrorInfo{ErrorCode::NotFound, "not_found", 404},
    ErrorInfo{ErrorCode::Conflict, "conflict", 409},
    ErrorInfo{ErrorCode::UsernameTaken, "username_taken", 409},
    ErrorInfo{ErrorCode::PayloadTooLarge, "payload_too_large", 413},
    ErrorInfo{ErrorCode::UnsupportedMediaType, "unsupported_media_type", 415},
    ErrorInfo{ErrorCode::RateLimited, "rate_limited", 429},
    ErrorInfo{ErrorCode::InsufficientStorage, "insufficient_storage", 507},
    ErrorInfo{ErrorCode::Internal, "internal", 500},
};

const ErrorInfo* find(ErrorCode code) {
    for (const auto& info : kErrors) {
        if (info.code == code) {
            return &info;
        }
    }
    return nullptr;
}

class ProtocolErrorCategory : public std::error_category {
public:
    const char* name() const noexcept override { return "messenger.protocol"; }
    std::string message(int value) const override {
        const ErrorInfo* info = find(static_cast<ErrorCode>(value));
        return info ? std::string(info->name) : "unknown protocol error";
    }
};

}  // namespace

std::string_view errorCodeName(ErrorCode code) {
    const ErrorInfo* info = find(code);
    return info ? info->name : "internal";
}

std::optional<ErrorCode> errorCodeFromName(std::string_view name) {
    for (const auto& info : kErrors) {
        if (info.name == name) {
            return info.code;
        }
    }
    return std::nullopt;
}

int httpStatus(ErrorCode code) {
    const ErrorInfo* info = find(code);
    return info ? info->status : 500;
}

const std::error_category& errorCategory() {
    // A function-local static is the standard idiom for categories: they compare by address.
    static const ProtocolErrorCategory category;
    return category;
}

std::error_code make_error_code(ErrorCode code) {
    return {static_cast<int>(code), errorCategory()};
}

}  // namespace protocol
