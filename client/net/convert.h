// The one bridge between the wire types of common/ (std::string, Boost.JSON) and Qt's types.
#pragma once

#include <QByteArray>
#include <QString>
#include <string>
#include <string_view>

#include "common/codec.h"

namespace client::net {

QString toQString(std::string_view text);
std::string toStdString(const QString& text);

// A protocol value as a JSON request body.
template <class T>
QByteArray toBody(const T& value) {
    const std::string text = protocol::encode(value);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

// A JSON answer body as a protocol value; throws protocol::ApiError when it does not fit.
template <class T>
T fromBody(const QByteArray& body) {
    return protocol::decode<T>(
        std::string_view(body.constData(), static_cast<size_t>(body.size())));
}

}  // namespace client::net
