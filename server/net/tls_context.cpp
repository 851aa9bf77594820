#include "server/net/tls_context.h"

#include <filesystem>
#include <stdexcept>

#include "server/net/self_signed_certificate.h"

namespace server::net {

TlsSetup makeTlsSetup(const config::Settings& settings) {
    namespace fs = std::filesystem;
    namespace ssl = boost::asio::ssl;
    TlsSetup setup;
    fs::path cert = settings.tls.cert;
    fs::path key = settings.tls.key;
    if (cert.empty()) {
        const fs::path dir = fs::path(settings.server.dataDir) / "tls";
        cert = dir / "cert.pem";
        key = dir / "key.pem";
        if (!fs::exists(cert) || !fs::exists(key)) {
            fs::create_directories(dir);
            fs::permissions(dir, fs::perms::owner_all, fs::perm_options::replace);
            writeSelfSignedCertificate(cert, key);
            setup.generated = true;
        }
    }
    auto context = std::make_unique<ssl::context>(ssl::context::tls_server);
    context->set_options(ssl::context::default_workarounds | ssl::context::no_sslv2 |
                         ssl::context::no_sslv3 | ssl::context::no_tlsv1 |
                         ssl::context::no_tlsv1_1 | ssl::context::single_dh_use);
    try {
        context->use_certificate_chain_file(cert.string());
        context->use_private_key_file(key.string(), ssl::context::pem);
    } catch (const boost::system::system_error& e) {
        throw std::runtime_error("tls: cannot load " + cert.string() + " / " + key.string() + ": " +
                                 e.code().message());
    }
    setup.context = std::move(context);
    setup.fingerprint = certificateFingerprint(cert);
    setup.certFile = cert.string();
    return setup;
}

}  // namespace server::net
