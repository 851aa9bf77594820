// Checks that a JSON object has exactly the shape PROTOCOL.md "Objects" gives it.
#pragma once

#include <QJsonObject>
#include <QString>

namespace testsupport {

// Each returns an empty string when the object fits, else what is wrong with it.
QString userShapeProblem(const QJsonObject& user);
QString messageShapeProblem(const QJsonObject& message);
QString chatShapeProblem(const QJsonObject& chat);
QString eventShapeProblem(const QJsonObject& event);
QString friendRequestShapeProblem(const QJsonObject& request);

}  // namespace testsupport
