#include "server/http/request.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "common/codec.h"
#include "common/validation.h"

namespace server::http {

Response errorResponse(protocol::ErrorCode code, std::string_view message,
                       std::optional<int> retryAfterMs) {
    Response response;
    response.status = static_cast<unsigned>(protocol::httpStatus(code));
    response.body = protocol::errorBody(code, message);
    if (retryAfterMs) {
        const int seconds = std::max(1, (*retryAfterMs + 999) / 1000);
        response.headers.emplace_back("Retry-After", std::to_string(seconds));
    }
    return response;
}

Response errorResponse(const protocol::ApiError& error) {
    return errorResponse(error.code(), error.what(), error.retryAfterMs());
}

Response jsonResponse(unsigned status, std::string body) {
    Response response;
    response.status = status;
    response.body = std::move(body);
    return response;
}

Response noContent() {
    Response response;
    response.status = 204;
    response.contentType.clear();
    return response;
}

std::string bearerToken(const Request& request) {
    const std::string_view header = request.authorization;
    constexpr std::string_view scheme = "bearer ";
    if (header.size() <= scheme.size())
        return {};
    for (size_t i = 0; i < scheme.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(header[i])) != scheme[i])
            return {};
    std::string_view token = header.substr(scheme.size());
    while (!token.empty() && token.front() == ' ')
        token.remove_prefix(1);
    while (!token.empty() && (token.back() == ' ' || token.back() == '\t'))
        token.remove_suffix(1);
    return std::string(token);
}

std::int64_t pathId(const std::string& text, std::string_view what) {
    std::int64_t value = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (text.empty() || ec != std::errc() || end != text.data() + text.size() ||
        !protocol::validation::isValidId(value))
        throw protocol::ApiError(protocol::ErrorCode::BadRequest,
                                 std::string(what) + ": must be a positive integer below 2^53");
    return value;
}

std::optional<std::int64_t> queryInt(const Request& request, const std::string& name) {
    const auto it = request.query.find(name);
    if (it == request.query.end() || it->second.empty())
        return std::nullopt;
    std::int64_t value = 0;
    const auto& text = it->second;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size())
        throw protocol::ApiError(protocol::ErrorCode::BadRequest, name + ": must be an integer");
    return value;
}

}  // namespace server::http
