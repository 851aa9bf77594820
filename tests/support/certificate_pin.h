// A TLS certificate the tests trust by its SHA-256 digest, the way the client trusts a fingerprint.
#pragma once

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>

namespace testsupport {

class CertificatePin {
public:
    CertificatePin() = default;
    explicit CertificatePin(const QSslCertificate& certificate);

    bool isEmpty() const { return m_digest.isEmpty(); }
    // True only when `peer` is the pinned certificate; errors are never ignored for another one.
    bool accepts(const QSslCertificate& peer) const;
    // The errors a pinned peer may raise (self-signed, host name mismatch): the subset to ignore.
    // Empty when the peer is not the pinned certificate.
    QList<QSslError> ignorable(const QSslCertificate& peer, const QList<QSslError>& errors) const;

    // "AB:CD:..." upper-case hex, the form the server prints.
    static QString fingerprint(const QSslCertificate& certificate);

private:
    QByteArray m_digest;
};

}  // namespace testsupport
