// The conversation's model of a group over a real cache file: member events sit among the
// messages by seq on every page and live, a group whose cache holds only member events shows
// them all, and a settings change reads against what came before it.
#include <QAbstractItemModelTester>
#include <QJsonDocument>
#include <QJsonObject>
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

constexpr qint64 kGroup = 20;

protocol::Chat groupChat() {
    protocol::Chat chat;
    chat.id = kGroup;
    chat.kind = protocol::ChatKind::Group;
    chat.name = "Climbers";
    chat.createdTs = 1;
    chat.myRole = protocol::Role::Owner;
    chat.memberCount = 2;
    return chat;
}

protocol::Event groupEvent(qint64 seq, const char* type, const std::string& data) {
    protocol::Event e;
    e.chatId = kGroup;
    e.seq = seq;
    e.ts = 1'700'000'000'000 + seq * 1000;
    e.type = type;
    e.actor = kMe;
    e.dataJson = data;
    return e;
}

// Event `seq` of the group: a role change of the peer every tenth seq, else a peer's message.
protocol::Event groupSeeded(qint64 seq) {
    if (seq % 10 == 0) {
        return groupEvent(seq, "member.role",
                          seq % 20 == 0 ? R"({"user_id":2,"role":"moderator"})"
                                        : R"({"user_id":2,"role":"member"})");
    }
    protocol::Message m;
    m.id = 5000 + seq;
    m.chatId = kGroup;
    m.seq = seq;
    m.sender = kPeer;
    m.ts = 1'700'000'000'000 + seq * 1000;
    m.text = "group message #" + std::to_string(seq);
    return groupEvent(seq, "message.created", "{\"message\":" + protocol::encode(m) + "}");
}

// A cache holding the group with events 1..count applied live.
struct GroupCache {
    QTemporaryDir dir;
    LocalCache store{dir.path()};
    bool opened = store.open();
    ChatCache cache{store};

    explicit GroupCache(int count) {
        cache.setMe(kMe);
        if (!opened || !cache.upsertUser(user(kMe, "me")) ||
            !cache.upsertUser(user(kPeer, "bob")) || !cache.upsertChat(groupChat())) {
            opened = false;
            return;
        }
        for (int seq = 1; seq <= count && opened; ++seq) {
            opened = apply(seq);
        }
    }
    bool apply(qint64 seq) {
        return cache.applyEvent(groupSeeded(seq)) == ChatCache::Applied::Applied;
    }
};

bool isSystemAt(const MessageListModel& model, int row) {
    return model.index(row).data(MessageListModel::KindRole).toInt() ==
           static_cast<int>(MessageRowStore::Kind::System);
}

}  // namespace

class TestMessageListModelGroups : public QObject {
    Q_OBJECT

private Q_SLOTS:
    // Member events sit among the messages by seq, on the first page and on every older page,
    // and one applied live lands at its place; a system row is never an own editable message.
    void systemLinesMergeBySeqAcrossPages() {
        GroupCache seeded(400);
        QVERIFY(seeded.opened);
        // The 50 newest messages (seqs 345..399) and the six lines above the oldest of them.
        QCOMPARE(MessageListModel(seeded.cache, kGroup).rowCount(),
                 MessageListModel::kPageSize + 6);
        MessageListModel model(seeded.cache, kGroup);
        // The tester pages in older history itself.
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto checkOrder = [&model] {
            for (int row = 0; row < model.rowCount(); ++row) {
                const qint64 seq = roleAt(model, row, MessageListModel::SeqRole).toLongLong();
                if (row > 0) {
                    QCOMPARE_GT(seq,
                                roleAt(model, row - 1, MessageListModel::SeqRole).toLongLong());
                }
                QCOMPARE(isSystemAt(model, row), seq % 10 == 0);
            }
        };
        checkOrder();
        loadAll(model);
        QCOMPARE(model.rowCount(), 400);
        checkOrder();
        QCOMPARE(roleAt(model, 0, MessageListModel::SeqRole).toLongLong(), 1);

        const int line = 19;  // seq 20: Bo made a moderator
        QCOMPARE(roleAt(model, line, MessageListModel::SystemTypeRole).toString(),
                 QStringLiteral("member.role"));
        QCOMPARE(roleAt(model, line, MessageListModel::SenderIdRole).toLongLong(), kMe);
        QCOMPARE(roleAt(model, line, MessageListModel::SenderNameRole).toString(),
                 QStringLiteral("me Display"));
        QCOMPARE(roleAt(model, line, MessageListModel::SubjectIdRole).toLongLong(), kPeer);
        QCOMPARE(roleAt(model, line, MessageListModel::SubjectNameRole).toString(),
                 QStringLiteral("bob Display"));
        QVERIFY(roleAt(model, line, MessageListModel::SystemDataRole)
                    .toString()
                    .contains(QStringLiteral("moderator")));
        QCOMPARE(roleAt(model, line, MessageListModel::MessageIdRole).toLongLong(), 0);
        QVERIFY(!roleAt(model, line, MessageListModel::IsOwnRole).toBool());
        QCOMPARE(model.lastOwnMessageId(), 0);

        // Live: messages, then a role change (seq 410) after them.
        for (qint64 seq = 401; seq <= 410; ++seq) {
            QVERIFY(seeded.apply(seq));
        }
        QCOMPARE(model.rowCount(), 410);
        checkOrder();
        QVERIFY(isSystemAt(model, 409));
    }

    // A group whose cache holds only member events shows them all, and a line applied while
    // the part it belongs to is not loaded comes with that part's page.
    void systemLinesWithoutMessagesAndBelowTheLoadedPart() {
        GroupCache seeded(0);
        QVERIFY(seeded.opened);
        QCOMPARE(seeded.cache.applyEvent(
                     groupEvent(1, "member.role", R"({"user_id":2,"role":"admin"})")),
                 ChatCache::Applied::Applied);
        MessageListModel model(seeded.cache, kGroup);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1);
        QVERIFY(isSystemAt(model, 0));
        QVERIFY(!model.canFetchMore({}));
        for (qint64 seq = 2; seq <= 200; ++seq) {
            QVERIFY(seeded.apply(seq));
        }
        QCOMPARE(model.rowCount(), 200);

        // Opened again: the newest page, then the rest page by page, each line once.
        MessageListModel reopened(seeded.cache, kGroup);
        QCOMPARE_LT(reopened.rowCount(), 200);
        loadAll(reopened);
        QCOMPARE(reopened.rowCount(), 200);
        QVERIFY(isSystemAt(reopened, 0));
        QVERIFY(!reopened.canFetchMore({}));
    }

    // The first change of a group's settings reads against the defaults a new group gets when
    // its history is there from the creation (seq 1); later ones against the change before.
    void aFirstSettingsChangeReadsAgainstANewGroupsDefaults() {
        const auto updated = [](qint64 seq, int slowModeS) {
            protocol::Chat chat = groupChat();
            chat.settings.slowModeS = slowModeS;
            return groupEvent(seq, "chat.updated", "{\"chat\":" + protocol::encode(chat) + "}");
        };
        const auto previous = [](const MessageListModel& model, int row) {
            return QJsonDocument::fromJson(
                       roleAt(model, row, MessageListModel::PreviousChatRole).toString().toUtf8())
                .object();
        };
        GroupCache fromStart(0);
        QVERIFY(fromStart.opened);
        QCOMPARE(fromStart.cache.applyEvent(
                     groupEvent(1, "member.role", R"({"user_id":2,"role":"admin"})")),
                 ChatCache::Applied::Applied);
        QCOMPARE(fromStart.cache.applyEvent(updated(2, 30)), ChatCache::Applied::Applied);
        QCOMPARE(fromStart.cache.applyEvent(updated(3, 0)), ChatCache::Applied::Applied);
        MessageListModel model(fromStart.cache, kGroup);
        QCOMPARE(model.rowCount(), 3);
        const QJsonObject before = previous(model, 1);
        QCOMPARE(before.value(QStringLiteral("name")).toString(), QStringLiteral("Climbers"));
        QCOMPARE(before.value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("slow_mode_s"))
                     .toInt(-1),
                 0);
        QCOMPARE(previous(model, 2)
                     .value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("slow_mode_s"))
                     .toInt(),
                 30);
        QVERIFY(roleAt(model, 0, MessageListModel::PreviousChatRole).toString().isEmpty());

        // While the loaded rows do not reach the creation, what came before is not known.
        GroupCache longer(120);
        QVERIFY(longer.opened);
        QCOMPARE(longer.cache.applyEvent(updated(121, 30)), ChatCache::Applied::Applied);
        MessageListModel partial(longer.cache, kGroup);
        const int last = partial.rowCount() - 1;
        QCOMPARE_GT(roleAt(partial, 0, MessageListModel::SeqRole).toLongLong(), 1);
        QCOMPARE(roleAt(partial, last, MessageListModel::SeqRole).toLongLong(), 121);
        QVERIFY(roleAt(partial, last, MessageListModel::PreviousChatRole).toString().isEmpty());
        loadAll(partial);
        QCOMPARE(previous(partial, partial.rowCount() - 1)
                     .value(QStringLiteral("settings"))
                     .toObject()
                     .value(QStringLiteral("slow_mode_s"))
                     .toInt(-1),
                 0);
    }
};

QTEST_GUILESS_MAIN(TestMessageListModelGroups)
#include "tst_message_list_model_groups.moc"
