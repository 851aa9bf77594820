// The route table: method + path pattern -> handler, listed once as data.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "server/http/request.h"

namespace server::http {

// A handler is a plain function of request to response. It may throw protocol::ApiError, which
// the caller turns into the error body. Handlers run on a worker thread and may block.
using Handler = std::function<Response(const Request&)>;

class Router {
public:
    // `pattern` segments are literal or `{name}` (captured into Request::params in order).
    // The pattern is the route's label in metrics ("/api/v1/users/{id}"). `bodyLimit` (bytes)
    // replaces the JSON body limit for this route (media uploads). Add every route before serving.
    void add(Method method, std::string_view pattern, Handler handler,
             std::optional<std::size_t> bodyLimit = std::nullopt);

    struct Match {
        const Handler* handler = nullptr;  // null when nothing matched
        std::string route;                 // the pattern, for metrics; empty when unmatched
        std::vector<std::string> params;
        bool pathKnown = false;  // some route has this path under another method (405)
        std::optional<std::size_t> bodyLimit;  // the route's own body limit, if it has one
    };
    Match match(Method method, std::string_view path) const;

private:
    struct Route {
        Method method;
        std::string pattern;
        std::vector<std::string> segments;
        Handler handler;
        std::optional<std::size_t> bodyLimit;
    };
    std::vector<Route> m_routes;
};

Method methodFromString(std::string_view verb);

}  // namespace server::http
