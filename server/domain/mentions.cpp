#include "server/domain/mentions.h"

#include <algorithm>

namespace server::domain {
namespace {

bool isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

void addName(std::vector<std::string>& names, std::string name) {
    if (name.size() < 3 || name.size() > 32 || names.size() >= kMaxMentions)
        return;
    if (std::find(names.begin(), names.end(), name) == names.end())
        names.push_back(std::move(name));
}

}  // namespace

std::vector<std::string> mentionedUsernames(std::string_view text) {
    std::vector<std::string> names;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '@' || (i > 0 && (isNameChar(text[i - 1]) || text[i - 1] == '@')))
            continue;
        std::size_t end = i + 1;
        while (end < text.size() && isNameChar(text[end]))
            ++end;
        std::string name;
        for (std::size_t k = i + 1; k < end; ++k)
            name.push_back(lower(text[k]));
        i = end - 1;
        if (name.size() > 32)
            continue;
        std::string trimmed = name;
        while (!trimmed.empty() && trimmed.back() == '.')
            trimmed.pop_back();
        const bool hadDots = trimmed.size() != name.size();
        addName(names, std::move(name));
        if (hadDots)
            addName(names, std::move(trimmed));
    }
    return names;
}

}  // namespace server::domain
