#include "client/app/error_text.h"

#include <QStringList>

#include "client/net/tls_pinning.h"

namespace client::app {
namespace {

QString sentence(QString text) {
    text = text.trimmed();
    if (text.isEmpty()) {
        return text;
    }
    text[0] = text[0].toUpper();
    if (!text.endsWith(QLatin1Char('.')) && !text.endsWith(QLatin1Char('!')) &&
        !text.endsWith(QLatin1Char('?'))) {
        text += QLatin1Char('.');
    }
    return text;
}

}  // namespace

FieldMessage splitFieldPrefix(const QString& message) {
    static const QStringList fields = {
        QStringLiteral("username"), QStringLiteral("password"), QStringLiteral("display_name"),
        QStringLiteral("new_password"), QStringLiteral("old_password")};
    for (const QString& field : fields) {
        const QString prefix = field + QStringLiteral(": ");
        if (message.startsWith(prefix)) {
            return {field, sentence(message.mid(prefix.size()))};
        }
    }
    return {QString(), sentence(message)};
}

FieldMessage describeSignInError(const net::RestError& error, const QUrl& server) {
    const QString where = net::TlsPinning::hostPort(server);
    using Kind = net::RestError::Kind;
    switch (error.kind) {
        case Kind::Network:
            return {QStringLiteral("server"),
                    QStringLiteral("Can't reach %1: %2").arg(where, error.message)};
        case Kind::CertificateUnknown:
            return {QStringLiteral("server"),
                    QStringLiteral("The certificate of %1 is not trusted.").arg(where)};
        case Kind::CertificateChanged:
            return {QStringLiteral("server"),
                    QStringLiteral("The certificate of %1 has changed; the connection was refused.")
                        .arg(where)};
        case Kind::BadAnswer:
            return {QStringLiteral("server"),
                    QStringLiteral("%1 did not answer like a Messenger server.").arg(where)};
        case Kind::Http:
            break;
    }
    if (error.code == QLatin1String("invalid_credentials")) {
        return {QStringLiteral("password"), QStringLiteral("Wrong username or password.")};
    }
    if (error.code == QLatin1String("username_taken")) {
        const FieldMessage split = splitFieldPrefix(error.message);
        return {QStringLiteral("username"), split.field == QLatin1String("username")
                                                ? split.message
                                                : QStringLiteral("This username is taken.")};
    }
    if (error.status == 429) {
        return {QString(),
                error.retryAfterS > 0
                    ? QStringLiteral("Too many attempts. Try again in %1 s.").arg(error.retryAfterS)
                    : QStringLiteral("Too many attempts. Try again later.")};
    }
    if (error.status == 404 || error.status == 405) {
        return {QStringLiteral("server"),
                QStringLiteral("%1 is not a Messenger server.").arg(where)};
    }
    if (error.status >= 500) {
        return {
            QStringLiteral("server"),
            QStringLiteral("%1 had a problem (%2). Try again later.").arg(where).arg(error.status)};
    }
    return splitFieldPrefix(error.message);
}

}  // namespace client::app
