// The server's TLS configuration: its certificate, key and protocol versions.
#pragma once

#include <boost/asio/ssl/context.hpp>
#include <memory>
#include <string>

#include "server/config/settings.h"

namespace server::net {

struct TlsSetup {
    std::unique_ptr<boost::asio::ssl::context> context;
    std::string fingerprint;  // SHA-256 of the served certificate, "AB:CD:..."
    std::string certFile;
    bool generated = false;  // a new self-signed certificate was made on this start
};

// Uses tls.cert/tls.key, or <data_dir>/tls/{cert.pem,key.pem}, made on first start.
// TLS 1.2 and 1.3 only. Throws std::runtime_error when a file cannot be read or made.
TlsSetup makeTlsSetup(const config::Settings& settings);

}  // namespace server::net
