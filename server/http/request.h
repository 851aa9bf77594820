// A parsed HTTP request and the answer a handler gives: no socket in sight.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/errors.h"

namespace server::http {

enum class Method { Get, Post, Put, Patch, Delete, Head, Options, Other };

struct Request {
    Method method = Method::Get;
    std::string path;                          // decoded path, no query string
    std::map<std::string, std::string> query;  // decoded query parameters
    std::vector<std::string> params;  // values captured by `{name}` route segments, in order
    std::string body;
    std::string contentType;    // as sent, may be empty
    std::string authorization;  // the raw Authorization header, may be empty
    std::string remoteAddress;  // the client's address (proxy-resolved when trusted)
};

struct Response {
    unsigned status = 200;
    std::string contentType = "application/json";
    std::string body;
    // Extra headers (Retry-After, ETag...).
    std::vector<std::pair<std::string, std::string>> headers;
};

// The protocol's error body {"error":{"code","message"}} with its status; Retry-After (seconds,
// rounded up) when retryAfterMs is set.
Response errorResponse(protocol::ErrorCode code, std::string_view message,
                       std::optional<int> retryAfterMs = std::nullopt);
Response errorResponse(const protocol::ApiError& error);
Response jsonResponse(unsigned status, std::string body);
Response noContent();

// The bearer token of an Authorization header; empty when absent or not "Bearer".
std::string bearerToken(const Request& request);

// Parses a path id: a positive integer below 2^53; throws ApiError(bad_request) otherwise.
std::int64_t pathId(const std::string& text, std::string_view what);

// An optional integer query parameter (absent or empty: nullopt); 400 "<name>: must be an
// integer" when malformed.
std::optional<std::int64_t> queryInt(const Request& request, const std::string& name);

}  // namespace server::http
