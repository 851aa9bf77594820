#include "client/ui/conversation_header.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/icon_set.h"
#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

ConversationHeader::ConversationHeader(QWidget* parent)
    : QFrame(parent),
      m_avatar(new AvatarWidget(40, this)),
      m_name(new QLabel(this)),
      m_status(new QLabel(this)),
      m_search(new QPushButton(this)) {
    setObjectName(QStringLiteral("conversationHeader"));
    setAttribute(Qt::WA_StyledBackground, true);
    m_name->setObjectName(QStringLiteral("peerName"));
    m_name->setTextFormat(Qt::PlainText);
    style::set(m_name, style::Text::Title);
    m_status->setObjectName(QStringLiteral("peerStatus"));
    style::set(m_status, style::Text::Caption);
    m_search->setObjectName(QStringLiteral("messageSearchButton"));
    m_search->setToolTip(tr("Search messages (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search messages"));
    m_search->setCursor(Qt::PointingHandCursor);
    m_search->setIconSize(QSize(20, 20));
    style::set(m_search, style::Button::Icon);
    connect(m_search, &QPushButton::clicked, this, &ConversationHeader::searchRequested);

    auto* text = new QVBoxLayout;
    text->setSpacing(1);
    text->addWidget(m_name);
    text->addWidget(m_status);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(16, 10, 12, 10);
    layout->setSpacing(12);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    layout->addWidget(m_search, 0, Qt::AlignVCenter);

    m_typing.setSingleShot(true);
    m_typing.setInterval(kTypingMs);
    connect(&m_typing, &QTimer::timeout, this, &ConversationHeader::refreshStatus);
    m_minuteTick.setInterval(30000);
    connect(&m_minuteTick, &QTimer::timeout, this, &ConversationHeader::refreshStatus);
    m_minuteTick.start();
    changeEvent(nullptr);
}

void ConversationHeader::setPeer(const QString& name, qint64 seed) {
    m_group = false;
    setCursor(Qt::ArrowCursor);
    setFocusPolicy(Qt::NoFocus);
    m_name->setText(name);
    m_avatar->setIdentity(name, seed);
    m_typing.stop();
    refreshStatus();
}

void ConversationHeader::setPresence(bool online, const QDateTime& lastSeen) {
    m_online = online;
    m_lastSeen = lastSeen;
    refreshStatus();
}

void ConversationHeader::setGroupStatus(qint64 memberCount, qint64 onlineCount) {
    m_group = true;
    m_memberCount = memberCount;
    m_onlineCount = onlineCount;
    setCursor(Qt::PointingHandCursor);
    setFocusPolicy(Qt::TabFocus);
    setToolTip(tr("Members and group settings"));
    refreshStatus();
}

void ConversationHeader::mouseReleaseEvent(QMouseEvent* event) {
    if (m_group && event->button() == Qt::LeftButton &&
        !m_search->geometry().contains(event->position().toPoint())) {
        Q_EMIT detailsRequested();
        return;
    }
    QFrame::mouseReleaseEvent(event);
}

void ConversationHeader::keyPressEvent(QKeyEvent* event) {
    if (m_group && (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter ||
                    event->key() == Qt::Key_Space)) {
        Q_EMIT detailsRequested();
        return;
    }
    QFrame::keyPressEvent(event);
}

void ConversationHeader::showTyping() {
    m_typing.start();
    refreshStatus();
}

QString ConversationHeader::statusText() const {
    return m_status->text();
}

QString ConversationHeader::title() const {
    return m_name->text();
}

void ConversationHeader::refreshStatus() {
    const bool typing = m_typing.isActive();
    QString text;
    if (typing) {
        text = tr("typing…");
    } else if (m_group) {
        text = m_memberCount == 1 ? tr("1 member") : tr("%1 members").arg(m_memberCount);
        if (m_onlineCount > 0) {
            text += tr(", %1 online").arg(m_onlineCount);
        }
    } else if (m_online) {
        text = tr("online");
    } else {
        text = timefmt::lastSeen(m_lastSeen);
        if (text.isEmpty()) {
            text = tr("offline");
        }
    }
    m_status->setText(text);
    m_status->setProperty("typing", typing);
    m_status->setProperty("online", m_online && !typing && !m_group);
    style::repolish(m_status);
}

void ConversationHeader::changeEvent(QEvent* event) {
    if (event == nullptr || event->type() == QEvent::PaletteChange) {
        m_search->setIcon(IconSet::icon(IconSet::Glyph::Search, palette().color(QPalette::Text)));
    }
    if (event != nullptr) {
        QFrame::changeEvent(event);
    }
}

}  // namespace client::ui
