// The failures of the storage layer: a generic SQLite error and a violated constraint.
#pragma once

#include <stdexcept>
#include <string>

namespace server::store {

class StoreError : public std::runtime_error {
public:
    StoreError(int code, const std::string& message) : std::runtime_error(message), m_code(code) {}
    // The SQLite extended result code.
    int code() const { return m_code; }

private:
    int m_code;
};

// A UNIQUE, FOREIGN KEY, CHECK or NOT NULL constraint refused the write; the domain maps it
// to 409 or 404 where the rules say so.
class ConstraintError : public StoreError {
public:
    using StoreError::StoreError;
};

}  // namespace server::store
