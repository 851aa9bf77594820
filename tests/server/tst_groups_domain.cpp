// The groups domain over a real SQLite file: the permission table, creation, roles seen at once by
// the directory, succession with its tie-breaks, kicks and bans, deletion, and what is relayed.
#include <QTemporaryDir>
#include <QTest>
#include <optional>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/groups.h"
#include "server/domain/groups_peers.h"
#include "server/domain/roles.h"
#include "tests/server/domain_fixture.h"

using protocol::Role;
using server::domain::GroupAction;
using test::Domain;
using test::errorOf;

namespace {

// The table of PROTOCOL.md "Groups, roles and moderation": the least role allowed each action.
struct TableRow {
    GroupAction action;
    Role least;
};
constexpr TableRow kTable[] = {
    {GroupAction::Post, Role::Member},
    {GroupAction::EditOwn, Role::Member},
    {GroupAction::DeleteOwn, Role::Member},
    {GroupAction::Leave, Role::Member},
    {GroupAction::DeleteOthers, Role::Moderator},
    {GroupAction::Pin, Role::Moderator},
    {GroupAction::Mute, Role::Moderator},
    {GroupAction::Kick, Role::Moderator},
    {GroupAction::ViewAudit, Role::Moderator},
    {GroupAction::Ban, Role::Admin},
    {GroupAction::AddMembers, Role::Admin},
    {GroupAction::SetRoleMemberOrModerator, Role::Admin},
    {GroupAction::EditSettings, Role::Admin},
    {GroupAction::SetRoleAdmin, Role::Owner},
    {GroupAction::TransferOwnership, Role::Owner},
    {GroupAction::DeleteGroup, Role::Owner},
};
// Qt Test prints enums through toString(), which protocol::toString shadows: compare names.
QString name(Role role) {
    return QString::fromUtf8(protocol::toString(role));
}

constexpr Role kRoles[] = {Role::Member, Role::Moderator, Role::Admin, Role::Owner};

}  // namespace

class TestGroupsDomain : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.emplace().isValid());
        m_domain.emplace(m_dir->path());
        auto& d = *m_domain;
        m_groups.emplace(d.database, d.writer, d.directory, d.chats, d.users, d.broadcaster,
                         d.clock);
        m_owner = d.addUser("owner");
        for (const auto* name : {"ana", "bo", "cy", "dee"}) {
            const auto id = d.addUser(name);
            d.befriend(m_owner, id);
            m_friends.push_back(id);
        }
        m_stranger = d.addUser("stranger");
    }
    void cleanup() {
        m_groups.reset();
        m_domain.reset();
        m_dir.reset();
        m_friends.clear();
    }

    void permissionTableMatchesTheProtocol() {
        for (const auto& row : kTable)
            for (const auto role : kRoles)
                QCOMPARE(server::domain::allowed(row.action, role),
                         server::domain::rank(role) >= server::domain::rank(row.least));
        for (const auto actor : kRoles)
            for (const auto target : kRoles)
                QCOMPARE(server::domain::outranks(actor, target),
                         static_cast<int>(actor) > static_cast<int>(target));
    }

    void createMakesTheCallerOwnerAndTellsEveryMember() {
        m_domain->broadcaster.clear();
        const auto chat = create({m_friends[0], m_friends[1], m_friends[0]});
        QCOMPARE(name(chat.myRole), name(Role::Owner));
        QVERIFY(chat.kind == protocol::ChatKind::Group);
        QCOMPARE(chat.name, std::string("Team"));
        QCOMPARE(chat.memberCount, std::int64_t{3});
        QVERIFY(!chat.peer);
        QCOMPARE(chat.lastSeq, std::int64_t{3});  // member.added for each, owner first
        for (const auto id : {m_owner, m_friends[0], m_friends[1]})
            QCOMPARE(m_domain->broadcaster.to(id, "chat.added").size(), std::size_t{1});
        QCOMPARE(m_domain->broadcaster.to(m_friends[0], "event").size(), std::size_t{0});
        QCOMPARE(name(m_domain->directory.requireRole(chat.id, m_friends[1])), name(Role::Member));
        QCOMPARE(name(m_domain->chats.get(m_friends[0], chat.id).myRole), name(Role::Member));
    }

    void createRefusesStrangersAndBadNames() {
        QCOMPARE(errorOf([&] { create({m_stranger}); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { create({999}); }), QString("not_found"));
        QCOMPARE(errorOf([&] {
                     m_groups->create(m_owner, {"   ", "", {}});
                 }),
                 QString("bad_request"));
        QCOMPARE(errorOf([&] {
                     m_groups->create(m_owner, {std::string(65, 'x'), "", {}});
                 }),
                 QString("bad_request"));
        QCOMPARE(errorOf([&] {
                     m_groups->create(m_owner, {std::string(64, 'x'), "", {}});
                 }),
                 QString("none"));
        QCOMPARE(errorOf([&] {
                     m_groups->create(m_owner, {"n", std::string(501, 'd'), {}});
                 }),
                 QString("bad_request"));
        QCOMPARE(m_domain->chats.list(m_stranger).size(), std::size_t{0});
    }

    void aLoweredRoleCountsAtOnce() {
        const auto chat = create({m_friends[0], m_friends[1]});
        m_groups->setRole(m_owner, chat.id, m_friends[0], Role::Admin);
        QCOMPARE(name(m_domain->directory.requireRole(chat.id, m_friends[0])), name(Role::Admin));
        m_groups->setRole(m_friends[0], chat.id, m_friends[1], Role::Moderator);
        m_groups->setRole(m_owner, chat.id, m_friends[0], Role::Member);
        QCOMPARE(name(m_domain->directory.requireRole(chat.id, m_friends[0])), name(Role::Member));
        QCOMPARE(
            errorOf([&] { m_groups->setRole(m_friends[0], chat.id, m_friends[1], Role::Member); }),
            QString("forbidden"));
        QCOMPARE(errorOf([&] { m_groups->removeMember(m_friends[0], chat.id, m_friends[1]); }),
                 QString("forbidden"));
        // The moderator may kick the member it now outranks.
        m_groups->removeMember(m_friends[1], chat.id, m_friends[0]);
        QCOMPARE(errorOf([&] { m_domain->directory.requireRole(chat.id, m_friends[0]); }),
                 QString("not_found"));
    }

    void successionTakesTheHighestRoleThenTheEarliestThenTheLowestId() {
        // All four join at the same instant: the lowest id wins a tie.
        const auto chat = create({m_friends[3], m_friends[2], m_friends[1], m_friends[0]});
        m_groups->setRole(m_owner, chat.id, m_friends[2], Role::Moderator);
        m_groups->setRole(m_owner, chat.id, m_friends[3], Role::Moderator);
        m_groups->removeMember(m_owner, chat.id, m_owner);
        QCOMPARE(name(m_domain->directory.requireRole(chat.id, m_friends[2])), name(Role::Owner));
        QCOMPARE(name(m_domain->directory.requireRole(chat.id, m_friends[3])),
                 name(Role::Moderator));

        // A later joiner loses to an earlier one of the same role, whatever its id.
        const auto later = create({m_friends[1]});
        m_groups->addMember(m_owner, later.id, m_friends[0]);
        m_groups->removeMember(m_owner, later.id, m_owner);
        QCOMPARE(name(m_domain->directory.requireRole(later.id, m_friends[1])), name(Role::Owner));
    }

    void theLastMemberLeavingDeletesTheGroup() {
        const auto chat = create({m_friends[0]});
        m_groups->removeMember(m_owner, chat.id, m_owner);
        m_groups->removeMember(m_friends[0], chat.id, m_friends[0]);
        QVERIFY(!m_domain->directory.find(chat.id));
        const auto removed = m_domain->broadcaster.to(m_friends[0], "chat.removed");
        QCOMPARE(removed.size(), std::size_t{1});
        QCOMPARE(removed[0].at("reason").as_string(), "left");
    }

    void aKickedMemberGetsItsRemovalThenNothing() {
        const auto chat = create({m_friends[0], m_friends[1]});
        auto& d = *m_domain;
        d.send(m_friends[0], chat.id, "before", "k-1");
        d.broadcaster.clear();
        m_groups->removeMember(m_owner, chat.id, m_friends[0]);
        d.send(m_friends[1], chat.id, "after", "k-2");
        const auto events = d.broadcaster.to(m_friends[0], "event");
        QCOMPARE(events.size(), std::size_t{1});
        QCOMPARE(events[0].at("event").at("type").as_string(), "member.removed");
        QCOMPARE(d.broadcaster.to(m_friends[0], "chat.removed").size(), std::size_t{1});
        QCOMPARE(d.broadcaster.to(m_friends[1], "event").size(), std::size_t{2});
        QCOMPARE(errorOf([&] { d.messages.events(m_friends[0], chat.id, 0, std::nullopt); }),
                 QString("not_found"));
        QCOMPARE(errorOf([&] { d.chats.get(m_friends[0], chat.id); }), QString("not_found"));
    }

    void groupNotificationsReachTheMemberConcernedOnly() {
        auto& d = *m_domain;
        d.broadcaster.clear();
        const auto chat = create({m_friends[0], m_friends[1]});
        const auto notified = [&](std::int64_t user) {
            std::vector<std::string> types;
            for (const auto& frame : d.broadcaster.to(user, "notification"))
                types.emplace_back(frame.at("notification").at("type").as_string());
            return types;
        };
        using Types = std::vector<std::string>;
        QCOMPARE(notified(m_friends[0]), Types{"group_added"});
        QVERIFY(notified(m_owner).empty());
        // A refused action (a member kicking) leaves no notification behind.
        QCOMPARE(errorOf([&] { m_groups->removeMember(m_friends[0], chat.id, m_friends[1]); }),
                 QString("forbidden"));
        QCOMPARE(notified(m_friends[1]), Types{"group_added"});
        m_groups->setRole(m_owner, chat.id, m_friends[0], Role::Admin);
        m_groups->removeMember(m_friends[0], chat.id, m_friends[1]);
        QCOMPARE(notified(m_friends[0]), (Types{"group_added", "role_changed"}));
        QCOMPARE(notified(m_friends[1]), (Types{"group_added", "kicked"}));
        QCOMPARE(d.broadcaster.to(m_friends[1], "chat.removed").size(), std::size_t{1});
        QVERIFY(notified(m_owner).empty());
        // The chat is gone for the kicked member; the notification still says which it was.
        const auto kicked = d.broadcaster.to(m_friends[1], "notification")[1].at("notification");
        QCOMPARE(kicked.at("text").as_string(), "ana removed you from Team");
        QCOMPARE(kicked.at("chat_id").as_int64(), chat.id);
        QCOMPARE(kicked.at("actor").as_int64(), m_friends[0]);
    }

    void aBannedUserCannotBeAddedUntilUnbanned() {
        const auto chat = create({m_friends[0], m_friends[1]});
        m_groups->ban(m_owner, chat.id, m_friends[0], "spam");
        QCOMPARE(errorOf([&] { m_groups->addMember(m_owner, chat.id, m_friends[0]); }),
                 QString("forbidden"));
        QCOMPARE(errorOf([&] { m_groups->ban(m_owner, chat.id, m_friends[0], ""); }),
                 QString("conflict"));
        // A non-member's ban is recorded too.
        m_groups->ban(m_owner, chat.id, m_friends[2], "");
        const auto bans = m_groups->bans(m_owner, chat.id);
        QCOMPARE(bans.size(), std::size_t{2});
        m_groups->unban(m_owner, chat.id, m_friends[0]);
        QCOMPARE(name(m_groups->addMember(m_owner, chat.id, m_friends[0]).role),
                 name(Role::Member));
        QCOMPARE(errorOf([&] { m_groups->unban(m_owner, chat.id, m_friends[0]); }),
                 QString("not_found"));
    }

    void deletingTheGroupRemovesItForEveryone() {
        const auto chat = create({m_friends[0], m_friends[1]});
        auto& d = *m_domain;
        d.send(m_friends[0], chat.id, "searchable words", "d-1");
        d.send(m_friends[1], chat.id, "not yet indexed", "d-3");
        // Searching indexes what is queued: the group's text is in the index when it goes.
        QCOMPARE(d.messages.search(m_owner, chat.id, "searchable").size(), std::size_t{1});
        d.send(m_friends[1], chat.id, "queued words", "d-4");
        QCOMPARE(errorOf([&] { m_groups->deleteGroup(m_friends[0], chat.id); }),
                 QString("forbidden"));
        m_groups->deleteGroup(m_owner, chat.id);
        for (const auto id : {m_owner, m_friends[0], m_friends[1]}) {
            const auto removed = d.broadcaster.to(id, "chat.removed");
            QCOMPARE(removed.size(), std::size_t{1});
            QCOMPARE(removed[0].at("reason").as_string(), "deleted");
        }
        QVERIFY(!d.directory.find(chat.id));
        // The full-text index stays consistent: another chat still searches.
        const auto direct = d.befriend(m_friends[0], m_friends[1]);
        d.send(m_friends[0], direct, "searchable again", "d-2");
        QCOMPARE(d.messages.search(m_friends[1], direct, "searchable").size(), std::size_t{1});
        d.search.checkIntegrity();
    }

    void directChatsRefuseGroupActions() {
        const auto direct = m_domain->befriend(m_friends[0], m_friends[1]);
        QCOMPARE(errorOf([&] { m_groups->deleteGroup(m_friends[0], direct); }),
                 QString("forbidden"));
        QCOMPARE(errorOf([&] { m_groups->removeMember(m_friends[0], direct, m_friends[1]); }),
                 QString("forbidden"));
        QCOMPARE(errorOf([&] { m_groups->addMember(m_owner, direct, m_friends[2]); }),
                 QString("not_found"));
        QCOMPARE(m_groups->members(m_friends[0], direct).size(), std::size_t{2});
    }

    void presenceReachesFellowMembersNotBlockedOnes() {
        const auto chat = create({m_friends[0], m_friends[1]});
        Q_UNUSED(chat);
        server::domain::GroupPeers peers(m_domain->database);
        const auto audience = peers.presenceAudience(m_friends[0]);
        QCOMPARE(audience, (std::vector<std::int64_t>{m_owner, m_friends[1]}));
        QVERIFY(peers.shareGroup(m_friends[0], m_friends[1]));
        QVERIFY(!peers.shareGroup(m_friends[0], m_stranger));
    }

private:
    protocol::Chat create(std::vector<std::int64_t> members) {
        return m_groups->create(m_owner, {"Team", "", std::move(members)});
    }

    std::optional<QTemporaryDir> m_dir;
    std::optional<Domain> m_domain;
    std::optional<server::domain::Groups> m_groups;
    std::int64_t m_owner = 0;
    std::int64_t m_stranger = 0;
    std::vector<std::int64_t> m_friends;
};

QTEST_GUILESS_MAIN(TestGroupsDomain)
#include "tst_groups_domain.moc"
