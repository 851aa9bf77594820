// The sentence a conversation shows for a member event of a group ("Ana made Bo a moderator"),
// made from the event's type, its data and the names the cache knows.
#pragma once

#include <QJsonObject>
#include <QString>
#include <functional>
#include <optional>

namespace client::ui::systemline {

// A user's display name (or username) as the viewer knows it; empty when unknown.
using NameOf = std::function<QString(qint64 userId)>;

struct Event {
    QString type;  // "member.added", "member.removed", "member.role", ...
    qint64 actor = 0;
    qint64 ts = 0;     // ms since the epoch: a mute's length is muted_until minus this
    QJsonObject data;  // the event's `data` object
    // For "chat.updated": the chat as it was before (its `name`, `description`, `settings`),
    // when known, to say what changed.
    std::optional<QJsonObject> previousChat;
};

// Whether the conversation shows a line for events of this type.
bool isSystemEvent(const QString& type);

// The line for the event; `me` is the viewer, named "You". Empty for a type without a line.
QString text(const Event& event, qint64 me, const NameOf& nameOf);

// "30 seconds", "1 minute", "1 hour", "3 days": a mute's length as people say it.
QString duration(qint64 milliseconds);

}  // namespace client::ui::systemline
