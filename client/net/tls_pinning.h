// The trust rule for self-signed servers, shared by REST and WebSocket: a certificate the CA
// store does not vouch for is accepted only when its SHA-256 equals the one pinned for host:port.
#pragma once

#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

namespace client::net {

class TlsPinning {
public:
    // Returns the fingerprint trusted for a server ("AB:CD:..."), or nullopt when none is.
    using Lookup = std::function<std::optional<QString>(const QUrl& server)>;

    enum class Verdict { Accept, Unknown, Changed };
    struct Decision {
        Verdict verdict = Verdict::Unknown;
        QString presented;  // fingerprint of the peer's certificate
        QString trusted;    // the pinned fingerprint, for Changed
    };

    explicit TlsPinning(Lookup lookup = {});

    // Called from an sslErrors handler. `peer` may be null: the certificate is then taken from
    // the errors. Accept means the caller should ignore the errors; anything else, abort.
    Decision check(const QUrl& server, const QList<QSslError>& errors,
                   const QSslCertificate& peer = QSslCertificate()) const;

    // SHA-256 of the DER certificate as colon-separated upper-case hex, as the server prints it.
    static QString fingerprint(const QSslCertificate& certificate);
    // "host:port", with the scheme's default port filled in: the key of a pin.
    static QString hostPort(const QUrl& server);

private:
    Lookup m_lookup;
};

}  // namespace client::net
