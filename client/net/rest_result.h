// The outcome of one REST request: the decoded answer, or what went wrong.
#pragma once

#include <QString>
#include <optional>
#include <utility>

namespace client::net {

struct RestError {
    enum class Kind {
        Http,                // the server answered with an error status and body
        Network,             // the server could not be reached, or the connection broke
        CertificateUnknown,  // a self-signed certificate nobody has trusted for this host:port yet
        CertificateChanged,  // a certificate other than the trusted one: refused
        BadAnswer,           // a success status whose body is not what the protocol promises
    };
    Kind kind = Kind::Network;
    int status = 0;                // HTTP status for Http, else 0
    QString code;                  // the error body's code ("username_taken"), for Http
    QString message;               // the error body's message, or the network problem in words
    int retryAfterS = 0;           // Retry-After in seconds, when the server sent one (429)
    QString trustedFingerprint;    // CertificateChanged: the pinned one
    QString presentedFingerprint;  // certificate kinds: the one the server showed
};

// A 204 answer.
struct NoContent {};

template <class T>
class RestResult {
public:
    RestResult(T value) : m_value(std::move(value)) {}
    RestResult(RestError error) : m_error(std::move(error)) {}

    bool ok() const { return m_value.has_value(); }
    // Only when ok().
    const T& value() const { return *m_value; }
    // Only when !ok().
    const RestError& error() const { return *m_error; }

private:
    std::optional<T> m_value;
    std::optional<RestError> m_error;
};

}  // namespace client::net
