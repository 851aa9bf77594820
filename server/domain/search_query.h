// Turning the words a user typed into an FTS5 query where each word matches as a prefix.
#pragma once

#include <string>
#include <string_view>

namespace server::domain {

// Every whitespace-separated word becomes a quoted prefix term ("wo""rd"*), so FTS5 syntax in
// the input (AND, NEAR, *, ", :) is matched literally; the terms are ANDed. Throws ApiError
// BadRequest ("q: ...") when there is no word or the text is not valid UTF-8.
std::string ftsPrefixQuery(std::string_view words);

}  // namespace server::domain
