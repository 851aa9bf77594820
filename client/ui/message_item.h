// One message as the conversation paints it: its data plus what its neighbours decide (a day
// separator above, the start or end of a sender's group).
#pragma once

#include <QDate>
#include <QString>
#include <QVector>

#include "client/ui/mention_scanner.h"

namespace client::ui {

struct MessageItem {
    enum class Delivery { None, Pending, Sent, Read, Failed };
    struct Reaction {
        QString emoji;
        int count = 0;
        bool mine = false;
        bool operator==(const Reaction&) const = default;
    };

    QString key;  // stable across the pending → sent switch (the client id when known)
    qint64 id = 0;
    qint64 sender = 0;
    QString senderName;
    QString text;
    qint64 timeMs = 0;  // ms since the epoch
    QDate day;          // local day of timeMs
    bool own = false;
    bool edited = false;
    bool deleted = false;
    bool pinned = false;
    Delivery delivery = Delivery::None;
    bool hasReply = false;
    QString replySender;
    QString replyText;
    QVector<Reaction> reactions;
    // A member event ("Ana added Bo"): painted as a centred line of systemText, no bubble.
    bool system = false;
    QString systemText;
    // The `@username` of members in the text, and whether one of them names the viewer.
    QVector<mention::Span> mentions;
    bool mentionsMe = false;

    bool showDay = false;     // the first message of its day: a separator above
    bool groupStart = true;   // the first of a run by one sender within a minute
    bool groupEnd = true;     // the last of that run
    bool showSender = false;  // the sender's name on top of the bubble

    bool operator==(const MessageItem&) const = default;
};

}  // namespace client::ui
