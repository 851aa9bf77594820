#include "client/app/sign_in.h"

#include "client/app/error_text.h"
#include "client/net/convert.h"
#include "common/errors.h"
#include "common/validation.h"

namespace client::app {
namespace {

constexpr int kDefaultPort = 8443;

}  // namespace

SignIn::SignIn(Profile& profile, KnownHosts& hosts, QObject* parent)
    : QObject(parent),
      m_profile(profile),
      m_hosts(hosts),
      m_rest(net::TlsPinning([this](const QUrl& server) { return m_hosts.fingerprint(server); })) {}

std::optional<QUrl> SignIn::parseServer(const QString& text) {
    QString trimmed = text.trimmed();
    if (trimmed.isEmpty()) {
        return std::nullopt;
    }
    if (!trimmed.contains(QStringLiteral("://"))) {
        trimmed.prepend(QStringLiteral("https://"));
    }
    const QUrl url(trimmed, QUrl::StrictMode);
    const bool schemeOk =
        url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http");
    const bool pathOk = url.path().isEmpty() || url.path() == QLatin1String("/");
    if (!url.isValid() || !schemeOk || url.host().isEmpty() || !pathOk || url.hasQuery() ||
        !url.userInfo().isEmpty()) {
        return std::nullopt;
    }
    QUrl server;
    server.setScheme(url.scheme());
    server.setHost(url.host());
    server.setPort(url.port(kDefaultPort));
    return server;
}

void SignIn::logIn(const QUrl& server, const QString& username, const QString& password) {
    if (username.trimmed().isEmpty()) {
        fail(QStringLiteral("username"), QStringLiteral("Enter your username."));
        return;
    }
    if (password.isEmpty()) {
        fail(QStringLiteral("password"), QStringLiteral("Enter your password."));
        return;
    }
    start({false, server, username.trimmed(), password, QString()});
}

void SignIn::registerAccount(const QUrl& server, const QString& username, const QString& password,
                             const QString& displayName) {
    // The same rules the server applies, checked first so the form answers without a round trip.
    try {
        protocol::validation::username(net::toStdString(username.trimmed()));
        protocol::validation::password(net::toStdString(password));
        if (!displayName.trimmed().isEmpty()) {
            protocol::validation::displayName(net::toStdString(displayName));
        }
    } catch (const protocol::ApiError& error) {
        const FieldMessage message = splitFieldPrefix(net::toQString(error.what()));
        fail(message.field, message.message);
        return;
    }
    start({true, server, username.trimmed(), password, displayName.trimmed()});
}

void SignIn::trustAndRetry() {
    if (!m_attempt || m_unknownFingerprint.isEmpty()) {
        return;
    }
    m_hosts.trust(m_attempt->server, m_unknownFingerprint);
    m_unknownFingerprint.clear();
    start(*m_attempt);
}

void SignIn::cancel() {
    m_rest.abortAll();
    m_attempt.reset();
    m_unknownFingerprint.clear();
    setBusy(false);
}

void SignIn::start(const Attempt& attempt) {
    m_rest.abortAll();
    m_attempt = attempt;
    m_unknownFingerprint.clear();
    m_rest.setServer(attempt.server);
    m_rest.setToken(QString());
    setBusy(true);
    auto done = [this](const net::RestResult<protocol::AuthResponse>& result) { onAnswer(result); };
    if (attempt.registering) {
        protocol::RegisterRequest request;
        request.username = net::toStdString(attempt.username);
        request.password = net::toStdString(attempt.password);
        if (!attempt.displayName.isEmpty()) {
            request.displayName = net::toStdString(attempt.displayName);
        }
        m_rest.registerAccount(request, done);
    } else {
        protocol::LoginRequest request;
        request.username = net::toStdString(attempt.username);
        request.password = net::toStdString(attempt.password);
        request.device = "messenger desktop";
        m_rest.logIn(request, done);
    }
}

void SignIn::onAnswer(const net::RestResult<protocol::AuthResponse>& result) {
    const Attempt attempt = *m_attempt;
    if (result.ok()) {
        const protocol::AuthResponse& auth = result.value();
        StoredSession session;
        session.server = attempt.server;
        session.token = net::toQString(auth.token);
        session.userId = auth.user.id;
        session.username = net::toQString(auth.user.username);
        session.displayName = net::toQString(auth.user.displayName);
        m_profile.setLastServer(attempt.server);
        m_profile.saveSession(session);
        m_attempt.reset();
        setBusy(false);
        Q_EMIT succeeded();
        return;
    }
    const net::RestError& error = result.error();
    if (error.kind == net::RestError::Kind::CertificateUnknown) {
        m_unknownFingerprint = error.presentedFingerprint;
        setBusy(false);
        Q_EMIT certificateUnknown(attempt.server, error.presentedFingerprint);
        return;
    }
    if (error.kind == net::RestError::Kind::CertificateChanged) {
        m_attempt.reset();
        setBusy(false);
        Q_EMIT certificateChanged(attempt.server, error.trustedFingerprint,
                                  error.presentedFingerprint);
        return;
    }
    const FieldMessage message = describeSignInError(error, attempt.server);
    fail(message.field, message.message);
}

void SignIn::fail(const QString& field, const QString& message) {
    m_attempt.reset();
    setBusy(false);
    Q_EMIT failed(field, message);
}

void SignIn::setBusy(bool busy) {
    if (busy == m_busy) {
        return;
    }
    m_busy = busy;
    Q_EMIT busyChanged(busy);
}

}  // namespace client::app
