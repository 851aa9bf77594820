#include "client/ui/contacts_panel.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/contact_delegate.h"
#include "client/ui/empty_state.h"
#include "client/ui/segmented_control.h"
#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {
using Friends = models::FriendListModel;
using Requests = models::RequestListModel;
using Search = models::UserSearchModel;
using Blocked = models::BlockedListModel;
using Button = ContactDelegate::Button;

QString presenceLine(const QString& username, bool online, const QDateTime& lastSeen) {
    if (online) {
        return ContactsPanel::tr("online");
    }
    const QString seen = timefmt::lastSeen(lastSeen);
    return seen.isEmpty() ? QStringLiteral("@%1").arg(username)
                          : QStringLiteral("@%1 · %2").arg(username, seen);
}
}  // namespace

ContactsPanel::ContactsPanel(app::Account& account, QWidget* parent)
    : QFrame(parent),
      m_account(account),
      m_tabs(new SegmentedControl({tr("Friends"), tr("Requests"), tr("Add friend"), tr("Blocked")},
                                  this)),
      m_pages(new QStackedWidget(this)),
      m_searchField(new QLineEdit(this)) {
    setObjectName(QStringLiteral("contactsPanel"));
    setAttribute(Qt::WA_StyledBackground, true);
    m_tabs->setObjectName(QStringLiteral("contactsTabs"));

    auto* title = new QLabel(tr("Friends"), this);
    style::set(title, style::Text::Headline);

    m_searchField->setObjectName(QStringLiteral("userSearchEdit"));
    m_searchField->setPlaceholderText(tr("Search people by username"));
    m_searchField->setClearButtonEnabled(true);
    m_searchDebounce.setSingleShot(true);
    m_searchDebounce.setInterval(250);
    connect(m_searchField, &QLineEdit::textChanged, this, [this] { m_searchDebounce.start(); });
    connect(&m_searchDebounce, &QTimer::timeout, this, [this] {
        const QString query = m_searchField->text().trimmed();
        if (query.isEmpty()) {
            m_account.userSearch().clear();
        } else {
            m_account.searchUsers(query);
        }
    });

    m_pages->addWidget(buildPage(
        Tab::Friends, &account.friends(),
        new EmptyState(IconSet::Glyph::People, tr("No friends yet"),
                       tr("Open “Add friend” and search for someone’s username to send them a "
                          "request."))));
    m_pages->addWidget(buildPage(
        Tab::Requests, &account.requests(),
        new EmptyState(IconSet::Glyph::Plus, tr("No pending requests"),
                       tr("Requests you send or receive show up here until they are answered."))));
    m_pages->addWidget(buildPage(
        Tab::Add, &account.userSearch(),
        new EmptyState(IconSet::Glyph::Search, tr("Find people"),
                       tr("Type the first letters of a username or a name to find someone.")),
        m_searchField));
    m_pages->addWidget(buildPage(
        Tab::Blocked, &account.blocked(),
        new EmptyState(IconSet::Glyph::Shield, tr("Nobody is blocked"),
                       tr("People you block can’t message you or see when you’re online. Block "
                          "someone from the menu of your friends list."))));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 12);
    layout->setSpacing(14);
    layout->addWidget(title);
    layout->addWidget(m_tabs, 0, Qt::AlignLeft);
    layout->addWidget(m_pages, 1);

    connect(m_tabs, &SegmentedControl::currentIndexChanged, this, [this](int index) {
        m_pages->setCurrentIndex(index);
        if (index == static_cast<int>(Tab::Add)) {
            m_searchField->setFocus();
        }
    });
    for (QAbstractItemModel* model : {static_cast<QAbstractItemModel*>(&account.friends()),
                                      static_cast<QAbstractItemModel*>(&account.requests()),
                                      static_cast<QAbstractItemModel*>(&account.userSearch()),
                                      static_cast<QAbstractItemModel*>(&account.blocked())}) {
        for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved}) {
            connect(model, signal, this, [this] {
                refreshEmptyStates();
                refreshTabLabels();
            });
        }
        connect(model, &QAbstractItemModel::modelReset, this, [this] {
            refreshEmptyStates();
            refreshTabLabels();
        });
    }
    // A friend or request change alters the buttons of the search results.
    auto repaintSearch = [this] {
        m_lists.value(static_cast<int>(Tab::Add))->viewport()->update();
    };
    connect(&account.friends(), &QAbstractItemModel::modelReset, this, repaintSearch);
    connect(&account.requests(), &QAbstractItemModel::modelReset, this, repaintSearch);
    connect(&account.requests(), &QAbstractItemModel::rowsInserted, this, repaintSearch);
    connect(&account.requests(), &QAbstractItemModel::rowsRemoved, this, repaintSearch);
    connect(&account, &app::Account::actionFailed, this, [this](const QString&) {
        m_requested.clear();
        m_lists.value(static_cast<int>(Tab::Add))->viewport()->update();
    });
    refreshEmptyStates();
    refreshTabLabels();
}

QWidget* ContactsPanel::buildPage(Tab tab, QAbstractItemModel* model, EmptyState* empty,
                                  QWidget* top) {
    auto* page = new QWidget(this);
    auto* stack = new QStackedWidget(page);
    auto* list = new QListView(stack);
    list->setObjectName(QStringLiteral("contactList"));
    list->setModel(model);
    list->setMouseTracking(true);
    list->setSelectionMode(QAbstractItemView::NoSelection);
    list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    list->setUniformItemSizes(true);
    auto* delegate = new ContactDelegate(
        [this, tab](const QModelIndex& index) {
            ContactDelegate::Row row;
            switch (tab) {
                case Tab::Friends: {
                    row.name = index.data(Friends::DisplayNameRole).toString();
                    row.seed = AvatarWidget::seedOf(index.data(Friends::UsernameRole).toString());
                    row.online = index.data(Friends::OnlineRole).toBool();
                    row.subtitle =
                        presenceLine(index.data(Friends::UsernameRole).toString(), row.online,
                                     index.data(Friends::LastSeenRole).toDateTime());
                    row.buttons = {
                        {QStringLiteral("message"), tr("Message"), Button::Style::Primary},
                        {QStringLiteral("more"), QStringLiteral("⋯"), Button::Style::Secondary}};
                    break;
                }
                case Tab::Requests: {
                    const bool incoming = index.data(Requests::IncomingRole).toBool();
                    row.name = index.data(Requests::DisplayNameRole).toString();
                    row.seed = AvatarWidget::seedOf(index.data(Requests::UsernameRole).toString());
                    row.subtitle =
                        (incoming ? tr("@%1 · wants to be your friend") : tr("@%1 · request sent"))
                            .arg(index.data(Requests::UsernameRole).toString());
                    if (incoming) {
                        row.buttons = {
                            {QStringLiteral("decline"), tr("Decline"), Button::Style::Secondary},
                            {QStringLiteral("accept"), tr("Accept"), Button::Style::Primary}};
                    } else {
                        row.buttons = {
                            {QStringLiteral("withdraw"), tr("Withdraw"), Button::Style::Secondary}};
                    }
                    break;
                }
                case Tab::Add: {
                    const qint64 id = index.data(Search::UserIdRole).toLongLong();
                    row.name = index.data(Search::DisplayNameRole).toString();
                    row.seed = AvatarWidget::seedOf(index.data(Search::UsernameRole).toString());
                    row.online = index.data(Search::OnlineRole).toBool();
                    row.subtitle =
                        QStringLiteral("@%1").arg(index.data(Search::UsernameRole).toString());
                    if (m_account.friends().rowOf(id) >= 0) {
                        row.buttons = {
                            {QStringLiteral("friends"), tr("Friends"), Button::Style::Chip}};
                    } else if (incomingRequestFrom(id) >= 0) {
                        row.buttons = {
                            {QStringLiteral("accept"), tr("Accept"), Button::Style::Primary}};
                    } else if (m_requested.contains(id) || hasOutgoingRequestTo(id)) {
                        row.buttons = {
                            {QStringLiteral("requested"), tr("Requested"), Button::Style::Chip}};
                    } else {
                        row.buttons = {{QStringLiteral("add"), tr("Add"), Button::Style::Primary}};
                    }
                    break;
                }
                case Tab::Blocked:
                    row.name = index.data(Blocked::DisplayNameRole).toString();
                    row.seed = AvatarWidget::seedOf(index.data(Blocked::UsernameRole).toString());
                    row.subtitle =
                        tr("@%1 · blocked").arg(index.data(Blocked::UsernameRole).toString());
                    row.buttons = {
                        {QStringLiteral("unblock"), tr("Unblock"), Button::Style::Secondary}};
                    break;
            }
            return row;
        },
        list);
    list->setItemDelegate(delegate);
    connect(delegate, &ContactDelegate::actionTriggered, this,
            [this, tab](const QModelIndex& index, const QString& id, const QRect& anchor) {
                onAction(tab, index, id, anchor);
            });
    stack->addWidget(list);
    stack->addWidget(empty);
    m_lists.insert(static_cast<int>(tab), list);
    m_listOrEmpty.insert(static_cast<int>(tab), stack);
    m_delegates.insert(static_cast<int>(tab), delegate);

    auto* layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(10);
    if (top != nullptr) {
        layout->addWidget(top);
    }
    layout->addWidget(stack, 1);
    return page;
}

void ContactsPanel::onAction(Tab tab, const QModelIndex& index, const QString& actionId,
                             const QRect& anchor) {
    if (tab == Tab::Friends) {
        if (actionId == QLatin1String("message")) {
            Q_EMIT openChatRequested(index.data(Friends::ChatIdRole).toLongLong());
            return;
        }
        const int row = index.row();
        QMenu menu(this);
        menu.addAction(tr("Unfriend"), this, [this, row] { confirmUnfriend(row); });
        menu.addAction(tr("Block"), this, [this, row] { confirmBlock(row); });
        menu.exec(
            m_lists.value(static_cast<int>(tab))->viewport()->mapToGlobal(anchor.bottomLeft()));
        return;
    }
    if (tab == Tab::Requests) {
        const qint64 requestId = index.data(Requests::RequestIdRole).toLongLong();
        if (actionId == QLatin1String("accept")) {
            m_account.acceptRequest(requestId);
        } else if (actionId == QLatin1String("decline")) {
            m_account.declineRequest(requestId);
        } else if (actionId == QLatin1String("withdraw")) {
            m_account.withdrawRequest(requestId);
        }
        return;
    }
    if (tab == Tab::Add) {
        const qint64 userId = index.data(Search::UserIdRole).toLongLong();
        if (actionId == QLatin1String("add")) {
            m_requested.insert(userId);
            m_account.sendFriendRequest(userId);
        } else if (actionId == QLatin1String("accept")) {
            const int row = incomingRequestFrom(userId);
            if (row >= 0) {
                m_account.acceptRequest(
                    m_account.requests().index(row).data(Requests::RequestIdRole).toLongLong());
            }
        }
        m_lists.value(static_cast<int>(tab))->viewport()->update();
        return;
    }
    if (tab == Tab::Blocked && actionId == QLatin1String("unblock")) {
        m_account.unblock(index.data(Blocked::UserIdRole).toLongLong());
    }
}

void ContactsPanel::confirmUnfriend(int friendRow) {
    const QModelIndex index = m_account.friends().index(friendRow);
    const qint64 userId = index.data(Friends::UserIdRole).toLongLong();
    const QString name = index.data(Friends::DisplayNameRole).toString();
    ConfirmOverlay::ask(this, tr("Remove %1 from friends?").arg(name),
                        tr("Your chat history stays, but neither of you can send messages until "
                           "you are friends again."),
                        tr("Unfriend"), [this, userId] { m_account.unfriend(userId); });
}

void ContactsPanel::confirmBlock(int friendRow) {
    const QModelIndex index = m_account.friends().index(friendRow);
    const qint64 userId = index.data(Friends::UserIdRole).toLongLong();
    const QString name = index.data(Friends::DisplayNameRole).toString();
    ConfirmOverlay::ask(this, tr("Block %1?").arg(name),
                        tr("You will stop being friends. Neither of you can find the other, send "
                           "requests or see when the other is online."),
                        tr("Block"), [this, userId] { m_account.block(userId); });
}

bool ContactsPanel::hasOutgoingRequestTo(qint64 userId) const {
    const Requests& requests = m_account.requests();
    for (int row = 0; row < requests.rowCount(); ++row) {
        const QModelIndex index = requests.index(row);
        if (!index.data(Requests::IncomingRole).toBool() &&
            index.data(Requests::UserIdRole).toLongLong() == userId) {
            return true;
        }
    }
    return false;
}

int ContactsPanel::incomingRequestFrom(qint64 userId) const {
    const Requests& requests = m_account.requests();
    for (int row = 0; row < requests.rowCount(); ++row) {
        const QModelIndex index = requests.index(row);
        if (index.data(Requests::IncomingRole).toBool() &&
            index.data(Requests::UserIdRole).toLongLong() == userId) {
            return row;
        }
    }
    return -1;
}

void ContactsPanel::refreshEmptyStates() {
    for (auto it = m_listOrEmpty.cbegin(); it != m_listOrEmpty.cend(); ++it) {
        const bool empty = m_lists.value(it.key())->model()->rowCount() == 0;
        it.value()->setCurrentIndex(empty ? 1 : 0);
    }
}

void ContactsPanel::refreshTabLabels() {
    const int incoming = m_account.requests().incomingCount();
    m_tabs->button(static_cast<int>(Tab::Requests))
        ->setText(incoming > 0 ? tr("Requests (%1)").arg(incoming) : tr("Requests"));
}

void ContactsPanel::showTab(Tab tab) {
    m_tabs->setCurrentIndex(static_cast<int>(tab));
    m_pages->setCurrentIndex(static_cast<int>(tab));
}

ContactsPanel::Tab ContactsPanel::currentTab() const {
    return static_cast<Tab>(m_pages->currentIndex());
}

QListView* ContactsPanel::list(Tab tab) const {
    return m_lists.value(static_cast<int>(tab));
}

QRect ContactsPanel::buttonRect(Tab tab, int row, const QString& actionId) const {
    QListView* view = list(tab);
    const QModelIndex index = view->model()->index(row, 0);
    ContactDelegate* delegate = m_delegates.value(static_cast<int>(tab));
    QStyleOptionViewItem option;
    option.initFrom(view);
    option.rect = view->visualRect(index);
    const ContactDelegate::Row described = delegate->describe(index);
    const QVector<QRectF> rects = delegate->buttonRects(option, described);
    for (qsizetype i = 0; i < rects.size(); ++i) {
        if (described.buttons[i].id == actionId) {
            return rects[i].toAlignedRect();
        }
    }
    return {};
}

QStringList ContactsPanel::buttonLabels(Tab tab, int row) const {
    QListView* view = list(tab);
    const auto described =
        m_delegates.value(static_cast<int>(tab))->describe(view->model()->index(row, 0));
    QStringList labels;
    for (const auto& button : described.buttons) {
        labels << button.label;
    }
    return labels;
}

}  // namespace client::ui
