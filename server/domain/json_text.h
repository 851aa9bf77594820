// Appending JSON values to text exactly as Boost.JSON's serializer writes them, without a tree.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace server::domain::json_text {

// For the hot frames (a message, an event's header) that are written once per message: the
// output is byte for byte what protocol::serialize writes for the same values.
void appendInt(std::string& out, std::int64_t value);
// null when empty.
void appendOptional(std::string& out, const std::optional<std::int64_t>& value);
// Quoted and escaped: `"` and `\`, the short forms of the control characters that have one,
// \u00xx for the other control characters; every other byte as it is (text is valid UTF-8).
void appendString(std::string& out, std::string_view text);

}  // namespace server::domain::json_text
