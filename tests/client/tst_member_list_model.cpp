// The member list of a group over the cache, without a server: grouped by role, online first then
// by name, following the member events live (under QAbstractItemModelTester), system lines stored
// once per event, and a list of 1,000 members.
#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/member_list_model.h"
#include "common/codec.h"

using client::cache::ChatCache;
using client::cache::LocalCache;
using client::models::MemberListModel;
using protocol::Role;

namespace {

constexpr qint64 kMe = 1;
constexpr qint64 kGroup = 50;

protocol::User user(qint64 id, const QString& name, bool online = false) {
    protocol::User u;
    u.id = id;
    u.username = name.toLower().toStdString();
    u.displayName = name.toStdString();
    u.status = online ? protocol::Presence::Online : protocol::Presence::Offline;
    return u;
}

protocol::Member member(qint64 id, const QString& name, Role role, bool online = false) {
    protocol::Member m;
    m.user = user(id, name, online);
    m.role = role;
    m.joinedTs = 1000 + id;
    return m;
}

protocol::Chat group(qint64 id, qint64 lastSeq, qint64 memberCount) {
    protocol::Chat chat;
    chat.id = id;
    chat.kind = protocol::ChatKind::Group;
    chat.name = "Climbers";
    chat.createdTs = 10;
    chat.lastSeq = lastSeq;
    chat.myRole = Role::Owner;
    chat.memberCount = memberCount;
    return chat;
}

protocol::Event groupEvent(qint64 seq, const char* type, const std::string& data,
                           qint64 actor = kMe) {
    protocol::Event e;
    e.chatId = kGroup;
    e.seq = seq;
    e.ts = 1000 * seq;
    e.type = type;
    e.actor = actor;
    e.dataJson = data;
    return e;
}

std::string addedData(const protocol::Member& m) {
    return "{\"member\":" + protocol::encode(m) + "}";
}

struct FreshCache {
    QTemporaryDir dir;
    LocalCache store{dir.path()};
    bool opened = store.open();
    ChatCache cache{store};
    FreshCache() { cache.setMe(kMe); }
};

QStringList names(const MemberListModel& model) {
    QStringList out;
    for (int row = 0; row < model.rowCount(); ++row) {
        out << model.index(row).data(MemberListModel::NameRole).toString();
    }
    return out;
}

}  // namespace

class TestMemberListModel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void groupedByRoleThenPresenceThenName() {
        FreshCache fresh;
        QVERIFY(fresh.opened);
        QVERIFY(fresh.cache.upsertChat(group(kGroup, 0, 6)));
        QVERIFY(fresh.cache.setMembers(
            kGroup, {member(5, "eve", Role::Member), member(kMe, "Me", Role::Owner, true),
                     member(3, "Cleo", Role::Moderator), member(4, "dan", Role::Member, true),
                     member(2, "Bo", Role::Admin), member(6, "Ann", Role::Member)}));
        MemberListModel model(fresh.cache, kGroup);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);

        QCOMPARE(names(model), (QStringList{"Me", "Bo", "Cleo", "dan", "Ann", "eve"}));
        QVERIFY(model.index(0).data(MemberListModel::SectionStartRole).toBool());
        QVERIFY(model.index(3).data(MemberListModel::SectionStartRole).toBool());
        QVERIFY(!model.index(4).data(MemberListModel::SectionStartRole).toBool());
        QCOMPARE(model.index(3).data(MemberListModel::RoleNameRole).toString(),
                 QStringLiteral("Members"));
        QCOMPARE(model.index(3).data(MemberListModel::SectionCountRole).toInt(), 3);
        QVERIFY(model.index(0).data(MemberListModel::IsMeRole).toBool());
        QCOMPARE(model.onlineCount(), 2);

        const auto info = fresh.cache.group(kGroup);
        QVERIFY(info);
        QCOMPARE(info->memberCount, 6);
        QCOMPARE(info->onlineCount, 2);
        QVERIFY(info->myRole == Role::Owner);
    }

    void followsMemberEventsLive() {
        FreshCache fresh;
        QVERIFY(fresh.cache.upsertChat(group(kGroup, 0, 2)));
        QVERIFY(fresh.cache.setMembers(
            kGroup, {member(kMe, "Me", Role::Owner, true), member(2, "Bo", Role::Member)}));
        MemberListModel model(fresh.cache, kGroup);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy lines(&fresh.cache, &ChatCache::systemLineAdded);

        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(1, "member.added", addedData(member(3, "Cleo", Role::Member)))),
                 ChatCache::Applied::Applied);
        QCOMPARE(names(model), (QStringList{"Me", "Bo", "Cleo"}));
        QCOMPARE(fresh.cache.group(kGroup)->memberCount, 3);

        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(2, "member.role", R"({"user_id":3,"role":"moderator"})")),
                 ChatCache::Applied::Applied);
        QCOMPARE(names(model), (QStringList{"Me", "Cleo", "Bo"}));
        QCOMPARE(model.index(1).data(MemberListModel::RoleNameRole).toString(),
                 QStringLiteral("Moderators"));

        // Bo comes online: still after Cleo (a moderator), but the presence shows.
        QVERIFY(fresh.cache.setPresence(2, true, std::nullopt));
        QVERIFY(model.index(2).data(MemberListModel::OnlineRole).toBool());
        QCOMPARE(fresh.cache.group(kGroup)->onlineCount, 2);

        const qint64 until = QDateTime::currentMSecsSinceEpoch() + 3600 * 1000;
        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(3, "member.muted",
                                "{\"user_id\":2,\"muted_until\":" + std::to_string(until) + "}")),
                 ChatCache::Applied::Applied);
        QCOMPARE(model.index(2).data(MemberListModel::MutedUntilRole).toLongLong(), until);

        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(4, "member.removed", R"({"user_id":2,"reason":"kicked"})")),
                 ChatCache::Applied::Applied);
        QCOMPARE(names(model), (QStringList{"Me", "Cleo"}));
        QCOMPARE(fresh.cache.group(kGroup)->memberCount, 2);

        // A repeat changes nothing: idempotent by (chat_id, seq).
        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(4, "member.removed", R"({"user_id":2,"reason":"kicked"})")),
                 ChatCache::Applied::AlreadyApplied);
        QCOMPARE(lines.count(), 4);

        // My own role lowered shows as the group's my_role.
        QCOMPARE(fresh.cache.applyEvent(
                     groupEvent(5, "member.role", R"({"user_id":1,"role":"admin"})", 3)),
                 ChatCache::Applied::Applied);
        QVERIFY(fresh.cache.group(kGroup)->myRole == Role::Admin);
    }

    void systemLinesInSeqOrderWithNames() {
        FreshCache fresh;
        QVERIFY(fresh.cache.upsertChat(group(kGroup, 0, 1)));
        QVERIFY(fresh.cache.setMembers(kGroup, {member(kMe, "Ana", Role::Owner)}));
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(1, "member.added", addedData(member(2, "Bo", Role::Member)))) ==
                ChatCache::Applied::Applied);
        protocol::Chat renamed = group(kGroup, 2, 2);
        renamed.name = "Boulderers";
        renamed.settings.slowModeS = 30;
        QVERIFY(fresh.cache.applyEvent(groupEvent(
                    2, "chat.updated", "{\"chat\":" + protocol::encode(renamed) + "}")) ==
                ChatCache::Applied::Applied);
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(3, "member.role", R"({"user_id":2,"role":"moderator"})")) ==
                ChatCache::Applied::Applied);

        const auto all = fresh.cache.systemLines(kGroup, 0, 0);
        QCOMPARE(all.size(), size_t(3));
        QCOMPARE(all[0].type, QStringLiteral("member.added"));
        QCOMPARE(all[0].actorName, QStringLiteral("Ana"));
        QCOMPARE(all[0].subjectName, QStringLiteral("Bo"));
        QCOMPARE(all[1].type, QStringLiteral("chat.updated"));
        QCOMPARE(all[1].subject, 0);
        QCOMPARE(all[2].seq, 3);
        QVERIFY(all[2].dataJson.contains(QStringLiteral("moderator")));
        QCOMPARE(fresh.cache.systemLines(kGroup, 1, 3).size(), size_t(1));

        const auto info = fresh.cache.group(kGroup);
        QCOMPARE(info->name, QStringLiteral("Boulderers"));
        QCOMPARE(info->slowModeS, 30);
        // System lines are neither unread messages nor the rail's preview.
        QCOMPARE(fresh.cache.chat(kGroup)->unread, 0);
        QCOMPARE(fresh.cache.chat(kGroup)->lastMessageId, 0);
        QVERIFY(fresh.cache.messages(kGroup, 0, 50).empty());

        // Leaving the chat takes its members and lines with it.
        QVERIFY(fresh.cache.removeChat(kGroup));
        QVERIFY(fresh.cache.systemLines(kGroup, 0, 0).empty());
        QVERIFY(fresh.cache.members(kGroup).empty());
    }

    // The server's member_count already counts the events up to the chat's listed last_seq.
    void catchUpDoesNotCountTwice() {
        FreshCache fresh;
        QVERIFY(fresh.cache.upsertChat(group(kGroup, 2, 3)));
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(1, "member.added", addedData(member(2, "Bo", Role::Member)))) ==
                ChatCache::Applied::Applied);
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(2, "member.added", addedData(member(3, "Cy", Role::Member)))) ==
                ChatCache::Applied::Applied);
        QCOMPARE(fresh.cache.group(kGroup)->memberCount, 3);
        QVERIFY(!fresh.cache.group(kGroup)->membersLoaded);
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(3, "member.added", addedData(member(4, "Di", Role::Member)))) ==
                ChatCache::Applied::Applied);
        QCOMPARE(fresh.cache.group(kGroup)->memberCount, 4);
    }

    void thousandMembers() {
        FreshCache fresh;
        QVERIFY(fresh.cache.upsertChat(group(kGroup, 0, 1000)));
        std::vector<protocol::Member> list;
        for (qint64 id = 1; id <= 1000; ++id) {
            const Role role = id == kMe  ? Role::Owner
                              : id <= 5  ? Role::Admin
                              : id <= 25 ? Role::Moderator
                                         : Role::Member;
            list.push_back(member(id, QStringLiteral("user %1").arg(id, 4, 10, QLatin1Char('0')),
                                  role, id % 3 == 0));
        }
        QVERIFY(fresh.cache.setMembers(kGroup, list));
        QElapsedTimer opened;
        opened.start();
        MemberListModel model(fresh.cache, kGroup);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.countOf(Role::Admin), 4);
        QCOMPARE(model.countOf(Role::Moderator), 20);
        QCOMPARE(model.countOf(Role::Member), 975);
        // Owner, 4 admins, 20 moderators, then the members, online ones first.
        QVERIFY(model.index(25).data(MemberListModel::SectionStartRole).toBool());
        QVERIFY(model.index(25).data(MemberListModel::OnlineRole).toBool());
        qInfo("1,000 members: model built in %lld ms", qint64(opened.elapsed()));

        // A member leaves and another comes online: one row each, not a reset.
        QSignalSpy resets(&model, &QAbstractItemModel::modelReset);
        QVERIFY(fresh.cache.applyEvent(
                    groupEvent(1, "member.removed", R"({"user_id":500,"reason":"left"})")) ==
                ChatCache::Applied::Applied);
        QCOMPARE(model.rowCount(), 999);
        QCOMPARE(model.rowOfUser(500), -1);
        QVERIFY(fresh.cache.setPresence(998, true, std::nullopt));
        QVERIFY(model.index(model.rowOfUser(998)).data(MemberListModel::OnlineRole).toBool());
        QCOMPARE(resets.count(), 0);
        QCOMPARE(fresh.cache.group(kGroup)->memberCount, 999);
    }
};

QTEST_GUILESS_MAIN(TestMemberListModel)
#include "tst_member_list_model.moc"
