#include "client/ui/conversation_view.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QListView>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/composer.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/conversation_header.h"
#include "client/ui/conversation_model.h"
#include "client/ui/icon_set.h"
#include "client/ui/message_delegate.h"
#include "client/ui/message_search_panel.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {
using Model = models::MessageListModel;
constexpr int kBottomSlack = 24;    // px from the end that still count as "at the latest"
constexpr int kFetchMargin = 300;   // px from the top where older history starts loading
constexpr int kPrepareMargin = 60;  // rows beyond the viewport whose texts are loaded ahead
const QStringList kQuickReactions{QStringLiteral("👍"), QStringLiteral("❤️"),
                                  QStringLiteral("😂"), QStringLiteral("😮"),
                                  QStringLiteral("😢"), QStringLiteral("🙏")};
}  // namespace

ConversationView::ConversationView(app::Account& account, QWidget* parent)
    : QFrame(parent),
      m_account(account),
      m_header(new ConversationHeader(this)),
      m_list(new QListView(this)),
      m_delegate(new MessageDelegate(m_list)),
      m_composer(new Composer(this)),
      m_search(nullptr),
      m_jump(new QPushButton(this)),
      m_jumpBadge(new QLabel(m_jump)) {
    setObjectName(QStringLiteral("conversationView"));
    m_list->setObjectName(QStringLiteral("messageList"));
    m_list->setUniformItemSizes(false);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setMouseTracking(true);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setItemDelegate(m_delegate);
    m_list->setAccessibleName(tr("Messages"));
    m_list->verticalScrollBar()->setSingleStep(24);
    m_list->installEventFilter(this);

    m_search = new MessageSearchPanel(
        [this](const QString& words) { return m_account.searchMessages(m_chatId, words); }, this);

    m_jump->setObjectName(QStringLiteral("jumpToLatest"));
    m_jump->setToolTip(tr("Jump to the latest message"));
    m_jump->setAccessibleName(tr("Jump to latest"));
    m_jump->setCursor(Qt::PointingHandCursor);
    m_jump->setFixedSize(42, 42);
    m_jump->setIconSize(QSize(20, 20));
    m_jump->hide();
    m_jumpBadge->setObjectName(QStringLiteral("jumpBadge"));
    m_jumpBadge->setAlignment(Qt::AlignCenter);
    m_jumpBadge->setMinimumSize(20, 20);
    m_jumpBadge->hide();
    connect(m_jump, &QPushButton::clicked, this, &ConversationView::scrollToLatest);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_header);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_composer);

    connect(m_header, &ConversationHeader::searchRequested, this, &ConversationView::openSearch);
    connect(m_header, &ConversationHeader::detailsRequested, this,
            [this] { Q_EMIT groupDetailsRequested(m_chatId); });
    connect(m_search, &MessageSearchPanel::messageChosen, this,
            [this](qint64 id) { jumpToMessage(id); });
    auto* find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, &ConversationView::openSearch);
    auto* copy = new QShortcut(QKeySequence::Copy, m_list);
    copy->setContext(Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, &ConversationView::copySelected);

    connect(m_list, &QListView::customContextMenuRequested, this,
            &ConversationView::showContextMenu);
    connect(m_list->verticalScrollBar(), &QScrollBar::valueChanged, this,
            &ConversationView::onScrolled);
    connect(m_list->verticalScrollBar(), &QScrollBar::rangeChanged, this, [this] {
        if (m_anchor.isValid()) {
            const int delta = m_list->visualRect(m_anchor).top() - m_anchorTop;
            m_anchor = QPersistentModelIndex();
            m_list->verticalScrollBar()->setValue(m_list->verticalScrollBar()->value() + delta);
        } else if (m_wasAtBottom) {
            m_list->scrollToBottom();
        }
        // A short page that does not fill the view cannot be scrolled up: load more at once.
        if (m_model && m_list->verticalScrollBar()->maximum() == 0 && m_model->hasOlder()) {
            QMetaObject::invokeMethod(
                this,
                [this] {
                    if (m_model) {
                        m_model->fetchOlder();
                    }
                },
                Qt::QueuedConnection);
        }
    });

    connect(m_delegate, &MessageDelegate::linkActivated, this,
            [](const QUrl& url) { QDesktopServices::openUrl(url); });
    connect(m_delegate, &MessageDelegate::reactionClicked, this, &ConversationView::toggleReaction);
    connect(m_delegate, &MessageDelegate::retryClicked, this, [this](const QModelIndex& index) {
        m_account.retryFailed(index.data(Model::ClientIdRole).toString());
    });
    connect(m_delegate, &MessageDelegate::quoteClicked, this, [this](const QModelIndex& index) {
        jumpToMessage(index.data(Model::ReplyToRole).toLongLong());
    });

    connect(m_composer, &Composer::sendRequested, this, [this](const QString& text, qint64 reply) {
        if (m_chatId == 0) {
            return;
        }
        m_account.sendMessage(m_chatId, text, reply);
        scrollToLatest();
    });
    connect(m_composer, &Composer::editRequested, this,
            [this](qint64 id, const QString& text) { m_account.editMessage(id, text); });
    connect(m_composer, &Composer::groupChanged, this, [this] {
        applyMentionContext();
        m_list->viewport()->update();
    });
    connect(m_composer, &Composer::typing, this, [this] {
        if (m_chatId != 0) {
            m_account.sendTyping(m_chatId);
        }
    });
    connect(m_composer, &Composer::editLastRequested, this, [this] {
        if (!m_source) {
            return;
        }
        const int row = m_source->rowOfMessage(m_source->lastOwnMessageId());
        if (row >= 0) {
            editMessage(m_model->index(row, 0));
        }
    });

    connect(&account, &app::Account::typing, this, [this](qint64 chatId, qint64) {
        if (chatId == m_chatId) {
            m_header->showTyping();
        }
    });
    connect(&account, &app::Account::presenceChanged, this, [this](qint64 userId, bool) {
        if (userId == peerId() || m_header->isGroup()) {
            refreshHeader();
        }
    });
    const auto groupChanged = [this](qint64 chatId) {
        if (chatId == m_chatId) {
            refreshHeader();
        }
    };
    connect(&account.chatCache(), &cache::ChatCache::membersReset, this, groupChanged);
    connect(&account.chatCache(), &cache::ChatCache::memberChanged, this,
            [groupChanged](qint64 chatId, qint64) { groupChanged(chatId); });
    connect(&account.chatCache(), &cache::ChatCache::chatChanged, this, [this](qint64 chatId) {
        if (chatId == m_chatId) {
            refreshHeader();
        }
    });
    changeEvent(nullptr);
}

ConversationView::~ConversationView() {
    m_list->setModel(nullptr);
}

qint64 ConversationView::peerId() const {
    if (m_chatId == 0) {
        return 0;
    }
    const auto chat = m_account.chatCache().chat(m_chatId);
    return chat && chat->peer ? chat->peer->id : 0;
}

void ConversationView::setChat(qint64 chatId) {
    if (chatId == m_chatId && m_model) {
        return;
    }
    m_search->close();
    m_composer->cancel();
    m_composer->setText({});
    m_list->setModel(nullptr);
    m_model.reset();
    m_source.reset();
    m_delegate->clearCache();
    m_chatId = chatId;
    m_unseen = 0;
    m_anchor = QPersistentModelIndex();
    // Drops every group rule for a direct chat or none; a group's follow the cache live.
    m_composer->followGroup(m_account, chatId);
    applyMentionContext();
    if (chatId == 0) {
        return;
    }
    m_source = m_account.openChat(chatId);
    m_model = std::make_unique<ConversationModel>(*m_source);
    m_list->setModel(m_model.get());
    connect(m_model.get(), &QAbstractItemModel::rowsAboutToBeInserted, this,
            [this](const QModelIndex&, int first, int) { onRowsAboutToBeInserted(first); });
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this,
            [this](const QModelIndex&, int first, int last) { onRowsInserted(first, last); });
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, [this] {
        if (m_wasAtBottom) {
            m_list->scrollToBottom();
        }
    });
    refreshHeader();
    m_wasAtBottom = true;
    m_list->scrollToBottom();
    refreshJump();
    m_composer->editor()->setFocus();
    maybeMarkRead();
}

void ConversationView::applyMentionContext() {
    m_delegate->setMentionContext(m_account.username(), m_composer->memberUsernames());
    m_delegate->clearCache();
}

void ConversationView::refreshHeader() {
    const auto chat = m_account.chatCache().chat(m_chatId);
    if (!chat) {
        return;
    }
    const QString title = chat->title();
    const qint64 seed = AvatarWidget::seedOf(chat->peer ? chat->peer->username : chat->name);
    if (m_header->title() != title || m_header->isGroup() == chat->peer.has_value()) {
        m_header->setPeer(title, seed);
    }
    if (chat->peer) {
        m_header->setPresence(chat->peer->online,
                              timefmt::fromMs(chat->peer->lastSeen.value_or(0)));
    } else if (const auto group = m_account.chatCache().group(m_chatId)) {
        m_header->setGroupStatus(group->memberCount, group->onlineCount);
    }
    m_composer->setPlaceholder(tr("Message %1").arg(title));
}

bool ConversationView::isAtBottom() const {
    const QScrollBar* bar = m_list->verticalScrollBar();
    return bar->value() >= bar->maximum() - kBottomSlack;
}

void ConversationView::scrollToLatest() {
    m_list->scrollToBottom();
    m_wasAtBottom = true;
    m_unseen = 0;
    refreshJump();
    maybeMarkRead();
}

void ConversationView::onRowsAboutToBeInserted(int first) {
    if (first != 0 || m_model->rowCount() == 0) {
        return;
    }
    // Older history: remember where the first visible message is, to keep it there.
    const QModelIndex top = m_list->indexAt(QPoint(10, 1));
    if (top.isValid()) {
        m_anchor = top;
        m_anchorTop = m_list->visualRect(top).top();
    }
}

void ConversationView::onRowsInserted(int first, int last) {
    if (first == 0 && m_model->rowCount() > last + 1) {
        return;  // an older page; the range change restores the position
    }
    if (m_wasAtBottom) {
        m_list->scrollToBottom();
        maybeMarkRead();
        return;
    }
    for (int row = first; row <= last; ++row) {
        if (!m_model->index(row, 0).data(Model::IsOwnRole).toBool()) {
            ++m_unseen;
        }
    }
    refreshJump();
}

void ConversationView::onScrolled() {
    if (m_source) {
        // The model keeps texts only near the rows read last: the rows coming into view get
        // theirs now, while the view scrolls, not in the middle of a paint.
        const QModelIndex top = m_list->indexAt(QPoint(10, 1));
        const QModelIndex bottom = m_list->indexAt(QPoint(10, m_list->viewport()->height() - 1));
        const int first = top.isValid() ? top.row() : 0;
        const int last = bottom.isValid() ? bottom.row() : m_source->rowCount() - 1;
        m_source->prepareRows(first - kPrepareMargin, last + kPrepareMargin);
    }
    m_wasAtBottom = isAtBottom();
    if (m_wasAtBottom) {
        m_unseen = 0;
        maybeMarkRead();
    }
    refreshJump();
    if (m_model && m_list->verticalScrollBar()->value() < kFetchMargin && m_model->hasOlder() &&
        !m_anchor.isValid()) {
        m_model->fetchOlder();
    }
}

void ConversationView::maybeMarkRead() {
    if (!m_model || !isAtBottom() || !window()->isActiveWindow() || !isVisible()) {
        return;
    }
    const qint64 seq = m_model->latestSeq();
    if (seq > 0) {
        m_account.markRead(m_chatId, seq);
    }
}

void ConversationView::refreshJump() {
    const bool show = m_model && !m_wasAtBottom;
    m_jump->setVisible(show);
    m_jumpBadge->setVisible(show && m_unseen > 0);
    m_jumpBadge->setText(m_unseen > 99 ? QStringLiteral("99+") : QString::number(m_unseen));
    m_jumpBadge->adjustSize();
    placeOverlays();
}

void ConversationView::placeOverlays() {
    const QRect list = m_list->geometry();
    m_jump->move(list.right() - m_jump->width() - 18, list.bottom() - m_jump->height() - 14);
    m_jump->raise();
    m_jumpBadge->move((m_jump->width() - m_jumpBadge->width()) / 2, 0);
    const int width = qMin(420, list.width() - 32);
    m_search->setGeometry(list.right() - width - 12, list.top() + 8, width,
                          qMin(360, list.height() - 16));
    m_search->raise();
}

void ConversationView::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    placeOverlays();
}

void ConversationView::changeEvent(QEvent* event) {
    if (event == nullptr || event->type() == QEvent::PaletteChange) {
        m_jump->setIcon(IconSet::icon(IconSet::Glyph::ArrowDown, palette().color(QPalette::Text)));
        m_delegate->clearCache();
    }
    if (event != nullptr && event->type() == QEvent::ActivationChange) {
        maybeMarkRead();
    }
    if (event != nullptr) {
        QFrame::changeEvent(event);
    }
}

bool ConversationView::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape && m_search->isVisible()) {
            m_search->close();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void ConversationView::openSearch() {
    if (m_chatId == 0) {
        return;
    }
    placeOverlays();
    m_search->open();
}

bool ConversationView::jumpToMessage(qint64 messageId) {
    if (!m_source || messageId <= 0) {
        return false;
    }
    int row = m_source->rowOfMessage(messageId);
    // Search results come from the cache, so the message is at most a few cached pages up.
    for (int pages = 0; row < 0 && pages < 200 && m_model->hasOlder(); ++pages) {
        m_model->fetchOlder();
        row = m_source->rowOfMessage(messageId);
    }
    if (row < 0) {
        return false;
    }
    const QModelIndex index = m_model->index(row, 0);
    m_anchor = QPersistentModelIndex();
    m_wasAtBottom = false;
    m_list->scrollTo(index, QAbstractItemView::PositionAtCenter);
    m_list->setCurrentIndex(index);
    m_search->hide();
    refreshJump();
    return true;
}

void ConversationView::copySelected() {
    const QModelIndex index = m_list->currentIndex();
    if (!index.isValid() || index.data(Model::DeletedRole).toBool()) {
        return;
    }
    const MessageItem item = MessageDelegate::itemAt(index);
    QApplication::clipboard()->setText(item.system ? item.systemText : item.text);
}

void ConversationView::replyTo(const QModelIndex& index) {
    const MessageItem item = MessageDelegate::itemAt(index);
    if (item.id > 0 && !item.deleted) {
        m_composer->startReply(item.id, item.own ? tr("yourself") : item.senderName, item.text);
    }
}

void ConversationView::editMessage(const QModelIndex& index) {
    const MessageItem item = MessageDelegate::itemAt(index);
    if (item.own && item.id > 0 && !item.deleted) {
        m_composer->startEdit(item.id, item.text);
    }
}

void ConversationView::deleteMessage(const QModelIndex& index) {
    const qint64 id = index.data(Model::MessageIdRole).toLongLong();
    if (id <= 0) {
        return;
    }
    ConfirmOverlay::ask(this, tr("Delete message?"),
                        tr("It will be replaced by “This message was deleted” for everyone in "
                           "the chat."),
                        tr("Delete"), [this, id] { m_account.deleteMessage(id); });
}

void ConversationView::toggleReaction(const QModelIndex& index, const QString& emoji) {
    const qint64 id = index.data(Model::MessageIdRole).toLongLong();
    if (id <= 0) {
        return;
    }
    bool mine = false;
    for (const QVariant& value : index.data(Model::ReactionsRole).toList()) {
        const QVariantMap map = value.toMap();
        if (map.value(QStringLiteral("emoji")).toString() == emoji) {
            mine = map.value(QStringLiteral("mine")).toBool();
        }
    }
    m_account.react(id, emoji, !mine);
}

void ConversationView::showContextMenu(const QPoint& pos) {
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid()) {
        return;
    }
    m_list->setCurrentIndex(index);
    const QPersistentModelIndex row(index);
    const MessageItem item = MessageDelegate::itemAt(index);
    const bool confirmed = item.id > 0;
    QMenu menu(this);
    menu.setObjectName(QStringLiteral("messageMenu"));
    if (item.system) {
        // A member event: nothing to react to, reply to, pin or edit.
        menu.addAction(tr("Copy text"), this, [this] { copySelected(); });
    } else if (confirmed && !item.deleted) {
        QMenu* react = menu.addMenu(tr("React"));
        for (const QString& emoji : kQuickReactions) {
            react->addAction(emoji, this, [this, row, emoji] { toggleReaction(row, emoji); });
        }
        menu.addAction(tr("Reply"), this, [this, row] { replyTo(row); });
        menu.addAction(tr("Copy text"), this, [this] { copySelected(); });
        menu.addAction(item.pinned ? tr("Unpin") : tr("Pin"), this,
                       [this, item] { m_account.pin(m_chatId, item.id, !item.pinned); });
        if (item.own) {
            menu.addSeparator();
            menu.addAction(tr("Edit"), this, [this, row] { editMessage(row); });
            menu.addAction(tr("Delete"), this, [this, row] { deleteMessage(row); });
        }
    } else if (item.delivery == MessageItem::Delivery::Failed) {
        const QString clientId = index.data(Model::ClientIdRole).toString();
        menu.addAction(tr("Retry"), this, [this, clientId] { m_account.retryFailed(clientId); });
    }
    if (!menu.isEmpty()) {
        menu.exec(m_list->viewport()->mapToGlobal(pos));
    }
}

}  // namespace client::ui
