// The conversation's painted messages over a real cache: heights across widths (never zero, never
// shorter as the row narrows, long words wrapped inside the row), layouts cached per width,
// grouping and day separators, links that answer clicks, tombstones and accessible text; system
// lines of member events and `@` mentions.
#include <QApplication>
#include <QJsonDocument>
#include <QListView>
#include <QPainter>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/message_list_model.h"
#include "client/ui/conversation_model.h"
#include "client/ui/message_delegate.h"
#include "client/ui/message_layout.h"
#include "client/ui/system_line.h"
#include "client/ui/theme.h"
#include "common/codec.h"

using client::models::MessageListModel;
using client::ui::MessageDelegate;
using client::ui::MessageItem;
using client::ui::MessageLayout;

namespace {

constexpr qint64 kMe = 1;
constexpr qint64 kPeer = 2;
constexpr qint64 kChat = 10;

protocol::User user(qint64 id, const char* name, const char* display) {
    protocol::User u;
    u.id = id;
    u.username = name;
    u.displayName = display;
    return u;
}

struct Spec {
    qint64 sender;
    qint64 minutesAgo;
    QString text;
    bool deleted;
    std::optional<qint64> replyTo;
};

Spec spec(qint64 sender, qint64 minutesAgo, const QString& text, bool deleted = false,
          std::optional<qint64> replyTo = std::nullopt) {
    return Spec{sender, minutesAgo, text, deleted, replyTo};
}

QJsonObject json(const char* text) {
    return QJsonDocument::fromJson(QByteArray(text)).object();
}

QString line(const char* type, qint64 actor, const char* data, qint64 ts = 0) {
    const QHash<qint64, QString> names{{2, QStringLiteral("Ana")}, {3, QStringLiteral("Bo")}};
    client::ui::systemline::Event event;
    event.type = QString::fromLatin1(type);
    event.actor = actor;
    event.ts = ts;
    event.data = json(data);
    return client::ui::systemline::text(event, kMe, [&](qint64 id) { return names.value(id); });
}

const QString kLongWord = QString(180, QLatin1Char('x'));
const QString kLongText = QStringLiteral(
    "This is a long message that goes on and on, so that it has to wrap over several lines "
    "when the conversation gets narrow, the way people write when they explain something.");

}  // namespace

class TestMessageDelegate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<client::cache::LocalCache> m_store;
    std::unique_ptr<client::cache::ChatCache> m_cache;
    std::unique_ptr<MessageListModel> m_messages;
    std::unique_ptr<client::ui::ConversationModel> m_model;

    QModelIndex row(int r) const { return m_model->index(r, 0); }

    int heightAt(MessageDelegate& delegate, int r, int width) const {
        QStyleOptionViewItem option;
        option.rect = QRect(0, 0, width, 0);
        option.font = QApplication::font();
        return delegate.sizeHint(option, row(r)).height();
    }

private Q_SLOTS:
    void initTestCase() {
        QFont font = QApplication::font();
        font.setPixelSize(14);
        QApplication::setFont(font);
        m_store = std::make_unique<client::cache::LocalCache>(m_dir.path());
        QVERIFY(m_store->open());
        m_cache = std::make_unique<client::cache::ChatCache>(*m_store);
        m_cache->setMe(kMe);
        QVERIFY(m_cache->upsertUser(user(kMe, "ada", "Ada Lovelace")));
        protocol::Chat chat;
        chat.id = kChat;
        chat.kind = protocol::ChatKind::Direct;
        chat.peer = user(kPeer, "bob", "Bob Stone");
        chat.createdTs = 1;
        QVERIFY(m_cache->upsertChat(chat));

        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        // Yesterday, then today: a day separator between; two quick ones share a group.
        const std::vector<Spec> specs{
            spec(kPeer, 26 * 60, QStringLiteral("Hi! Are we still on for tomorrow?")),
            spec(kMe, 26 * 60 - 1,
                 QStringLiteral("Yes, see https://example.com/plan for the plan.")),
            spec(kPeer, 30, kLongText),
            spec(kPeer, 30, QStringLiteral("And one more thing")),
            spec(kMe, 20, kLongWord),
            spec(kPeer, 10, QStringLiteral("gone"), true),
            spec(kMe, 5, QStringLiteral("Replying to that"), false, 101),
        };
        std::vector<protocol::Message> messages;
        qint64 seq = 0;
        for (const Spec& each : specs) {
            protocol::Message m;
            ++seq;
            m.id = 100 + seq;
            m.chatId = kChat;
            m.seq = seq;
            m.sender = each.sender;
            m.ts = now - each.minutesAgo * 60000 + seq;  // strictly ascending
            m.clientId = "c" + std::to_string(seq);
            m.text = each.text.toStdString();
            m.replyTo = each.replyTo;
            if (seq == 3) {
                m.reactions["👍"] = {kMe, kPeer};
                m.reactions["😂"] = {kPeer};
            }
            messages.push_back(m);
        }
        // Through the event log, as the sync applies them: created, then one deleted.
        for (const protocol::Message& m : messages) {
            protocol::Event event;
            event.chatId = kChat;
            event.seq = m.seq;
            event.ts = m.ts;
            event.type = "message.created";
            event.actor = m.sender;
            event.dataJson = "{\"message\":" + protocol::encode(m) + "}";
            QCOMPARE(m_cache->applyEvent(event), client::cache::ChatCache::Applied::Applied);
        }
        for (const Spec& each : specs) {
            if (!each.deleted) {
                continue;
            }
            const auto it = std::find_if(messages.begin(), messages.end(), [&](const auto& m) {
                return QString::fromStdString(m.text) == each.text;
            });
            protocol::Event event;
            event.chatId = kChat;
            event.seq = ++seq;
            event.ts = it->ts + 1000;
            event.type = "message.deleted";
            event.actor = it->sender;
            event.dataJson = "{\"message_id\":" + std::to_string(it->id) + "}";
            QCOMPARE(m_cache->applyEvent(event), client::cache::ChatCache::Applied::Applied);
        }
        m_messages = std::make_unique<MessageListModel>(*m_cache, kChat);
        m_model = std::make_unique<client::ui::ConversationModel>(*m_messages);
        QCOMPARE(m_model->rowCount(), 7);
    }

    void heightsNeverZeroAndGrowAsTheRowNarrows() {
        MessageDelegate delegate;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            int previous = 0;
            for (int width = 1200; width >= 160; width -= 40) {
                const int height = heightAt(delegate, r, width);
                QVERIFY2(height > 0, qPrintable(QStringLiteral("row %1 at %2").arg(r).arg(width)));
                QVERIFY2(height >= previous,
                         qPrintable(QStringLiteral("row %1 shrank at width %2: %3 < %4")
                                        .arg(r)
                                        .arg(width)
                                        .arg(height)
                                        .arg(previous)));
                previous = height;
            }
        }
    }

    void longTextAndLongWordsWrapInsideTheRow() {
        MessageDelegate delegate;
        QVERIFY(heightAt(delegate, 2, 320) > heightAt(delegate, 2, 1000));
        for (int width : {1000, 600, 320, 200}) {
            const MessageLayout& layout = delegate.layoutFor(row(4), width, QApplication::font());
            QVERIFY2(layout.bubbleRect().left() >= 0 && layout.bubbleRect().right() <= width,
                     qPrintable(QStringLiteral("bubble outside the row at %1").arg(width)));
            QVERIFY(layout.height() > 40);
        }
        QVERIFY(heightAt(delegate, 4, 240) > heightAt(delegate, 4, 1000));
    }

    void layoutsAreCachedPerWidthAndData() {
        MessageDelegate delegate;
        const MessageLayout* first = &delegate.layoutFor(row(2), 500, QApplication::font());
        QCOMPARE(&delegate.layoutFor(row(2), 500, QApplication::font()), first);
        const MessageLayout& narrower = delegate.layoutFor(row(2), 400, QApplication::font());
        QCOMPARE(narrower.width(), 400);
        QCOMPARE(delegate.cachedLayouts(), 1);
    }

    // The view asks every loaded row's size again whenever older history is inserted above:
    // rows it has measured at this width must not have their text laid out again.
    void knownRowsAreMeasuredWithoutALayout() {
        MessageDelegate delegate;
        std::vector<int> heights;
        for (int r = 0; r < m_model->rowCount(); ++r) {
            heights.push_back(heightAt(delegate, r, 600));
        }
        const qint64 built = delegate.layoutsBuilt();
        QCOMPARE(built, qint64(m_model->rowCount()));
        for (int pass = 0; pass < 3; ++pass) {
            for (int r = 0; r < m_model->rowCount(); ++r) {
                QCOMPARE(heightAt(delegate, r, 600), heights[static_cast<size_t>(r)]);
            }
        }
        QCOMPARE(delegate.layoutsBuilt(), built);
        for (int r = 0; r < m_model->rowCount(); ++r) {
            QCOMPARE(heightAt(delegate, r, 600),
                     delegate.layoutFor(row(r), 600, QApplication::font()).height());
        }
        QCOMPARE(delegate.layoutsBuilt(), built);
        QVERIFY(heightAt(delegate, 2, 300) > heights[2]);
        QCOMPARE(delegate.layoutsBuilt(), built + 1);
    }

    void ownOnTheRightOthersOnTheLeft() {
        MessageDelegate delegate;
        const MessageLayout& mine = delegate.layoutFor(row(1), 800, QApplication::font());
        const MessageLayout& theirs = delegate.layoutFor(row(0), 800, QApplication::font());
        QVERIFY(mine.bubbleRect().center().x() > 400);
        QVERIFY(theirs.bubbleRect().center().x() < 400);
        // The peer posted after my message, so read it; my last one is only sent.
        QCOMPARE(MessageDelegate::itemAt(row(1)).delivery, MessageItem::Delivery::Read);
        QCOMPARE(MessageDelegate::itemAt(row(6)).delivery, MessageItem::Delivery::Sent);
        QCOMPARE(MessageDelegate::itemAt(row(0)).delivery, MessageItem::Delivery::None);
    }

    void groupsAndDaySeparators() {
        const MessageItem first = MessageDelegate::itemAt(row(0));
        QVERIFY(first.showDay);
        QVERIFY(first.showSender);
        QCOMPARE(first.senderName, QStringLiteral("Bob Stone"));
        QVERIFY(!MessageDelegate::itemAt(row(1)).showDay);
        QVERIFY(MessageDelegate::itemAt(row(2)).showDay);  // yesterday → today
        // Two messages of Bob in the same minute: one group, the name once.
        QVERIFY(MessageDelegate::itemAt(row(2)).groupStart);
        QVERIFY(!MessageDelegate::itemAt(row(2)).groupEnd);
        const MessageItem second = MessageDelegate::itemAt(row(3));
        QVERIFY(!second.groupStart);
        QVERIFY(!second.showSender);
        // A separate sender starts a new group.
        QVERIFY(MessageDelegate::itemAt(row(4)).groupStart);
    }

    void reactionsRepliesAndTombstones() {
        const MessageItem reacted = MessageDelegate::itemAt(row(2));
        QCOMPARE(reacted.reactions.size(), 2);
        bool sawMine = false;
        for (const auto& reaction : reacted.reactions) {
            if (reaction.emoji == QStringLiteral("👍")) {
                QCOMPARE(reaction.count, 2);
                QVERIFY(reaction.mine);
                sawMine = true;
            }
        }
        QVERIFY(sawMine);
        MessageDelegate delegate;
        const int withPills = delegate.layoutFor(row(2), 700, QApplication::font()).height();
        MessageItem bare = reacted;
        bare.reactions.clear();
        QVERIFY(withPills > MessageLayout(bare, 700, QApplication::font()).height());

        const MessageItem deleted = MessageDelegate::itemAt(row(5));
        QVERIFY(deleted.deleted);
        const MessageLayout tombstone(deleted, 700, QApplication::font());
        QVERIFY(tombstone.accessibleText().contains(QStringLiteral("This message was deleted")));

        const MessageItem reply = MessageDelegate::itemAt(row(6));
        QVERIFY(reply.hasReply);
        QVERIFY(reply.replyText.contains(QStringLiteral("Hi!")));
        MessageItem noQuote = reply;
        noQuote.hasReply = false;
        QVERIFY(MessageLayout(reply, 700, QApplication::font()).height() >
                MessageLayout(noQuote, 700, QApplication::font()).height());
    }

    void linksAnswerClicksInsideTheirText() {
        const MessageLayout layout(MessageDelegate::itemAt(row(1)), 800, QApplication::font());
        const QRectF bubble = layout.bubbleRect();
        QString found;
        for (qreal y = bubble.top(); y < bubble.bottom() && found.isEmpty(); y += 2) {
            for (qreal x = bubble.left(); x < bubble.right(); x += 2) {
                const auto hit = layout.hitTest(QPointF(x, y));
                if (hit.kind == MessageLayout::Hit::Kind::Link) {
                    found = hit.value;
                    break;
                }
            }
        }
        QCOMPARE(found, QStringLiteral("https://example.com/plan"));
        QCOMPARE(layout.hitTest(QPointF(bubble.left() + 2, bubble.center().y())).kind,
                 MessageLayout::Hit::Kind::Bubble);
    }

    void failedMessagesOfferRetry() {
        MessageItem item = MessageDelegate::itemAt(row(1));
        item.delivery = MessageItem::Delivery::Failed;
        const MessageLayout layout(item, 800, QApplication::font());
        const QRectF bubble = layout.bubbleRect();
        const auto hit = layout.hitTest(QPointF(bubble.left() - 19, bubble.center().y()));
        QCOMPARE(hit.kind, MessageLayout::Hit::Kind::Retry);
        QVERIFY(layout.accessibleText().contains(QStringLiteral("not sent")));
    }

    void rowsHaveAccessibleText() {
        const QString text = row(0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("Bob Stone")) && text.contains(QStringLiteral("Hi!")),
                 qPrintable(text));
        QVERIFY(row(1).data(Qt::AccessibleTextRole).toString().startsWith(QStringLiteral("You")));
    }

    void paintsInAListView() {
        QListView view;
        view.setUniformItemSizes(false);
        view.setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
        auto* delegate = new MessageDelegate(&view);
        view.setItemDelegate(delegate);
        view.setModel(m_model.get());
        view.resize(520, 700);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const QImage image = view.viewport()->grab().toImage();
        QVERIFY(!image.isNull());
        QVERIFY(delegate->cachedLayouts() > 0);
        for (int r = 0; r < m_model->rowCount(); ++r) {
            QVERIFY(view.visualRect(row(r)).height() > 0);
        }
    }

    void systemLinesSayWhatHappened() {
        QCOMPARE(line("member.role", 2, R"({"user_id":3,"role":"moderator"})"),
                 QStringLiteral("Ana made Bo a moderator"));
        QCOMPARE(line("member.role", 2, R"({"user_id":3,"role":"admin"})"),
                 QStringLiteral("Ana made Bo an admin"));
        QCOMPARE(line("member.added", 2, R"({"member":{"user":{"id":3,"display_name":"Bo"}}})"),
                 QStringLiteral("Ana added Bo"));
        QCOMPARE(line("member.added", 9, R"({"member":{"user":{"id":9,"display_name":"Cy"}}})"),
                 QStringLiteral("Cy created the group"));
        QCOMPARE(line("member.removed", 3, R"({"user_id":3,"reason":"left"})"),
                 QStringLiteral("Bo left"));
        QCOMPARE(line("member.removed", 2, R"({"user_id":3,"reason":"kicked"})"),
                 QStringLiteral("Ana removed Bo"));
        QCOMPARE(line("member.removed", 2, R"({"user_id":3,"reason":"banned"})"),
                 QStringLiteral("Ana banned Bo"));
        QCOMPARE(line("member.unbanned", 2, R"({"user_id":3})"), QStringLiteral("Ana unbanned Bo"));
        QCOMPARE(line("member.muted", 2, R"({"user_id":3,"muted_until":3601000})", 1000),
                 QStringLiteral("Ana muted Bo for 1 hour"));
        QCOMPARE(line("member.muted", 2, R"({"user_id":3,"muted_until":86401000})", 1000),
                 QStringLiteral("Ana muted Bo for 1 day"));
        QCOMPARE(line("member.muted", 2, R"({"user_id":3,"muted_until":null})"),
                 QStringLiteral("Ana unmuted Bo"));
        // The viewer is "You" / "you".
        QCOMPARE(line("member.role", 2, R"({"user_id":1,"role":"admin"})"),
                 QStringLiteral("Ana made you an admin"));
        QCOMPARE(line("member.removed", kMe, R"({"user_id":1,"reason":"left"})"),
                 QStringLiteral("You left"));

        client::ui::systemline::Event renamed;
        renamed.type = QStringLiteral("chat.updated");
        renamed.actor = 2;
        renamed.data = json(R"({"chat":{"name":"Climbing","settings":{"slow_mode_s":0}}})");
        renamed.previousChat = json(R"({"name":"Hiking","settings":{"slow_mode_s":0}})");
        const auto nameOf = [](qint64 id) { return id == 2 ? QStringLiteral("Ana") : QString(); };
        QCOMPARE(client::ui::systemline::text(renamed, kMe, nameOf),
                 QStringLiteral("Ana renamed the group to \u201cClimbing\u201d"));
        renamed.previousChat = json(R"({"name":"Climbing","settings":{"slow_mode_s":30}})");
        QCOMPARE(client::ui::systemline::text(renamed, kMe, nameOf),
                 QStringLiteral("Ana turned off slow mode"));
        QVERIFY(client::ui::systemline::isSystemEvent(QStringLiteral("member.role")));
        QVERIFY(!client::ui::systemline::isSystemEvent(QStringLiteral("message.created")));
    }

    void systemLinesAreCentredAndWrap() {
        MessageItem item;
        item.key = QStringLiteral("s1");
        item.system = true;
        item.systemText = QStringLiteral("Ana made Bo a moderator");
        const MessageLayout wide(item, 800, QApplication::font());
        QVERIFY(wide.height() > 0);
        QVERIFY(qAbs(wide.bubbleRect().center().x() - 400) <= 1);
        QCOMPARE(wide.accessibleText(), item.systemText);
        QCOMPARE(wide.hitTest(wide.bubbleRect().center()).kind, MessageLayout::Hit::Kind::None);
        // Smaller than the same words in a bubble.
        MessageItem bubble = MessageDelegate::itemAt(row(0));
        bubble.showDay = false;
        bubble.text = item.systemText;
        QVERIFY(wide.height() < MessageLayout(bubble, 800, QApplication::font()).height());
        // A long line wraps inside a narrow row, centred, never wider than the row.
        item.systemText = QStringLiteral(
            "Ana renamed the group to \u201cThe weekend climbing and hiking club of the "
            "north\u201d");
        const MessageLayout narrow(item, 200, QApplication::font());
        QVERIFY(narrow.height() > MessageLayout(item, 900, QApplication::font()).height());
        QVERIFY(narrow.bubbleRect().left() >= 0 && narrow.bubbleRect().right() <= 200);
        // With a day separator above it.
        item.showDay = true;
        item.day = QDate::currentDate();
        QVERIFY(MessageLayout(item, 200, QApplication::font()).height() > narrow.height());
    }

    void mentionsOfMembersAreFound() {
        const QSet<QString> members{QStringLiteral("bob"), QStringLiteral("ada")};
        const auto spans = client::ui::mention::find(
            QStringLiteral("hey @Ada and @bob. mail x@bob.com or @nobody"), members,
            QStringLiteral("ada"));
        QCOMPARE(spans.size(), 2);
        QCOMPARE(spans[0], (client::ui::mention::Span{4, 4, true}));
        QCOMPARE(spans[1], (client::ui::mention::Span{13, 4, false}));

        MessageDelegate delegate;
        QVERIFY(delegate.paintedItemAt(row(0)).mentions.isEmpty());
        delegate.setMentionContext(QStringLiteral("ada"), {QStringLiteral("bob")});
        QVERIFY(delegate.paintedItemAt(row(0)).mentions.isEmpty());  // no '@' in it
    }

    void aMentionOfMeIsHighlightedAtTheSameSize() {
        MessageItem item = MessageDelegate::itemAt(row(0));
        item.showDay = false;
        item.text = QStringLiteral("@ada can you look at this with @bob?");
        const MessageLayout plain(item, 700, QApplication::font());
        item.mentions =
            client::ui::mention::find(item.text, {QStringLiteral("bob")}, QStringLiteral("ada"));
        item.mentionsMe = true;
        QCOMPARE(item.mentions.size(), 2);
        const MessageLayout marked(item, 700, QApplication::font());
        QCOMPARE(marked.height(), plain.height());
        QVERIFY(marked.bubbleRect().width() >= plain.bubbleRect().width());

        // The row carries the highlight: a bar in the warning colour at its left edge.
        const client::ui::Theme theme = client::ui::Theme::light();
        QImage image(700, marked.height(), QImage::Format_ARGB32_Premultiplied);
        image.fill(theme.colors().chatBackground);
        {
            QPainter painter(&image);
            marked.paint(painter, theme, false, false);
        }
        QCOMPARE(image.pixelColor(1, marked.height() / 2).rgb(), theme.colors().warning.rgb());
        QImage unmarked(700, plain.height(), QImage::Format_ARGB32_Premultiplied);
        unmarked.fill(theme.colors().chatBackground);
        {
            QPainter painter(&unmarked);
            plain.paint(painter, theme, false, false);
        }
        QCOMPARE(unmarked.pixelColor(1, plain.height() / 2).rgb(),
                 theme.colors().chatBackground.rgb());
    }
};

QTEST_MAIN(TestMessageDelegate)
#include "tst_message_delegate.moc"
