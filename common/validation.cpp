#include "common/validation.h"

#include <optional>
#include <vector>

#include "common/errors.h"

namespace protocol::validation {
namespace {

// Decodes one code point at `pos` per RFC 3629 (no overlongs, no surrogates, at most U+10FFFF)
// and advances `pos`; nullopt on any malformed sequence.
std::optional<char32_t> decodeOne(std::string_view s, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(s[i]); };
    const unsigned char b0 = byte(pos);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    std::size_t length = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        length = 2;
        cp = b0 & 0x1F;
        min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        length = 3;
        cp = b0 & 0x0F;
        min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        length = 4;
        cp = b0 & 0x07;
        min = 0x10000;
    } else {
        return std::nullopt;
    }
    if (s.size() - pos < length) {
        return std::nullopt;
    }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(pos + i);
        if ((b & 0xC0) != 0x80) {
            return std::nullopt;
        }
        cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        return std::nullopt;
    }
    pos += length;
    return cp;
}

std::optional<std::vector<char32_t>> decodeAll(std::string_view s) {
    std::vector<char32_t> out;
    out.reserve(s.size());
    std::size_t pos = 0;
    while (pos < s.size()) {
        const auto cp = decodeOne(s, pos);
        if (!cp) {
            return std::nullopt;
        }
        out.push_back(*cp);
    }
    return out;
}

// Unicode White_Space.
bool isSpace(char32_t c) {
    return (c >= 0x09 && c <= 0x0D) || c == 0x20 || c == 0x85 || c == 0xA0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F ||
           c == 0x205F || c == 0x3000;
}

// Not printable in a name: controls (Cc), line and paragraph separators, the byte-order mark,
// noncharacters, and the bidirectional overrides and isolates, which let a name spoof the text
// around it. Joiners and variation selectors stay: emoji sequences need them.
bool isUnprintable(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x2028 || c == 0x2029 || c == 0xFEFF ||
           (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069) ||
           (c >= 0xFDD0 && c <= 0xFDEF) || (c & 0xFFFE) == 0xFFFE;
}

bool isUsernameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

std::string encodeUtf8(const std::vector<char32_t>& cps, std::size_t begin, std::size_t end) {
    std::string out;
    for (std::size_t i = begin; i < end; ++i) {
        const char32_t c = cps[i];
        if (c < 0x80) {
            out += static_cast<char>(c);
        } else if (c < 0x800) {
            out += static_cast<char>(0xC0 | (c >> 6));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else if (c < 0x10000) {
            out += static_cast<char>(0xE0 | (c >> 12));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        } else {
            out += static_cast<char>(0xF0 | (c >> 18));
            out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
            out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
            out += static_cast<char>(0x80 | (c & 0x3F));
        }
    }
    return out;
}

[[noreturn]] void badRequest(std::string_view field, std::string_view why) {
    throw ApiError(ErrorCode::BadRequest, std::string(field) + ": " + std::string(why));
}

}  // namespace

std::string username(std::string_view value) {
    if (value.size() < kUsernameMin || value.size() > kUsernameMax) {
        badRequest("username", "must be 3 to 32 characters of letters, digits, _ and .");
    }
    std::string out;
    out.reserve(value.size());
    for (char c : value) {
        if (!isUsernameChar(c)) {
            badRequest("username", "must be 3 to 32 characters of letters, digits, _ and .");
        }
        out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

std::string displayName(std::string_view value) {
    const auto cps = decodeAll(value);
    if (!cps) {
        badRequest("display_name", "must be valid UTF-8");
    }
    std::size_t begin = 0;
    std::size_t end = cps->size();
    while (begin < end && isSpace((*cps)[begin])) {
        ++begin;
    }
    while (end > begin && isSpace((*cps)[end - 1])) {
        --end;
    }
    if (end - begin < 1 || end - begin > kDisplayNameMax) {
        badRequest("display_name", "must be 1 to 64 characters");
    }
    for (std::size_t i = begin; i < end; ++i) {
        if (isUnprintable((*cps)[i])) {
            badRequest("display_name", "must contain only printable characters");
        }
    }
    return encodeUtf8(*cps, begin, end);
}

void password(std::string_view value, std::string_view field) {
    if (value.size() < kPasswordMin || value.size() > kPasswordMax) {
        badRequest(field, "must be 8 to 1024 bytes");
    }
}

void messageText(std::string_view value) {
    if (!isValidUtf8(value)) {
        badRequest("text", "must be valid UTF-8");
    }
    if (codePoints(value) > kMessageTextMax) {
        throw ApiError(ErrorCode::PayloadTooLarge, "text: must be at most 4000 characters");
    }
}

void clientId(std::string_view value) {
    if (!isValidUtf8(value)) {
        badRequest("client_id", "must be valid UTF-8");
    }
    const std::size_t length = codePoints(value);
    if (length < 1 || length > kClientIdMax) {
        badRequest("client_id", "must be 1 to 64 characters");
    }
}

void id(std::int64_t value, std::string_view field) {
    if (!isValidId(value)) {
        badRequest(field, "must be a positive integer below 2^53");
    }
}

bool isValidId(std::int64_t id) {
    return id > 0 && id <= kMaxId;
}

bool isValidUtf8(std::string_view value) {
    std::size_t pos = 0;
    while (pos < value.size()) {
        if (!decodeOne(value, pos)) {
            return false;
        }
    }
    return true;
}

std::size_t codePoints(std::string_view utf8) {
    std::size_t count = 0;
    for (char c : utf8) {
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) {
            ++count;
        }
    }
    return count;
}

}  // namespace protocol::validation
