// The request-target of an HTTP request line, split into a decoded path and query parameters.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace server::net {

struct RequestTarget {
    std::string path;
    std::map<std::string, std::string> query;
};

// Origin-form only ("/a/b?x=1&y=%20"); '+' in the query is a space. A target that does not start
// with '/' or carries a malformed percent-escape throws ApiError(bad_request).
RequestTarget parseRequestTarget(std::string_view target);

}  // namespace server::net
