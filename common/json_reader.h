// A read-only view of one JSON object of the wire that names the offending field in every error.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "common/wire_types.h"

namespace protocol {

// Reads a value of type T found at `path` ("chat.peer", "media[2]"); errors name the path.
// Specialised in the codec files for every wire object.
template <class T>
T readValue(const boost::json::value& json, const std::string& path);
template <>
User readValue<User>(const boost::json::value& json, const std::string& path);
template <>
Media readValue<Media>(const boost::json::value& json, const std::string& path);
template <>
Message readValue<Message>(const boost::json::value& json, const std::string& path);
template <>
Chat readValue<Chat>(const boost::json::value& json, const std::string& path);
template <>
Event readValue<Event>(const boost::json::value& json, const std::string& path);
template <>
Notification readValue<Notification>(const boost::json::value& json, const std::string& path);
template <>
FriendRequest readValue<FriendRequest>(const boost::json::value& json, const std::string& path);
template <>
Member readValue<Member>(const boost::json::value& json, const std::string& path);
template <>
BanEntry readValue<BanEntry>(const boost::json::value& json, const std::string& path);
template <>
AuditEntry readValue<AuditEntry>(const boost::json::value& json, const std::string& path);

class JsonReader {
public:
    // Throws ApiError(BadRequest, "<path>: expected an object") unless `json` is an object;
    // an empty path stands for the whole body.
    JsonReader(const boost::json::value& json, std::string path);

    // Present, even as null.
    bool has(std::string_view key) const;
    // Present and not null; nullptr otherwise.
    const boost::json::value* find(std::string_view key) const;
    // "<path>.<key>", or "<key>" at the top.
    std::string fieldPath(std::string_view key) const;

    // Required fields throw "<field>: is required" when absent or null.
    std::string string(std::string_view key) const;
    std::int64_t integer(std::string_view key, std::int64_t min = INT64_MIN,
                         std::int64_t max = INT64_MAX) const;
    Id id(std::string_view key) const;
    bool boolean(std::string_view key) const;
    template <class T>
    T get(std::string_view key) const {
        return readValue<T>(required(key), fieldPath(key));
    }

    // Optional fields: absent and null both give nullopt.
    std::optional<std::string> optString(std::string_view key) const;
    std::optional<std::int64_t> optInteger(std::string_view key, std::int64_t min = INT64_MIN,
                                           std::int64_t max = INT64_MAX) const;
    std::optional<Id> optId(std::string_view key) const;
    std::optional<bool> optBoolean(std::string_view key) const;
    template <class T>
    std::optional<T> opt(std::string_view key) const {
        const boost::json::value* v = find(key);
        return v ? std::optional<T>(readValue<T>(*v, fieldPath(key))) : std::nullopt;
    }

    const boost::json::value& required(std::string_view key) const;
    const std::string& path() const { return m_path; }

private:
    const boost::json::object* m_object;
    std::string m_path;
};

// Scalar readers shared by JsonReader and array elements; `field` names the value in errors.
std::string readString(const boost::json::value& v, const std::string& field);
std::int64_t readInteger(const boost::json::value& v, const std::string& field,
                         std::int64_t min = INT64_MIN, std::int64_t max = INT64_MAX);
Id readId(const boost::json::value& v, const std::string& field);
// "<field>[i]" for array elements.
std::string elementPath(const std::string& field, std::size_t index);
// The array at `v`; throws "<field>: expected an array" otherwise.
const boost::json::array& readArray(const boost::json::value& v, const std::string& field);

}  // namespace protocol
