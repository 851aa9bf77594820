#include "server/http/router.h"

namespace server::http {
namespace {

std::vector<std::string> splitPath(std::string_view path) {
    std::vector<std::string> segments;
    size_t pos = 0;
    while (pos < path.size()) {
        if (path[pos] == '/') {
            ++pos;
            continue;
        }
        size_t end = path.find('/', pos);
        if (end == std::string_view::npos)
            end = path.size();
        segments.emplace_back(path.substr(pos, end - pos));
        pos = end;
    }
    return segments;
}

bool isCapture(const std::string& segment) {
    return segment.size() >= 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::add(Method method, std::string_view pattern, Handler handler,
                 std::optional<std::size_t> bodyLimit) {
    m_routes.push_back(
        Route{method, std::string(pattern), splitPath(pattern), std::move(handler), bodyLimit});
}

Router::Match Router::match(Method method, std::string_view path) const {
    Match result;
    const auto segments = splitPath(path);
    // A trailing slash is a different resource: "/api/v1/me/" does not match "/api/v1/me".
    if (path.size() > 1 && path.back() == '/')
        return result;
    for (const auto& route : m_routes) {
        if (route.segments.size() != segments.size())
            continue;
        std::vector<std::string> params;
        bool ok = true;
        for (size_t i = 0; i < segments.size() && ok; ++i) {
            if (isCapture(route.segments[i]))
                params.push_back(segments[i]);
            else
                ok = route.segments[i] == segments[i];
        }
        if (!ok)
            continue;
        if (route.method != method) {
            result.pathKnown = true;
            continue;
        }
        result.handler = &route.handler;
        result.route = route.pattern;
        result.params = std::move(params);
        result.bodyLimit = route.bodyLimit;
        return result;
    }
    return result;
}

Method methodFromString(std::string_view verb) {
    if (verb == "GET")
        return Method::Get;
    if (verb == "POST")
        return Method::Post;
    if (verb == "PUT")
        return Method::Put;
    if (verb == "PATCH")
        return Method::Patch;
    if (verb == "DELETE")
        return Method::Delete;
    if (verb == "HEAD")
        return Method::Head;
    if (verb == "OPTIONS")
        return Method::Options;
    return Method::Other;
}

}  // namespace server::http
