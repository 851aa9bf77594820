#include "client/ui/message_delegate.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QHelpEvent>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include "client/models/message_list_model.h"
#include "client/ui/system_line.h"
#include "client/ui/theme.h"

namespace client::ui {

namespace {

using Model = models::MessageListModel;

// Past this many cached layouts the cache starts again: a long scroll must not grow memory. A
// relayout sizes known rows from their heights alone, so the cache need only hold the rows
// painted lately (a few screens) and a page of history being measured.
constexpr int kMaxCached = 300;
// Messages of one sender this close together share a group (one name, tight corners).
constexpr qint64 kGroupSeconds = 60;

bool isSystemRow(const QModelIndex& index) {
    return index.data(Model::KindRole).toInt() ==
           static_cast<int>(models::MessageRowStore::Kind::System);
}

// A system row starts and ends a sender's group: it groups with nothing.
bool sameGroup(const QModelIndex& a, const QModelIndex& b) {
    if (!a.isValid() || !b.isValid() || isSystemRow(a) || isSystemRow(b)) {
        return false;
    }
    const qint64 ta = a.data(Model::TimestampMsRole).toLongLong();
    const qint64 tb = b.data(Model::TimestampMsRole).toLongLong();
    return a.data(Model::SenderIdRole).toLongLong() == b.data(Model::SenderIdRole).toLongLong() &&
           qAbs(ta - tb) < kGroupSeconds * 1000 &&
           a.data(Model::LocalDayRole).toDate() == b.data(Model::LocalDayRole).toDate();
}

MessageItem::Delivery deliveryOf(const QModelIndex& index, bool own) {
    if (!own) {
        return MessageItem::Delivery::None;
    }
    switch (static_cast<Model::Delivery>(index.data(Model::DeliveryRole).toInt())) {
        case Model::Delivery::Pending:
            return MessageItem::Delivery::Pending;
        case Model::Delivery::Sent:
            return MessageItem::Delivery::Sent;
        case Model::Delivery::Read:
            return MessageItem::Delivery::Read;
        case Model::Delivery::Failed:
            return MessageItem::Delivery::Failed;
    }
    return MessageItem::Delivery::None;
}

// Changes whenever anything that shapes the row changes (data or neighbours).
size_t versionOf(const MessageItem& item) {
    size_t seed = qHashMulti(0, item.key, item.id, item.sender, item.senderName, item.text,
                             item.timeMs, item.day, item.own, item.edited, item.deleted);
    seed = qHashMulti(seed, item.pinned, static_cast<int>(item.delivery), item.hasReply,
                      item.replySender, item.replyText, item.showDay, item.groupStart,
                      item.groupEnd, item.showSender);
    seed = qHashMulti(seed, item.system, item.systemText, item.mentionsMe, item.mentions.size());
    for (const MessageItem::Reaction& reaction : item.reactions) {
        seed = qHashMulti(seed, reaction.emoji, reaction.count, reaction.mine);
    }
    return seed;
}

}  // namespace

MessageDelegate::MessageDelegate(QObject* parent) : QStyledItemDelegate(parent) {}

QString MessageDelegate::systemTextAt(const QModelIndex& index, qint64 me) {
    systemline::Event event;
    event.type = index.data(Model::SystemTypeRole).toString();
    event.actor = index.data(Model::SenderIdRole).toLongLong();
    event.ts = index.data(Model::TimestampMsRole).toLongLong();
    event.data =
        QJsonDocument::fromJson(index.data(Model::SystemDataRole).toString().toUtf8()).object();
    const QString previous = index.data(Model::PreviousChatRole).toString();
    if (!previous.isEmpty()) {
        event.previousChat = QJsonDocument::fromJson(previous.toUtf8()).object();
    }
    const QString actorName = index.data(Model::SenderNameRole).toString();
    const qint64 subject = index.data(Model::SubjectIdRole).toLongLong();
    const QString subjectName = index.data(Model::SubjectNameRole).toString();
    const systemline::NameOf nameOf = [&](qint64 userId) {
        if (userId == event.actor && !actorName.isEmpty()) {
            return actorName;
        }
        return userId == subject ? subjectName : QString();
    };
    return systemline::text(event, me, nameOf);
}

MessageItem MessageDelegate::itemAt(const QModelIndex& index) {
    if (isSystemRow(index)) {
        return systemItemAt(index);
    }
    MessageItem item;
    item.id = index.data(Model::MessageIdRole).toLongLong();
    const QString clientId = index.data(Model::ClientIdRole).toString();
    item.key = clientId.isEmpty() ? QStringLiteral("m%1").arg(item.id) : clientId;
    item.sender = index.data(Model::SenderIdRole).toLongLong();
    item.senderName = index.data(Model::SenderNameRole).toString();
    item.text = index.data(Model::TextRole).toString();
    item.timeMs = index.data(Model::TimestampMsRole).toLongLong();
    item.day = index.data(Model::LocalDayRole).toDate();
    item.own = index.data(Model::IsOwnRole).toBool();
    item.edited = index.data(Model::EditedRole).toBool();
    item.deleted = index.data(Model::DeletedRole).toBool();
    item.pinned = index.data(Model::PinnedRole).toBool();
    item.delivery = deliveryOf(index, item.own);
    const QString reply = index.data(Model::ReplyPreviewRole).toString();
    item.hasReply = index.data(Model::ReplyToRole).toLongLong() > 0 || !reply.isEmpty();
    if (item.hasReply) {
        const qsizetype colon = reply.indexOf(QStringLiteral(": "));
        item.replySender = colon > 0 ? reply.left(colon) : tr("Reply");
        item.replyText = colon > 0 ? reply.mid(colon + 2) : reply;
        if (item.replyText.isEmpty()) {
            item.replyText = tr("Original message not loaded");
        }
    }
    for (const QVariant& value : index.data(Model::ReactionsRole).toList()) {
        const QVariantMap map = value.toMap();
        item.reactions.push_back({map.value(QStringLiteral("emoji")).toString(),
                                  map.value(QStringLiteral("count")).toInt(),
                                  map.value(QStringLiteral("mine")).toBool()});
    }
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    const QModelIndex next = index.siblingAtRow(index.row() + 1);
    item.showDay = !previous.isValid() || previous.data(Model::LocalDayRole).toDate() != item.day;
    item.groupStart = item.showDay || !sameGroup(previous, index);
    item.groupEnd = !sameGroup(index, next);
    item.showSender = !item.own && item.groupStart;
    return item;
}

MessageItem MessageDelegate::systemItemAt(const QModelIndex& index) {
    MessageItem item;
    item.system = true;
    item.key = QStringLiteral("s%1").arg(index.data(Model::SeqRole).toLongLong());
    item.sender = index.data(Model::SenderIdRole).toLongLong();
    item.senderName = index.data(Model::SenderNameRole).toString();
    item.timeMs = index.data(Model::TimestampMsRole).toLongLong();
    item.day = index.data(Model::LocalDayRole).toDate();
    item.systemText = systemTextAt(index, index.data(Model::ViewerIdRole).toLongLong());
    const QModelIndex previous = index.siblingAtRow(index.row() - 1);
    item.showDay = !previous.isValid() || previous.data(Model::LocalDayRole).toDate() != item.day;
    return item;
}

MessageItem MessageDelegate::paintedItemAt(const QModelIndex& index) const {
    MessageItem item = itemAt(index);
    if (!item.system && !item.deleted && item.text.contains(QLatin1Char('@'))) {
        item.mentions = mention::find(item.text, m_memberNames, m_myUsername);
        for (const mention::Span& span : item.mentions) {
            item.mentionsMe = item.mentionsMe || span.me;
        }
    }
    return item;
}

void MessageDelegate::setMentionContext(const QString& myUsername,
                                        const QSet<QString>& memberUsernames) {
    m_myUsername = myUsername.toLower();
    m_memberNames.clear();
    for (const QString& name : memberUsernames) {
        m_memberNames.insert(name.toLower());
    }
}

quint64 MessageDelegate::heightKeyOf(const QModelIndex& index) {
    // Confirmed rows (messages and system lines) share the chat's seqs; an outbox row has none
    // yet and is told apart by the top bit.
    const qint64 seq = index.data(Model::SeqRole).toLongLong();
    if (seq > 0) {
        return quint64(seq);
    }
    return quint64(qHash(index.data(Model::ClientIdRole).toString())) | (quint64(1) << 63);
}

quint64 MessageDelegate::layoutVersionOf(const QModelIndex& index) {
    const QVariant version = index.data(Model::LayoutVersionRole);
    if (!version.isValid() || isSystemRow(index)) {
        return quint64(versionOf(itemAt(index)));
    }
    return version.toULongLong();
}

void MessageDelegate::useFont(const QFont& font) const {
    if (!(m_heightsFont == font)) {
        m_heights.clear();
        m_heightsFont = font;
    }
}

const MessageLayout& MessageDelegate::layoutFor(const QModelIndex& index, int width,
                                                const QFont& font) const {
    MessageItem item = paintedItemAt(index);
    auto found = m_cache.find(item.key);
    if (found != m_cache.end() && found->layout->width() == qMax(width, 120) &&
        found->font == font && found->layout->item() == item) {
        return *found->layout;
    }
    if (m_cache.size() > kMaxCached) {
        m_cache.clear();
    }
    const QString key = item.key;
    Entry entry{std::make_shared<MessageLayout>(item, width, font), font};
    ++m_layoutsBuilt;
    const MessageLayout& layout = *m_cache.insert(key, entry)->layout;
    useFont(font);
    m_heights.insert(heightKeyOf(index),
                     Height{layoutVersionOf(index), layout.width(), layout.height()});
    return layout;
}

void MessageDelegate::paint(QPainter* painter, const QStyleOptionViewItem& option,
                            const QModelIndex& index) const {
    const MessageLayout& layout = layoutFor(index, option.rect.width(), option.font);
    const Theme theme = Theme::forPalette(QApplication::palette());
    painter->save();
    painter->translate(option.rect.topLeft());
    painter->setClipRect(QRect(QPoint(0, 0), option.rect.size()));
    layout.paint(*painter, theme, option.state.testFlag(QStyle::State_Selected),
                 option.state.testFlag(QStyle::State_MouseOver));
    painter->restore();
}

QSize MessageDelegate::sizeHint(const QStyleOptionViewItem& option,
                                const QModelIndex& index) const {
    // Reads the row's key and layout version only: no text, no item, no hash of either.
    const int width = qMax(option.rect.width(), 120);
    useFont(option.font);
    const auto known = m_heights.constFind(heightKeyOf(index));
    if (known != m_heights.cend() && known->width == width &&
        known->version == layoutVersionOf(index)) {
        return {known->width, known->height};
    }
    const MessageLayout& layout = layoutFor(index, option.rect.width(), option.font);
    return {layout.width(), layout.height()};
}

MessageLayout::Hit MessageDelegate::hitAt(const QStyleOptionViewItem& option,
                                          const QModelIndex& index, const QPoint& pos) const {
    const MessageLayout& layout = layoutFor(index, option.rect.width(), option.font);
    return layout.hitTest(QPointF(pos - option.rect.topLeft()));
}

bool MessageDelegate::editorEvent(QEvent* event, QAbstractItemModel* model,
                                  const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() == QEvent::MouseMove) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        const auto hit = hitAt(option, index, mouse->position().toPoint());
        if (auto* view = qobject_cast<QAbstractItemView*>(parent())) {
            const bool pointer = hit.kind == MessageLayout::Hit::Kind::Link ||
                                 hit.kind == MessageLayout::Hit::Kind::Reaction ||
                                 hit.kind == MessageLayout::Hit::Kind::Retry ||
                                 hit.kind == MessageLayout::Hit::Kind::Quote;
            view->viewport()->setCursor(pointer ? Qt::PointingHandCursor : Qt::ArrowCursor);
        }
    }
    if (event->type() == QEvent::MouseButtonRelease) {
        auto* mouse = static_cast<QMouseEvent*>(event);
        if (mouse->button() != Qt::LeftButton) {
            return false;
        }
        const auto hit = hitAt(option, index, mouse->position().toPoint());
        switch (hit.kind) {
            case MessageLayout::Hit::Kind::Link:
                Q_EMIT linkActivated(QUrl(hit.value));
                return true;
            case MessageLayout::Hit::Kind::Reaction:
                Q_EMIT reactionClicked(index, hit.value);
                return true;
            case MessageLayout::Hit::Kind::Retry:
                Q_EMIT retryClicked(index);
                return true;
            case MessageLayout::Hit::Kind::Quote:
                Q_EMIT quoteClicked(index);
                return true;
            default:
                break;
        }
    }
    return QStyledItemDelegate::editorEvent(event, model, option, index);
}

bool MessageDelegate::helpEvent(QHelpEvent* event, QAbstractItemView* view,
                                const QStyleOptionViewItem& option, const QModelIndex& index) {
    if (event->type() != QEvent::ToolTip) {
        return QStyledItemDelegate::helpEvent(event, view, option, index);
    }
    const auto hit = hitAt(option, index, event->pos());
    QString tip;
    if (hit.kind == MessageLayout::Hit::Kind::Link) {
        tip = hit.value;
    } else if (hit.kind == MessageLayout::Hit::Kind::Retry) {
        tip = index.data(Model::FailureRole).toString();
    } else if (hit.kind == MessageLayout::Hit::Kind::Bubble) {
        tip = index.data(Model::TimestampRole)
                  .toDateTime()
                  .toString(QStringLiteral("dddd d MMMM yyyy, HH:mm"));
    }
    if (tip.isEmpty()) {
        QToolTip::hideText();
        return true;
    }
    QToolTip::showText(event->globalPos(), tip, view);
    return true;
}

}  // namespace client::ui
