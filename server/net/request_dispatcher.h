// Turns a matched request into a response: 404, 405, the handler's answer or its error body.
#pragma once

#include "server/config/logger.h"
#include "server/http/metrics.h"
#include "server/http/request.h"
#include "server/http/router.h"

namespace server::net {

class RequestDispatcher {
public:
    RequestDispatcher(const http::Router& router, http::Metrics& metrics, config::Logger& logger)
        : m_router(router), m_metrics(metrics), m_logger(logger) {}

    const http::Router& router() const { return m_router; }

    // Runs the handler on the calling thread (a worker: handlers may block) and records the
    // request in the metrics. Never throws: a fault of the server is a logged 500.
    http::Response respond(const http::Request& request, const http::Router::Match& match) const;

    // For answers given before a handler could run (413, 400, 403): counted like the others.
    void record(const std::string& route, unsigned status, double seconds) const {
        m_metrics.recordRequest(route, status, seconds);
    }

private:
    const http::Router& m_router;
    http::Metrics& m_metrics;
    config::Logger& m_logger;
};

}  // namespace server::net
