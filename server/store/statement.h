// One prepared SQLite statement with bound parameters, reset when the handle goes away.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

struct sqlite3_stmt;

namespace server::store {

// A statement leased from its Connection's cache. Not copyable; used by one thread at a time.
// Parameter and column indexes are as in SQLite: parameters from 1, columns from 0.
class Statement {
public:
    Statement(sqlite3_stmt* stmt, bool* inUse);
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;
    ~Statement();

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, std::int64_t{value}); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) {
        return bind(index, std::string_view(value));
    }
    Statement& bind(int index, std::nullptr_t);
    template <class T>
    Statement& bind(int index, const std::optional<T>& value) {
        return value ? bind(index, *value) : bind(index, nullptr);
    }
    // Binds every argument in order, from parameter 1.
    template <class... Args>
    Statement& bindAll(const Args&... args) {
        int index = 0;
        (bind(++index, args), ...);
        return *this;
    }

    // Advances to the next row: true when a row is ready, false when done. Throws StoreError
    // (ConstraintError for a violated constraint) on failure.
    bool step();
    // Runs a statement that returns no rows to its end.
    void exec();
    // Rewinds to run again; the bindings stay.
    void reset();

    bool isNull(int column) const;
    std::int64_t int64(int column) const;
    double real(int column) const;
    std::string text(int column) const;
    std::optional<std::int64_t> optionalInt64(int column) const;
    std::optional<std::string> optionalText(int column) const;

private:
    sqlite3_stmt* m_stmt;
    bool* m_inUse;  // the cache's flag; null for a statement the handle owns
};

}  // namespace server::store
