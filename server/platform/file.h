// Files the server must write whole or not at all, readable by their owner alone when secret.
#pragma once

#include <filesystem>
#include <string_view>

namespace server::platform {

// Writes `bytes` to a temporary file beside `path`, syncs it and renames it over `path`, so a
// crash leaves the old file or the new one, never half of one. `ownerOnly`: created readable
// and writable by the owner alone (POSIX mode 0600; on Windows the folder's permissions apply).
// Throws std::runtime_error naming the file on failure.
void writeFileAtomically(const std::filesystem::path& path, std::string_view bytes, bool ownerOnly);

}  // namespace server::platform
