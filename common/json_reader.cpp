#include "common/json_reader.h"

#include <boost/json.hpp>
#include <cmath>

#include "common/errors.h"
#include "common/validation.h"

namespace protocol {
namespace {

[[noreturn]] void fail(const std::string& field, std::string_view why) {
    throw ApiError(ErrorCode::BadRequest,
                   (field.empty() ? std::string("body") : field) + ": " + std::string(why));
}

}  // namespace

JsonReader::JsonReader(const boost::json::value& json, std::string path)
    : m_object(json.if_object()), m_path(std::move(path)) {
    if (!m_object) {
        fail(m_path, "expected an object");
    }
}

bool JsonReader::has(std::string_view key) const {
    return m_object->contains(key);
}

const boost::json::value* JsonReader::find(std::string_view key) const {
    const boost::json::value* v = m_object->if_contains(key);
    return (v && !v->is_null()) ? v : nullptr;
}

std::string JsonReader::fieldPath(std::string_view key) const {
    return m_path.empty() ? std::string(key) : m_path + "." + std::string(key);
}

const boost::json::value& JsonReader::required(std::string_view key) const {
    const boost::json::value* v = find(key);
    if (!v) {
        fail(fieldPath(key), "is required");
    }
    return *v;
}

std::string JsonReader::string(std::string_view key) const {
    return readString(required(key), fieldPath(key));
}

std::int64_t JsonReader::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
    return readInteger(required(key), fieldPath(key), min, max);
}

Id JsonReader::id(std::string_view key) const {
    return readId(required(key), fieldPath(key));
}

bool JsonReader::boolean(std::string_view key) const {
    const boost::json::value& v = required(key);
    if (!v.is_bool()) {
        fail(fieldPath(key), "expected a boolean");
    }
    return v.get_bool();
}

std::optional<std::string> JsonReader::optString(std::string_view key) const {
    const boost::json::value* v = find(key);
    return v ? std::optional(readString(*v, fieldPath(key))) : std::nullopt;
}

std::optional<std::int64_t> JsonReader::optInteger(std::string_view key, std::int64_t min,
                                                   std::int64_t max) const {
    const boost::json::value* v = find(key);
    return v ? std::optional(readInteger(*v, fieldPath(key), min, max)) : std::nullopt;
}

std::optional<Id> JsonReader::optId(std::string_view key) const {
    const boost::json::value* v = find(key);
    return v ? std::optional(readId(*v, fieldPath(key))) : std::nullopt;
}

std::optional<bool> JsonReader::optBoolean(std::string_view key) const {
    return find(key) ? std::optional(boolean(key)) : std::nullopt;
}

std::string readString(const boost::json::value& v, const std::string& field) {
    if (!v.is_string()) {
        fail(field, "expected a string");
    }
    return std::string(v.get_string());
}

std::int64_t readInteger(const boost::json::value& v, const std::string& field, std::int64_t min,
                         std::int64_t max) {
    std::int64_t result = 0;
    if (v.is_int64()) {
        result = v.get_int64();
    } else if (v.is_uint64()) {
        fail(field, "out of range");
    } else if (v.is_double()) {
        // 5.0 is the integer 5 in JSON; 2^63 and beyond cannot be an int64 (nor any of our values).
        const double d = v.get_double();
        if (!std::isfinite(d) || std::trunc(d) != d) {
            fail(field, "expected an integer");
        }
        if (d < -9.2e18 || d > 9.2e18) {
            fail(field, "out of range");
        }
        result = static_cast<std::int64_t>(d);
    } else {
        fail(field, "expected an integer");
    }
    if (result < min || result > max) {
        fail(field, "out of range");
    }
    return result;
}

Id readId(const boost::json::value& v, const std::string& field) {
    if (!v.is_number()) {
        fail(field, "expected an integer id");
    }
    if (v.is_uint64() || (v.is_double() && std::abs(v.get_double()) > 9.2e18)) {
        fail(field, "must be a positive integer below 2^53");
    }
    const std::int64_t id = readInteger(v, field);
    if (!validation::isValidId(id)) {
        fail(field, "must be a positive integer below 2^53");
    }
    return id;
}

std::string elementPath(const std::string& field, std::size_t index) {
    return field + "[" + std::to_string(index) + "]";
}

const boost::json::array& readArray(const boost::json::value& v, const std::string& field) {
    if (!v.is_array()) {
        fail(field, "expected an array");
    }
    return v.get_array();
}

}  // namespace protocol
