// The details pane of a direct chat: the peer's avatar, name, username and presence.
#pragma once

#include <QFrame>

#include "client/app/account.h"

class QLabel;

namespace client::ui {

class AvatarWidget;

class PeerDetails : public QFrame {
    Q_OBJECT
public:
    explicit PeerDetails(app::Account& account, QWidget* parent = nullptr);

    // Shows the peer of the chat; false when the chat is not a cached direct chat.
    bool setChat(qint64 chatId);

private:
    void refresh();

    app::Account& m_account;
    qint64 m_chatId = 0;
    AvatarWidget* m_avatar;
    QLabel* m_name;
    QLabel* m_username;
    QLabel* m_presence;
};

}  // namespace client::ui
