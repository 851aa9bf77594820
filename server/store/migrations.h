// The schema's migrations, applied in order by version at start.
#pragma once

#include <span>
#include <string_view>

#include "server/store/connection.h"

namespace server::store {

struct Migration {
    int version;
    std::string_view sql;
};

// Every migration, ascending by version. A new one is appended, never edited once released.
std::span<const Migration> migrations();

// Applies the migrations newer than the file's PRAGMA user_version, each in its own
// BEGIN IMMEDIATE transaction (so concurrent servers on one file migrate once); returns the
// version reached. Throws StoreError, or std::runtime_error for a file newer than this build.
int migrate(Connection& connection);

}  // namespace server::store
