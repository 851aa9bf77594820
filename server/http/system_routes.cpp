#include "server/http/system_routes.h"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>

namespace server::http {

void addSystemRoutes(Router& router, const Metrics& metrics, HealthChecks checks) {
    router.add(Method::Get, "/healthz", [checks = std::move(checks)](const Request&) {
        bool dbOk = false;
        try {
            dbOk = checks.databaseHealthy && checks.databaseHealthy();
        } catch (const std::exception&) {
            dbOk = false;  // a failing check is an unhealthy database, not a failed request
        }
        boost::json::object body;
        body["status"] = dbOk ? "ok" : "unavailable";
        body["db"] = dbOk ? "ok" : "failing";
        body["relay"] = checks.relay;
        return jsonResponse(dbOk ? 200 : 503, boost::json::serialize(body));
    });
    router.add(Method::Get, "/metrics", [&metrics](const Request&) {
        Response response;
        response.contentType = "text/plain; version=0.0.4";
        response.body = metrics.render();
        return response;
    });
}

}  // namespace server::http
