#include "server/net/request_target.h"

#include "common/errors.h"

namespace server::net {
namespace {

int hexDigit(char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

std::string percentDecode(std::string_view text, bool plusIsSpace, std::string_view part) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%') {
            const int hi = i + 2 < text.size() ? hexDigit(text[i + 1]) : -1;
            const int lo = i + 2 < text.size() ? hexDigit(text[i + 2]) : -1;
            if (hi < 0 || lo < 0)
                throw protocol::ApiError(protocol::ErrorCode::BadRequest,
                                         std::string(part) + ": malformed percent-encoding");
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else if (c == '+' && plusIsSpace) {
            out += ' ';
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace

RequestTarget parseRequestTarget(std::string_view target) {
    if (target.empty() || target.front() != '/')
        throw protocol::ApiError(protocol::ErrorCode::BadRequest,
                                 "path: the request target must start with /");
    RequestTarget result;
    const auto questionMark = target.find('?');
    result.path = percentDecode(target.substr(0, questionMark), false, "path");
    if (questionMark == std::string_view::npos)
        return result;

    std::string_view query = target.substr(questionMark + 1);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view{} : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        std::string key = percentDecode(pair.substr(0, eq), true, "query");
        std::string value = eq == std::string_view::npos
                                ? std::string{}
                                : percentDecode(pair.substr(eq + 1), true, "query");
        // The first occurrence of a repeated parameter wins.
        result.query.emplace(std::move(key), std::move(value));
    }
    return result;
}

}  // namespace server::net
