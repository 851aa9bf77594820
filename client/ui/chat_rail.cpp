#include "client/ui/chat_rail.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/connection_indicator.h"
#include "client/ui/empty_state.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

ChatRail::ChatRail(app::Account& account, QMenu* userMenu, QWidget* parent)
    : QFrame(parent), m_account(account) {
    setObjectName(QStringLiteral("chatRail"));
    style::set(this, style::Surface::Rail);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setPlaceholderText(tr("Search  (Ctrl+K)"));
    m_search->setClearButtonEnabled(true);
    m_searchIcon = new QAction(m_search);
    m_search->addAction(m_searchIcon, QLineEdit::LeadingPosition);

    m_empty = new EmptyState(IconSet::Glyph::People, tr("No chats yet"),
                             tr("Add a friend to start talking. Your conversations and groups "
                                "will show up here."),
                             this);
    m_empty->setObjectName(QStringLiteral("chatListEmptyState"));
    QPushButton* addFriend = m_empty->addAction(tr("Add friend"), IconSet::Glyph::Plus);
    addFriend->setObjectName(QStringLiteral("addFriendButton"));
    addFriend->setEnabled(false);
    addFriend->setToolTip(tr("Coming soon"));

    auto* searchRow = new QVBoxLayout;
    searchRow->setContentsMargins(12, 12, 12, 4);
    searchRow->addWidget(m_search);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader(userMenu));
    layout->addLayout(searchRow);
    layout->addWidget(m_empty, 1);

    connect(&account, &app::Account::profileChanged, this, &ChatRail::refreshProfile);
    refreshProfile();
    refreshIcons();
}

QWidget* ChatRail::buildHeader(QMenu* userMenu) {
    auto* header = new QFrame(this);
    header->setObjectName(QStringLiteral("railHeader"));
    style::set(header, style::Surface::Header);
    m_avatar = new AvatarWidget(40, header);
    m_avatar->setObjectName(QStringLiteral("userAvatar"));
    m_name = new QLabel(header);
    m_name->setObjectName(QStringLiteral("displayNameLabel"));
    style::set(m_name, style::Text::Title);
    m_indicator = new ConnectionIndicator(m_account, header);
    m_indicator->setObjectName(QStringLiteral("connectionIndicator"));

    m_menuButton = new QPushButton(header);
    m_menuButton->setObjectName(QStringLiteral("userMenuButton"));
    m_menuButton->setToolTip(tr("Menu"));
    m_menuButton->setAccessibleName(tr("Menu"));
    m_menuButton->setCursor(Qt::PointingHandCursor);
    m_menuButton->setIconSize(QSize(20, 20));
    m_menuButton->setMenu(userMenu);
    style::set(m_menuButton, style::Button::Icon);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_name);
    text->addWidget(m_indicator);

    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(14, 12, 10, 12);
    layout->setSpacing(10);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    layout->addWidget(m_menuButton, 0, Qt::AlignVCenter);
    return header;
}

void ChatRail::refreshProfile() {
    const QString name =
        m_account.displayName().isEmpty() ? m_account.username() : m_account.displayName();
    m_avatar->setIdentity(name, m_account.userId());
    m_name->setText(name);
    m_name->setToolTip(QStringLiteral("@%1").arg(m_account.username()));
}

void ChatRail::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        refreshIcons();
    }
    QFrame::changeEvent(event);
}

void ChatRail::refreshIcons() {
    if (m_menuButton == nullptr) {
        return;  // a palette change during construction, before the header exists
    }
    const QColor secondary = palette().color(QPalette::PlaceholderText);
    m_menuButton->setIcon(IconSet::icon(IconSet::Glyph::Menu, palette().color(QPalette::Text)));
    m_searchIcon->setIcon(IconSet::icon(IconSet::Glyph::Search, secondary, 16));
}

}  // namespace client::ui
