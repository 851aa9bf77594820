#include "server/net/request_dispatcher.h"

#include <chrono>

namespace server::net {

http::Response RequestDispatcher::respond(const http::Request& request,
                                          const http::Router::Match& match) const {
    const auto started = std::chrono::steady_clock::now();
    http::Response response;
    if (!match.handler && match.pathKnown) {
        response = http::errorResponse(protocol::ErrorCode::BadRequest, "method not allowed");
        response.status = 405;
    } else if (!match.handler) {
        response = http::errorResponse(protocol::ErrorCode::NotFound, "path: no such resource");
    } else {
        try {
            response = (*match.handler)(request);
        } catch (const protocol::ApiError& error) {
            response = http::errorResponse(error);
        } catch (const std::exception& error) {
            m_logger.error("internal error on " + match.route + ": " + error.what());
            response = http::errorResponse(protocol::ErrorCode::Internal, "internal error");
        }
    }
    const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - started;
    record(match.handler ? match.route : std::string("unmatched"), response.status,
           elapsed.count());
    if (m_logger.enabled(config::LogLevel::Debug))
        m_logger.debug(request.remoteAddress + " " + request.path + " " +
                       std::to_string(response.status) + " " +
                       std::to_string(elapsed.count() * 1000.0) + " ms");
    return response;
}

}  // namespace server::net
