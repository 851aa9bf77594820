#include "server/domain/search_query.h"

#include "common/errors.h"
#include "common/validation.h"

namespace server::domain {
namespace {

constexpr std::size_t kMaxQueryBytes = 1024;

bool isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

}  // namespace

std::string ftsPrefixQuery(std::string_view words) {
    using protocol::ApiError;
    using protocol::ErrorCode;
    if (words.size() > kMaxQueryBytes)
        throw ApiError(ErrorCode::BadRequest, "q: must be at most 1024 bytes");
    if (!protocol::validation::isValidUtf8(words))
        throw ApiError(ErrorCode::BadRequest, "q: must be valid UTF-8");
    std::string query;
    std::size_t i = 0;
    while (i < words.size()) {
        while (i < words.size() && isSpace(words[i]))
            ++i;
        if (i == words.size())
            break;
        if (!query.empty())
            query += ' ';
        query += '"';
        for (; i < words.size() && !isSpace(words[i]); ++i) {
            if (words[i] == '"')
                query += '"';
            query += words[i];
        }
        query += "\"*";
    }
    if (query.empty())
        throw ApiError(ErrorCode::BadRequest, "q: required");
    return query;
}

}  // namespace server::domain
