#include "client/net/tls_pinning.h"

#include <QCryptographicHash>

namespace client::net {

TlsPinning::TlsPinning(Lookup lookup) : m_lookup(std::move(lookup)) {}

TlsPinning::Decision TlsPinning::check(const QUrl& server, const QList<QSslError>& errors,
                                       const QSslCertificate& peer) const {
    QSslCertificate certificate = peer;
    for (const QSslError& error : errors) {
        if (!certificate.isNull()) {
            break;
        }
        certificate = error.certificate();
    }
    Decision decision;
    if (certificate.isNull()) {
        return decision;  // nothing to pin against: treat as unknown, the caller aborts
    }
    decision.presented = fingerprint(certificate);
    const std::optional<QString> trusted = m_lookup ? m_lookup(server) : std::nullopt;
    if (!trusted) {
        decision.verdict = Verdict::Unknown;
    } else if (trusted->compare(decision.presented, Qt::CaseInsensitive) == 0) {
        // The pin is a stronger statement than the CA check it replaces, so every error of
        // this exact certificate (self-signed, host name) is ignored.
        decision.verdict = Verdict::Accept;
    } else {
        decision.verdict = Verdict::Changed;
        decision.trusted = *trusted;
    }
    return decision;
}

QString TlsPinning::fingerprint(const QSslCertificate& certificate) {
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper());
}

QString TlsPinning::hostPort(const QUrl& server) {
    const int defaultPort = server.scheme() == QLatin1String("http") ? 80 : 443;
    QString host = server.host().toLower();
    if (host.contains(QLatin1Char(':'))) {
        host = QLatin1Char('[') + host + QLatin1Char(']');
    }
    return QStringLiteral("%1:%2").arg(host).arg(server.port(defaultPort));
}

}  // namespace client::net
