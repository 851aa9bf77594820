#include "client/ui/chat_rail.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/chat_filter_model.h"
#include "client/ui/chat_list_delegate.h"
#include "client/ui/connection_indicator.h"
#include "client/ui/create_group_dialog.h"
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
    connect(addFriend, &QPushButton::clicked, this, &ChatRail::contactsRequested);
    m_noMatch = new EmptyState(IconSet::Glyph::Search, tr("No chats found"),
                               tr("No chat name matches your search."), this);
    m_noMatch->setObjectName(QStringLiteral("chatListNoMatch"));

    m_filter = new ChatFilterModel(this);
    m_filter->setSourceModel(&account.chats());
    m_list = new QListView(this);
    m_list->setObjectName(QStringLiteral("chatList"));
    m_list->setModel(m_filter);
    m_list->setItemDelegate(new ChatListDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setMouseTracking(true);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setAccessibleName(tr("Chats"));
    connect(
        m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
        [this](const QModelIndex& current) {
            // Only the user's own moves open a chat: a filter or a reorder that shifts the current
            // row while the search field has focus must not switch chats.
            if (current.isValid() && m_list->hasFocus()) {
                Q_EMIT chatActivated(current.data(models::ChatListModel::ChatIdRole).toLongLong());
            }
        });
    // A click on the row already current (say, back from the Friends view) opens it again.
    connect(m_list, &QListView::clicked, this, [this](const QModelIndex& index) {
        Q_EMIT chatActivated(index.data(models::ChatListModel::ChatIdRole).toLongLong());
    });
    connect(m_search, &QLineEdit::textChanged, this, [this](const QString& text) {
        m_filter->setFilterFixedString(text.trimmed());
        refreshEmpty();
    });
    m_search->installEventFilter(this);
    connect(m_filter, &QAbstractItemModel::rowsInserted, this, &ChatRail::refreshEmpty);
    connect(m_filter, &QAbstractItemModel::rowsRemoved, this, &ChatRail::refreshEmpty);
    connect(m_filter, &QAbstractItemModel::modelReset, this, &ChatRail::refreshEmpty);
    m_body = new QStackedWidget(this);
    m_body->addWidget(m_list);
    m_body->addWidget(m_empty);
    m_body->addWidget(m_noMatch);

    auto* searchRow = new QVBoxLayout;
    searchRow->setContentsMargins(12, 12, 12, 4);
    searchRow->addWidget(m_search);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(buildHeader(userMenu));
    layout->addLayout(searchRow);
    layout->addSpacing(4);
    layout->addWidget(m_body, 1);

    auto* newGroupAction = new QAction(tr("New group"), this);
    newGroupAction->setObjectName(QStringLiteral("newGroupAction"));
    newGroupAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    newGroupAction->setShortcutContext(Qt::WindowShortcut);
    connect(newGroupAction, &QAction::triggered, this, &ChatRail::newGroup);
    addAction(newGroupAction);

    connect(&account, &app::Account::profileChanged, this, &ChatRail::refreshProfile);
    refreshProfile();
    refreshIcons();
    refreshEmpty();
}

void ChatRail::refreshEmpty() {
    if (m_account.chats().rowCount() == 0) {
        m_body->setCurrentWidget(m_empty);
    } else {
        m_body->setCurrentWidget(m_filter->rowCount() == 0 ? static_cast<QWidget*>(m_noMatch)
                                                           : m_list);
    }
}

void ChatRail::selectChat(qint64 chatId) {
    if (chatId == 0) {
        m_list->selectionModel()->clear();
        return;
    }
    int row = m_account.chats().rowOf(chatId);
    if (row < 0) {
        return;
    }
    QModelIndex index = m_filter->mapFromSource(m_account.chats().index(row));
    if (!index.isValid()) {
        m_search->clear();
        index = m_filter->mapFromSource(m_account.chats().index(row));
    }
    if (m_list->currentIndex() != index) {
        m_list->setCurrentIndex(index);
    }
    m_list->scrollTo(index);
}

void ChatRail::newGroup() {
    auto* dialog = CreateGroupDialog::open(this, m_account);
    connect(dialog, &CreateGroupDialog::created, this, [this](qint64 chatId) {
        m_list->setFocus();
        Q_EMIT chatActivated(chatId);
    });
}

qint64 ChatRail::selectedChat() const {
    return m_list->currentIndex().data(models::ChatListModel::ChatIdRole).toLongLong();
}

bool ChatRail::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_search && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) &&
            m_filter->rowCount() > 0) {
            m_list->setFocus();
            m_list->setCurrentIndex(m_filter->index(0, 0));
            Q_EMIT chatActivated(selectedChat());
            return true;
        }
        if (key->key() == Qt::Key_Down && m_filter->rowCount() > 0) {
            m_list->setFocus();
            if (!m_list->currentIndex().isValid()) {
                m_list->setCurrentIndex(m_filter->index(0, 0));
            }
            return true;
        }
        if (key->key() == Qt::Key_Escape && !m_search->text().isEmpty()) {
            m_search->clear();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
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

    m_contactsButton = new QPushButton(header);
    m_contactsButton->setObjectName(QStringLiteral("contactsButton"));
    m_contactsButton->setToolTip(tr("Friends"));
    m_contactsButton->setAccessibleName(tr("Friends"));
    m_contactsButton->setCursor(Qt::PointingHandCursor);
    m_contactsButton->setIconSize(QSize(20, 20));
    style::set(m_contactsButton, style::Button::Icon);
    connect(m_contactsButton, &QPushButton::clicked, this, &ChatRail::contactsRequested);

    m_newGroupButton = new QPushButton(header);
    m_newGroupButton->setObjectName(QStringLiteral("newGroupButton"));
    m_newGroupButton->setToolTip(tr("New group (Ctrl+Shift+N)"));
    m_newGroupButton->setAccessibleName(tr("New group"));
    m_newGroupButton->setCursor(Qt::PointingHandCursor);
    m_newGroupButton->setIconSize(QSize(20, 20));
    style::set(m_newGroupButton, style::Button::Icon);
    connect(m_newGroupButton, &QPushButton::clicked, this, &ChatRail::newGroup);

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(m_name);
    text->addWidget(m_indicator);

    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(14, 12, 10, 12);
    layout->setSpacing(10);
    layout->addWidget(m_avatar);
    layout->addLayout(text, 1);
    layout->addWidget(m_newGroupButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_contactsButton, 0, Qt::AlignVCenter);
    layout->addWidget(m_menuButton, 0, Qt::AlignVCenter);
    return header;
}

void ChatRail::refreshProfile() {
    const QString name =
        m_account.displayName().isEmpty() ? m_account.username() : m_account.displayName();
    m_avatar->setIdentity(name, AvatarWidget::seedOf(m_account.username()));
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
    m_contactsButton->setIcon(
        IconSet::icon(IconSet::Glyph::People, palette().color(QPalette::Text)));
    m_newGroupButton->setIcon(IconSet::icon(IconSet::Glyph::Plus, palette().color(QPalette::Text)));
    m_searchIcon->setIcon(IconSet::icon(IconSet::Glyph::Search, secondary, 16));
}

}  // namespace client::ui
