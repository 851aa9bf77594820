// The rows the cache hands to the models: plain Qt values, already joined (a chat with its peer and
// last message, a message with its quoted reply), so no model runs SQL or decodes JSON.
#pragma once

#include <QList>
#include <QMap>
#include <QString>
#include <optional>

namespace client::cache {

struct UserRow {
    qint64 id = 0;
    QString username;
    QString displayName;
    bool online = false;
    std::optional<qint64> lastSeen;  // ms since the epoch
};

struct ChatRow {
    qint64 id = 0;
    bool direct = true;
    QString name;  // the group's name; empty for direct chats (the peer names them)
    std::optional<UserRow> peer;
    qint64 lastSeq = 0;
    qint64 readSeq = 0;
    qint64 unread = 0;
    qint64 peerReadSeq = 0;
    qint64 activityTs = 0;  // the last message's time, else the chat's creation
    // The last message of the chat as the cache holds it.
    qint64 lastMessageId = 0;
    QString lastMessageText;
    bool lastMessageDeleted = false;
    qint64 lastMessageSender = 0;

    QString title() const;
};

struct MessageRow {
    enum class Delivery { Pending, Sent, Read, Failed };

    qint64 id = 0;  // 0 for an outbox row not yet acknowledged
    qint64 chatId = 0;
    qint64 seq = 0;  // 0 for an outbox row
    qint64 sender = 0;
    QString senderName;
    qint64 ts = 0;
    QString clientId;
    QString text;
    std::optional<qint64> replyTo;
    QString replySenderName;  // of the quoted message, when the cache holds it
    QString replyText;
    bool replyDeleted = false;
    std::optional<qint64> editedTs;
    bool deleted = false;
    bool pinned = false;
    QMap<QString, QList<qint64>> reactions;  // emoji -> user ids, in the server's order
    Delivery delivery = Delivery::Sent;
    QString failure;  // why a Failed outbox row failed
};

struct FriendRow {
    UserRow user;
    qint64 chatId = 0;
};

struct RequestRow {
    qint64 id = 0;
    bool incoming = true;
    UserRow other;  // the sender of an incoming request, the recipient of an outgoing one
    qint64 ts = 0;
};

}  // namespace client::cache
