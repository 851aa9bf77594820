#include "server/store/statement.h"

#include <sqlite3.h>

#include <string>

#include "server/store/store_error.h"

namespace server::store {
namespace {

[[noreturn]] void fail(sqlite3_stmt* stmt, int rc) {
    sqlite3* db = sqlite3_db_handle(stmt);
    std::string message = std::string(sqlite3_errmsg(db)) + " (in: " + sqlite3_sql(stmt) + ")";
    int extended = sqlite3_extended_errcode(db);
    if ((rc & 0xff) == SQLITE_CONSTRAINT)
        throw ConstraintError(extended, message);
    throw StoreError(extended, message);
}

void check(sqlite3_stmt* stmt, int rc) {
    if (rc != SQLITE_OK)
        fail(stmt, rc);
}

}  // namespace

Statement::Statement(sqlite3_stmt* stmt, bool* inUse) : m_stmt(stmt), m_inUse(inUse) {}

Statement::Statement(Statement&& other) noexcept : m_stmt(other.m_stmt), m_inUse(other.m_inUse) {
    other.m_stmt = nullptr;
    other.m_inUse = nullptr;
}

Statement::~Statement() {
    if (!m_stmt)
        return;
    if (m_inUse) {
        sqlite3_reset(m_stmt);
        sqlite3_clear_bindings(m_stmt);
        *m_inUse = false;
    } else {
        sqlite3_finalize(m_stmt);
    }
}

Statement& Statement::bind(int index, std::int64_t value) {
    check(m_stmt, sqlite3_bind_int64(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, double value) {
    check(m_stmt, sqlite3_bind_double(m_stmt, index, value));
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    // SQLITE_TRANSIENT: the statement copies the text, so callers may pass temporaries.
    check(m_stmt, sqlite3_bind_text64(m_stmt, index, value.data(), value.size(), SQLITE_TRANSIENT,
                                      SQLITE_UTF8));
    return *this;
}

Statement& Statement::bind(int index, std::nullptr_t) {
    check(m_stmt, sqlite3_bind_null(m_stmt, index));
    return *this;
}

bool Statement::step() {
    int rc = sqlite3_step(m_stmt);
    if (rc == SQLITE_ROW)
        return true;
    if (rc == SQLITE_DONE)
        return false;
    fail(m_stmt, rc);
}

void Statement::exec() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(m_stmt);
}

bool Statement::isNull(int column) const {
    return sqlite3_column_type(m_stmt, column) == SQLITE_NULL;
}

std::int64_t Statement::int64(int column) const {
    return sqlite3_column_int64(m_stmt, column);
}

double Statement::real(int column) const {
    return sqlite3_column_double(m_stmt, column);
}

std::string Statement::text(int column) const {
    const auto* data = reinterpret_cast<const char*>(sqlite3_column_text(m_stmt, column));
    if (!data)
        return {};
    return std::string(data, static_cast<std::size_t>(sqlite3_column_bytes(m_stmt, column)));
}

std::optional<std::int64_t> Statement::optionalInt64(int column) const {
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

std::optional<std::string> Statement::optionalText(int column) const {
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

}  // namespace server::store
