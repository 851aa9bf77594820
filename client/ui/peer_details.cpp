#include "client/ui/peer_details.h"

#include <QLabel>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

PeerDetails::PeerDetails(app::Account& account, QWidget* parent)
    : QFrame(parent),
      m_account(account),
      m_avatar(new AvatarWidget(88, this)),
      m_name(new QLabel(this)),
      m_username(new QLabel(this)),
      m_presence(new QLabel(this)) {
    setObjectName(QStringLiteral("peerDetails"));
    m_name->setObjectName(QStringLiteral("peerDetailsName"));
    m_username->setObjectName(QStringLiteral("peerDetailsUsername"));
    m_presence->setObjectName(QStringLiteral("peerDetailsPresence"));
    for (QLabel* label : {m_name, m_username, m_presence}) {
        label->setAlignment(Qt::AlignCenter);
        label->setTextFormat(Qt::PlainText);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    style::set(m_name, style::Text::Headline);
    style::set(m_username, style::Text::Secondary);
    style::set(m_presence, style::Text::Caption);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(20, 32, 20, 20);
    layout->setSpacing(6);
    layout->addWidget(m_avatar, 0, Qt::AlignHCenter);
    layout->addSpacing(10);
    layout->addWidget(m_name);
    layout->addWidget(m_username);
    layout->addWidget(m_presence);
    layout->addStretch(1);

    connect(&account.chatCache(), &cache::ChatCache::chatChanged, this, [this](qint64 chatId) {
        if (chatId == m_chatId) {
            refresh();
        }
    });
    connect(&account, &app::Account::presenceChanged, this, &PeerDetails::refresh);
}

bool PeerDetails::setChat(qint64 chatId) {
    m_chatId = chatId;
    const auto chat = m_account.chatCache().chat(chatId);
    if (!chat || !chat->peer) {
        return false;
    }
    refresh();
    return true;
}

void PeerDetails::refresh() {
    const auto chat = m_account.chatCache().chat(m_chatId);
    if (!chat || !chat->peer) {
        return;
    }
    const cache::UserRow& peer = *chat->peer;
    const QString name = peer.displayName.isEmpty() ? peer.username : peer.displayName;
    m_avatar->setIdentity(name, AvatarWidget::seedOf(peer.username));
    m_name->setText(name);
    m_username->setText(QStringLiteral("@") + peer.username);
    QString presence =
        peer.online ? tr("online") : timefmt::lastSeen(timefmt::fromMs(peer.lastSeen.value_or(0)));
    m_presence->setText(presence.isEmpty() ? tr("offline") : presence);
}

}  // namespace client::ui
