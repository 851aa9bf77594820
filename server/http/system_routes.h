// The operational routes: GET /healthz and GET /metrics.
#pragma once

#include <functional>
#include <string>

#include "server/http/metrics.h"
#include "server/http/router.h"

namespace server::http {

struct HealthChecks {
    std::function<bool()> databaseHealthy;  // may block briefly; runs on a worker thread
    std::string relay;                      // "local" or "redis"
};

void addSystemRoutes(Router& router, const Metrics& metrics, HealthChecks checks);

}  // namespace server::http
