// Finding `@username` mentions in a message's text.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace server::domain {

// At most this many distinct names are taken from one message (the rest are ignored), so a
// message cannot make its send look up thousands of users.
inline constexpr std::size_t kMaxMentions = 20;

// The lowercase usernames written as `@name` in `text`, each once, in order of appearance. An
// `@` counts only at the start or after a character that cannot be part of a username (so an
// e-mail address mentions nobody); the name is the longest run of 3 to 32 username characters
// after it. A name ending in '.' is also tried without its trailing dots ("thanks @ana.").
std::vector<std::string> mentionedUsernames(std::string_view text);

}  // namespace server::domain
