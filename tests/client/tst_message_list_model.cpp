// The conversation's model over a real cache file: its compact rows read back exactly what the
// cache holds (texts in any script, replies, reactions, edits, tombstones, outbox rows), older
// pages grow with what is loaded, changes to messages far up or not loaded yet show, texts far
// from the row read last are dropped and read back, the layout version moves only when a row's
// look may, and the text arena does not grow without bound.
#include <QAbstractItemModelTester>
#include <QDateTime>
#include <QSet>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/message_list_model.h"
#include "client/models/message_row_store.h"
#include "common/codec.h"
#include "tests/client/message_list_fixture.h"

using client::cache::ChatCache;
using client::cache::LocalCache;
using client::models::MessageListModel;
using client::models::MessageRowStore;
using namespace message_list_fixture;

namespace {

constexpr qint64 kChat = 10;

protocol::Chat direct() {
    protocol::Chat chat;
    chat.id = kChat;
    chat.kind = protocol::ChatKind::Direct;
    chat.createdTs = 1;
    chat.peer = user(kPeer, "bob");
    return chat;
}

const char* const kTexts[] = {
    "hi",
    "ça va ? très bien, merci",
    "line one\nline two\nline three",
    "👍🏽 well done 🎉",
    "Привет, как дела?",
    "see https://example.org/a?b=c",
    "数据 and 日本語 mixed",
    "a longer message that goes on for a while so that it wraps over more than one line"};

// Message `seq` of the seeded chat: one in ten a reply, one in seven with reactions, one in
// eleven edited, one in thirteen deleted; my messages carry a client id.
protocol::Message seeded(qint64 seq) {
    protocol::Message m;
    m.id = 1000 + seq;
    m.chatId = kChat;
    m.seq = seq;
    m.sender = seq % 3 == 0 ? kMe : kPeer;
    // Bursts of a few minutes a few hours apart: several local days.
    m.ts = 1'700'000'000'000 + seq * 40'000 + (seq / 25) * 3'600'000 * 5;
    if (m.sender == kMe) {
        m.clientId = "client-" + std::to_string(seq);
    }
    m.text = std::string(kTexts[seq % 8]) + " #" + std::to_string(seq);
    if (seq % 10 == 0 && seq > 1) {
        m.replyTo = 1000 + seq - 1;
    }
    if (seq % 7 == 0) {
        m.reactions = {{"👍", {kPeer, kMe}}, {"😂", {kPeer}}};
    }
    if (seq % 11 == 0) {
        m.editedTs = m.ts + 5000;
    }
    if (seq % 13 == 0) {
        m.deleted = true;
    }
    return m;
}

// A new cache in its own temporary folder, signed in as kMe, holding `count` messages.
struct SeededCache {
    QTemporaryDir dir;
    LocalCache store{dir.path()};
    bool opened = store.open();
    ChatCache cache{store};

    explicit SeededCache(int count) {
        cache.setMe(kMe);
        if (!opened || !cache.upsertUser(user(kMe, "me")) || !cache.upsertChat(direct())) {
            opened = false;
            return;
        }
        std::vector<protocol::Message> messages;
        for (int seq = 1; seq <= count; ++seq) {
            messages.push_back(seeded(seq));
        }
        opened = cache.storeMessages(messages);
    }
};

QString reactionsText(const QVariantList& reactions) {
    QStringList parts;
    for (const QVariant& value : reactions) {
        const QVariantMap map = value.toMap();
        parts << QStringLiteral("%1x%2%3")
                     .arg(map.value(QStringLiteral("emoji")).toString())
                     .arg(map.value(QStringLiteral("count")).toInt())
                     .arg(map.value(QStringLiteral("mine")).toBool() ? QStringLiteral("*")
                                                                     : QString());
    }
    return parts.join(QLatin1Char(' '));
}

QString reactionsText(const client::cache::MessageRow& row) {
    QStringList parts;
    for (auto it = row.reactions.cbegin(); it != row.reactions.cend(); ++it) {
        parts << QStringLiteral("%1x%2%3")
                     .arg(it.key())
                     .arg(it.value().size())
                     .arg(it.value().contains(kMe) ? QStringLiteral("*") : QString());
    }
    return parts.join(QLatin1Char(' '));
}

quint64 versionAt(const MessageListModel& model, int row) {
    return roleAt(model, row, MessageListModel::LayoutVersionRole).toULongLong();
}

// The row's quoted reply and reactions as the cache's row has them (a QCOMPARE failure
// returns from here: callers check QTest::currentTestFailed()).
void compareQuoteAndReactions(const MessageListModel& model, int row,
                              const client::cache::MessageRow& want) {
    const QString quoted = want.replyDeleted ? QStringLiteral("Message deleted") : want.replyText;
    QCOMPARE(roleAt(model, row, MessageListModel::ReplyPreviewRole).toString(),
             want.replyTo ? want.replySenderName + QStringLiteral(": ") + quoted : QString());
    QCOMPARE(reactionsText(roleAt(model, row, MessageListModel::ReactionsRole).toList()),
             reactionsText(want));
}

}  // namespace

class TestMessageListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rowsReadBackExactlyAsTheCacheHoldsThem() {
        SeededCache seeded(1200);
        QVERIFY(seeded.opened);
        ChatCache& cache = seeded.cache;
        QVERIFY(!cache.enqueue(kChat, QStringLiteral("still sending ✈️"), 1005).isEmpty());
        MessageListModel model(cache, kChat);
        QCOMPARE(model.rowCount(), MessageListModel::kPageSize + 1);
        // The tester pages in too (it calls fetchMore on every change).
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        loadAll(model);
        QCOMPARE(model.rowCount(), 1201);

        const auto expected = cache.messages(kChat, 0, 5000);
        QCOMPARE(int(expected.size()), 1200);
        for (int i = 0; i < 1200; ++i) {
            const auto& want = expected[size_t(i)];
            const auto at = [&](int role) { return roleAt(model, i, role); };
            QCOMPARE(at(MessageListModel::MessageIdRole).toLongLong(), want.id);
            QCOMPARE(at(MessageListModel::SeqRole).toLongLong(), want.seq);
            QCOMPARE(at(MessageListModel::SenderIdRole).toLongLong(), want.sender);
            QCOMPARE(at(MessageListModel::SenderNameRole).toString(), want.senderName);
            QCOMPARE(at(MessageListModel::IsOwnRole).toBool(), want.sender == kMe);
            QCOMPARE(at(MessageListModel::TextRole).toString(), want.text);
            QCOMPARE(at(MessageListModel::ClientIdRole).toString(), want.clientId);
            QCOMPARE(at(MessageListModel::TimestampMsRole).toLongLong(), want.ts);
            QCOMPARE(at(MessageListModel::TimestampRole).toDateTime(),
                     QDateTime::fromMSecsSinceEpoch(want.ts));
            QCOMPARE(at(MessageListModel::LocalDayRole).toDate(),
                     QDateTime::fromMSecsSinceEpoch(want.ts).date());
            QCOMPARE(at(MessageListModel::EditedRole).toBool(), want.editedTs.has_value());
            QCOMPARE(at(MessageListModel::DeletedRole).toBool(), want.deleted);
            QCOMPARE(at(MessageListModel::ReplyToRole).toLongLong(), want.replyTo.value_or(0));
            compareQuoteAndReactions(model, i, want);
            if (QTest::currentTestFailed()) {
                return;
            }
            QCOMPARE(at(MessageListModel::DeliveryRole).toInt(),
                     int(MessageListModel::Delivery::Sent));
        }
        QCOMPARE(roleAt(model, 1200, MessageListModel::TextRole).toString(),
                 QStringLiteral("still sending ✈️"));
        QCOMPARE(roleAt(model, 1200, MessageListModel::DeliveryRole).toInt(),
                 int(MessageListModel::Delivery::Pending));
        QCOMPARE(roleAt(model, 1200, MessageListModel::ReplyPreviewRole).toString(),
                 QStringLiteral("bob Display: ") + QString::fromStdString(::seeded(5).text));
    }

    void olderPagesGrowWithWhatIsLoaded() {
        constexpr int kCount = 12'000;
        SeededCache seeded(kCount);
        QVERIFY(seeded.opened);
        MessageListModel model(seeded.cache, kChat);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        // Far fewer fetches than 50-row pages would take reach the top (each relays the whole
        // list out), and no page is larger than kMaxPageSize (its rows are laid out at once).
        const int pages = loadAll(model);
        QCOMPARE(model.rowCount(), kCount);
        QCOMPARE(inserted.size(), pages);
        QVERIFY2(pages < kCount / MessageListModel::kPageSize / 3,
                 qPrintable(QStringLiteral("%1 pages").arg(pages)));
        int previous = 0;
        for (const QList<QVariant>& page : inserted) {
            const int size = page.at(2).toInt() + 1;
            QVERIFY(size <= MessageListModel::kMaxPageSize);
            // Growing, except the last page: what was left.
            QVERIFY(size >= previous || &page == &inserted.last());
            previous = size;
        }
        QCOMPARE(inserted.first().at(2).toInt() + 1, MessageListModel::kPageSize);
        QCOMPARE(inserted.at(pages - 2).at(2).toInt() + 1, MessageListModel::kMaxPageSize);
        for (int i = 1; i < model.rowCount(); ++i) {
            QCOMPARE(roleAt(model, i, MessageListModel::SeqRole).toLongLong(),
                     roleAt(model, i - 1, MessageListModel::SeqRole).toLongLong() + 1);
        }
    }

    // A long scroll keeps only the texts near the row read last; rows far from it keep their
    // record (seq, version, flags) and read back exactly from the cache, edits included.
    void textsFarFromTheRowReadLastAreDroppedAndComeBack() {
        constexpr int kCount = 6000;
        SeededCache seeded(kCount);
        QVERIFY(seeded.opened);
        ChatCache& cache = seeded.cache;
        MessageListModel model(cache, kChat);
        loadAll(model);
        QCOMPARE(model.rowCount(), kCount);
        QVERIFY(model.droppedRows() > 0);
        QVERIFY(kCount - model.droppedRows() <= MessageListModel::kMaxTextRows);
        const int dropped = model.droppedRows();
        QVector<quint64> versions;
        for (int i = 0; i < kCount; ++i) {
            versions << versionAt(model, i);
        }
        QCOMPARE(model.droppedRows(), dropped);  // reading versions loads no text

        // Edited while its texts are dropped: it shows the edit.
        auto edited = ::seeded(101);
        edited.text = "edited while dropped";
        edited.editedTs = edited.ts + 1;
        QVERIFY(cache.storeMessages({edited}));

        const auto expected = cache.messages(kChat, 0, kCount);
        QCOMPARE(int(expected.size()), kCount);
        for (int i = 0; i < kCount; ++i) {
            const auto& want = expected[size_t(i)];
            const auto at = [&](int role) { return roleAt(model, i, role); };
            QCOMPARE(at(MessageListModel::SeqRole).toLongLong(), want.seq);
            QCOMPARE(at(MessageListModel::TextRole).toString(), want.text);
            QCOMPARE(at(MessageListModel::ClientIdRole).toString(), want.clientId);
            compareQuoteAndReactions(model, i, want);
            if (QTest::currentTestFailed()) {
                return;
            }
            QVERIFY(kCount - model.droppedRows() <= MessageListModel::kMaxTextRows);
            if (i < 99 || i > 101) {
                QCOMPARE(versionAt(model, i), versions[i]);
            }
        }
        QCOMPARE(roleAt(model, 100, MessageListModel::TextRole).toString(),
                 QStringLiteral("edited while dropped"));
        QVERIFY(versionAt(model, 100) != versions[100]);

        // Rows far above the last read have no texts: their client ids are found in the cache.
        QVERIFY(model.droppedRows() > 0);
        QCOMPARE(model.rowOfClientId(QStringLiteral("client-3")), 2);
        QCOMPARE(model.rowOfClientId(QStringLiteral("client-5997")), kCount - 4);
        QCOMPARE(model.rowOfClientId(QStringLiteral("no such client id")), -1);
        QCOMPARE(roleAt(model, 2, MessageListModel::ClientIdRole).toString(),
                 QStringLiteral("client-3"));
    }

    void changesFarUpOrNotLoadedShowWhenScrolledBack() {
        SeededCache seeded(600);
        QVERIFY(seeded.opened);
        ChatCache& cache = seeded.cache;
        MessageListModel model(cache, kChat);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        // Message 4 is not loaded yet: edited and reacted to meanwhile, it shows so when paged in.
        auto fourth = ::seeded(4);
        fourth.text = "edited while not loaded";
        fourth.editedTs = fourth.ts + 1;
        fourth.reactions = {{"🔥", {kPeer}}};
        QVERIFY(cache.storeMessages({fourth}));
        QCOMPARE(model.rowOfMessage(fourth.id), -1);
        loadAll(model);
        int row = model.rowOfMessage(fourth.id);
        QCOMPARE(row, 3);
        QCOMPARE(roleAt(model, row, MessageListModel::TextRole).toString(),
                 QStringLiteral("edited while not loaded"));
        QVERIFY(roleAt(model, row, MessageListModel::EditedRole).toBool());
        QCOMPARE(reactionsText(roleAt(model, row, MessageListModel::ReactionsRole).toList()),
                 QStringLiteral("🔥x1"));

        // Message 2, far above the latest, edited and reacted to while loaded.
        auto second = ::seeded(2);
        const int secondRow = model.rowOfMessage(second.id);
        const quint64 before = versionAt(model, secondRow);
        const quint64 farAway = versionAt(model, 400);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        second.text = "changed far up";
        second.editedTs = second.ts + 1;
        second.reactions = {{"👍", {kMe}}};
        QVERIFY(cache.storeMessages({second}));
        QVERIFY(!changed.isEmpty());
        QCOMPARE(roleAt(model, secondRow, MessageListModel::TextRole).toString(),
                 QStringLiteral("changed far up"));
        QCOMPARE(reactionsText(roleAt(model, secondRow, MessageListModel::ReactionsRole).toList()),
                 QStringLiteral("👍x1*"));
        QVERIFY(versionAt(model, secondRow) != before);
        QCOMPARE(versionAt(model, 400), farAway);

        // A reply quoting message 19 follows its edit.
        auto quoted = ::seeded(19);
        quoted.text = "the quoted one, edited";
        QVERIFY(cache.storeMessages({quoted}));
        row = model.rowOfMessage(::seeded(20).id);
        QCOMPARE(roleAt(model, row, MessageListModel::ReplyPreviewRole).toString(),
                 QStringLiteral("bob Display: the quoted one, edited"));
    }

    void layoutVersionMovesOnlyWhenTheLookMay() {
        SeededCache seeded(30);
        QVERIFY(seeded.opened);
        ChatCache& cache = seeded.cache;
        MessageListModel model(cache, kChat);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 30);
        QList<quint64> versions;
        for (int i = 0; i < 30; ++i) {
            versions << versionAt(model, i);
        }
        QCOMPARE(QSet<quint64>(versions.begin(), versions.end()).size(), 30);
        for (int i = 0; i < 30; ++i) {
            QCOMPARE(versionAt(model, i), versions[i]);
        }

        // The peer reads up to 15: my rows up to there change (Sent -> Read), the others not.
        QVERIFY(cache.setPeerReadSeq(kChat, 15));
        QVERIFY(versionAt(model, 14) != versions[14]);  // seq 15 is mine
        QCOMPARE(versionAt(model, 20), versions[20]);   // seq 21 is mine, not read yet
        QCOMPARE(versionAt(model, 19), versions[19]);   // the peer's

        // A new message at the end changes the last row (its neighbour) and no other.
        versions.clear();
        for (int i = 0; i < 30; ++i) {
            versions << versionAt(model, i);
        }
        QVERIFY(cache.storeMessages({::seeded(31)}));
        QCOMPARE(model.rowCount(), 31);
        QVERIFY(versionAt(model, 29) != versions[29]);
        QCOMPARE(versionAt(model, 27), versions[27]);

        // A rename reaches every row of the sender.
        auto bob = user(kPeer, "bob");
        bob.displayName = "Robert";
        QVERIFY(cache.upsertUser(bob));
        QCOMPARE(roleAt(model, 0, MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("Robert"));
        QVERIFY(versionAt(model, 0) != versions[0]);
        QCOMPARE(roleAt(model, 0, MessageListModel::KindRole).toInt(),
                 int(MessageRowStore::Kind::Message));
    }

    void arenaStaysBoundedUnderEdits() {
        MessageRowStore store;
        std::vector<client::cache::MessageRow> rows(100);
        for (int i = 0; i < 100; ++i) {
            rows[size_t(i)].id = i + 1;
            rows[size_t(i)].seq = i + 1;
            rows[size_t(i)].sender = kPeer;
            rows[size_t(i)].senderName = QStringLiteral("bob");
            rows[size_t(i)].text = QStringLiteral("row %1").arg(i);
        }
        store.insert(0, rows, kMe);
        client::cache::MessageRow edited = rows[50];
        for (int round = 0; round < 2000; ++round) {
            edited.text = QString(1000, QChar(u'é')) + QString::number(round);
            store.assign(50, edited, kMe);
        }
        QCOMPARE(store.text(50), edited.text);
        QCOMPARE(store.text(49), QStringLiteral("row 49"));
        QCOMPARE(store.text(99), QStringLiteral("row 99"));
        // 2,000 edits of 2 KB each wrote 4 MB; the arena keeps about one copy and the rest.
        QVERIFY2(store.arenaBytes() < 3u << 20, qPrintable(QString::number(store.arenaBytes())));
        store.erase(10, 80);
        QCOMPARE(store.size(), 20);
        QCOMPARE(store.text(9), QStringLiteral("row 9"));
        QCOMPARE(store.text(10), QStringLiteral("row 90"));
    }
};

QTEST_GUILESS_MAIN(TestMessageListModel)
#include "tst_message_list_model.moc"
