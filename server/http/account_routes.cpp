#include "server/http/account_routes.h"

#include <boost/json/array.hpp>

#include "common/codec.h"
#include "common/errors.h"

namespace server::http {
namespace {

using domain::Accounts;
using protocol::ApiError;
using protocol::ErrorCode;

domain::AuthContext caller(Accounts& accounts, const Request& request) {
    return authenticatedCaller(accounts, request);
}

Response registerUser(Accounts& accounts, const Request& request) {
    const auto body = protocol::decode<protocol::RegisterRequest>(request.body);
    return jsonResponse(201, protocol::encode(accounts.registerUser(body, request.remoteAddress)));
}

Response login(Accounts& accounts, const Request& request) {
    const auto body = protocol::decode<protocol::LoginRequest>(request.body);
    return jsonResponse(200, protocol::encode(accounts.login(body, request.remoteAddress)));
}

Response logout(Accounts& accounts, const Request& request) {
    accounts.logout(caller(accounts, request));
    return noContent();
}

Response me(Accounts& accounts, const Request& request) {
    return jsonResponse(200, protocol::encode(accounts.me(caller(accounts, request))));
}

Response patchMe(Accounts& accounts, const Request& request) {
    const auto context = caller(accounts, request);
    const auto body = protocol::decode<protocol::PatchMeRequest>(request.body);
    return jsonResponse(200, protocol::encode(accounts.patchMe(context, body)));
}

Response changePassword(Accounts& accounts, const Request& request) {
    const auto context = caller(accounts, request);
    const auto body = protocol::decode<protocol::PasswordChangeRequest>(request.body);
    accounts.changePassword(context, body);
    return noContent();
}

Response search(Accounts& accounts, const Request& request) {
    const auto context = caller(accounts, request);
    const auto q = request.query.find("q");
    if (q == request.query.end() || q->second.empty())
        throw ApiError(ErrorCode::BadRequest, "q: required");
    boost::json::array users;
    for (const auto& user : accounts.search(context, q->second))
        users.push_back(protocol::toJson(user));
    return jsonResponse(200, protocol::serialize(users));
}

Response userById(Accounts& accounts, const Request& request) {
    const auto context = caller(accounts, request);
    const auto id = pathId(request.params.at(0), "id");
    return jsonResponse(200, protocol::encode(accounts.userById(context, id)));
}

struct Route {
    Method method;
    std::string_view pattern;
    Response (*handler)(Accounts&, const Request&);
};

constexpr Route kRoutes[] = {
    {Method::Post, "/api/v1/auth/register", registerUser},
    {Method::Post, "/api/v1/auth/login", login},
    {Method::Post, "/api/v1/auth/logout", logout},
    {Method::Get, "/api/v1/me", me},
    {Method::Patch, "/api/v1/me", patchMe},
    {Method::Put, "/api/v1/me/password", changePassword},
    {Method::Get, "/api/v1/users/search", search},
    {Method::Get, "/api/v1/users/{id}", userById},
};

}  // namespace

domain::AuthContext authenticatedCaller(domain::Accounts& accounts, const Request& request) {
    const auto token = bearerToken(request);
    if (token.empty())
        throw ApiError(ErrorCode::Unauthorized, "authorization: a bearer token is required");
    auto context = accounts.authenticate(token);
    if (!context)
        throw ApiError(ErrorCode::Unauthorized, "authorization: the token is unknown or revoked");
    return *context;
}

void addAccountRoutes(Router& router, domain::Accounts& accounts) {
    for (const auto& route : kRoutes)
        router.add(route.method, route.pattern,
                   [&accounts, handler = route.handler](const Request& request) {
                       return handler(accounts, request);
                   });
}

}  // namespace server::http
