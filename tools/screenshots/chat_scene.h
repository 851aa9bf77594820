// The demo the chat screenshots show: real accounts on the running server that become friends and
// hold a realistic conversation (a reply, an edit, a deletion, reactions, read ticks), plus a
// pending friend request.
#pragma once

#include <QString>
#include <QUrl>

#include "client/app/account.h"
#include "tools/screenshots/demo_cast.h"

namespace screenshots {

class ChatScene {
public:
    // `me` is the signed-in account the window shows; `hosts` already trusts the server.
    ChatScene(client::app::Account& me, client::app::KnownHosts& hosts, const QUrl& server);
    ~ChatScene();

    // Registers the others, makes friends and plays the conversation; false with why() on failure.
    bool build();
    QString why() const { return m_why; }
    qint64 chatId() const { return m_chatId; }

private:
    // Sends as `from` and waits until both sides hold it; returns the message id (0 on failure).
    qint64 say(client::app::Account& from, const QString& text, qint64 replyTo = 0);
    bool fail(const QString& why);

    client::app::Account& m_me;
    DemoCast m_cast;
    qint64 m_chatId = 0;
    QString m_why;
};

}  // namespace screenshots
