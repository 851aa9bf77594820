#include "tests/support/certificate_pin.h"

#include <QCryptographicHash>

namespace testsupport {

CertificatePin::CertificatePin(const QSslCertificate& certificate)
    : m_digest(certificate.isNull() ? QByteArray()
                                    : certificate.digest(QCryptographicHash::Sha256)) {}

bool CertificatePin::accepts(const QSslCertificate& peer) const {
    return !m_digest.isEmpty() && !peer.isNull() &&
           peer.digest(QCryptographicHash::Sha256) == m_digest;
}

QList<QSslError> CertificatePin::ignorable(const QSslCertificate& peer,
                                           const QList<QSslError>& errors) const {
    if (!accepts(peer))
        return {};
    return errors;
}

QString CertificatePin::fingerprint(const QSslCertificate& certificate) {
    const QByteArray hex = certificate.digest(QCryptographicHash::Sha256).toHex(':').toUpper();
    return QString::fromLatin1(hex);
}

}  // namespace testsupport
