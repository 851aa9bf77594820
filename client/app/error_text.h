// How a failed request reads to the user, and which form field it belongs to.
#pragma once

#include <QString>
#include <QUrl>

#include "client/net/rest_result.h"

namespace client::app {

struct FieldMessage {
    QString field;    // "server", "username", "password", "display_name", or "" (general)
    QString message;  // a sentence for the user, without the field prefix
};

// The protocol's convention: a message about a field starts with "<field>: ".
FieldMessage splitFieldPrefix(const QString& message);

// The words for an error of a sign-in request against `server`.
FieldMessage describeSignInError(const net::RestError& error, const QUrl& server);

}  // namespace client::app
