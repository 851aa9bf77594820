// Group moderation in the domain over a real SQLite file: mentions, posting rules, mutes with
// their events and audit entries, the audit log's filters and paging, message notifications.
#include <QTemporaryDir>
#include <QTest>
#include <optional>

#include "common/codec.h"
#include "common/errors.h"
#include "server/domain/audit_log.h"
#include "server/domain/groups.h"
#include "server/domain/mentions.h"
#include "server/domain/moderation.h"
#include "server/domain/notifications.h"
#include "server/domain/notifications_messages.h"
#include "server/domain/posting_policy.h"
#include "server/store/moderation_repository.h"
#include "tests/server/domain_fixture.h"

using protocol::Role;
using server::domain::AuditFilter;
using server::store::Connection;
using server::store::PostingRow;
using test::errorOf;

namespace {

std::vector<std::string> names(std::string_view text) {
    return server::domain::mentionedUsernames(text);
}

PostingRow groupRow(std::string role) {
    PostingRow row;
    row.kind = "group";
    row.role = std::move(role);
    return row;
}

}  // namespace

class TestModerationDomain : public QObject {
    Q_OBJECT

private slots:
    void init() {
        QVERIFY(m_dir.emplace().isValid());
        m_domain.emplace(m_dir->path());
        auto& d = *m_domain;
        m_groups.emplace(d.database, d.writer, d.directory, d.chats, d.users, d.broadcaster,
                         d.clock);
        m_moderation.emplace(d.database, d.writer, d.directory, d.broadcaster, d.clock);
        m_notifications.emplace(d.database, d.writer, d.directory);
        m_owner = d.addUser("olga");
        m_mod = d.addUser("mike");
        m_member = d.addUser("mary");
        m_other = d.addUser("otto");
        for (const auto id : {m_mod, m_member, m_other})
            d.befriend(m_owner, id);
        m_chat = m_groups->create(m_owner, {"club", "", {m_mod, m_member, m_other}}).id;
        m_groups->setRole(m_owner, m_chat, m_mod, Role::Moderator);
        d.broadcaster.clear();
    }
    void cleanup() {
        m_notifications.reset();
        m_moderation.reset();
        m_groups.reset();
        m_domain.reset();
        m_dir.reset();
    }

    void mentionsAreFoundOncePerName() {
        QCOMPARE(names("hi @Ana and @bob, @ana again"), (std::vector<std::string>{"ana", "bob"}));
        QCOMPARE(names("mail me at x@ana.com"), std::vector<std::string>{});
        QCOMPARE(names("@ab is too short, @@ana is not one"), std::vector<std::string>{});
        QCOMPARE(names("thanks @ana."), (std::vector<std::string>{"ana.", "ana"}));
        QCOMPARE(names("(@bo_b)"), std::vector<std::string>{"bo_b"});
        std::string many;
        for (int i = 0; i < 40; ++i)
            many += "@user" + std::to_string(i) + " ";
        QCOMPARE(names(many).size(), server::domain::kMaxMentions);
    }

    void theDirectoryShowsAnExpiredMuteAsNone() {
        m_moderation->mute(m_owner, m_chat, m_member, 1);
        const auto entry = m_domain->directory.find(m_chat);
        QVERIFY(entry);
        const auto* info = entry->member(m_member);
        QVERIFY(info && info->mutedUntil);
        const auto until = *info->mutedUntil;
        QCOMPARE(info->mutedAt(until - 1), std::optional<std::int64_t>(until));
        QVERIFY(info->isMutedAt(until - 1));
        QCOMPARE(info->mutedAt(until), std::optional<std::int64_t>());
        QVERIFY(!info->isMutedAt(until + 1));
        QVERIFY(!entry->member(m_other)->isMutedAt(0));
        QCOMPARE(server::domain::activeMute(std::nullopt, 5), std::optional<std::int64_t>());
    }

    void postingRulesRefuseWhatTheProtocolSays() {
        using server::domain::checkPosting;
        const std::int64_t now = 1'000'000;
        auto muted = groupRow("admin");
        muted.mutedUntil = now + 1;
        QCOMPARE(errorOf([&] { checkPosting(muted, now); }), QString("forbidden"));
        muted.mutedUntil = now;  // expired: no mute
        QCOMPARE(errorOf([&] { checkPosting(muted, now); }), QString("none"));

        auto adminsOnly = groupRow("moderator");
        adminsOnly.onlyAdminsPost = true;
        QCOMPARE(errorOf([&] { checkPosting(adminsOnly, now); }), QString("forbidden"));
        adminsOnly.role = "admin";
        QCOMPARE(errorOf([&] { checkPosting(adminsOnly, now); }), QString("none"));

        auto slow = groupRow("member");
        slow.slowModeS = 10;
        slow.lastPostTs = now - 4000;
        try {
            checkPosting(slow, now);
            QFAIL("an early post in slow mode was allowed");
        } catch (const protocol::ApiError& error) {
            QCOMPARE(error.code(), protocol::ErrorCode::RateLimited);
            QCOMPARE(error.retryAfterMs(), std::optional<int>(6000));
        }
        slow.lastPostTs = now - 10000;
        QCOMPARE(errorOf([&] { checkPosting(slow, now); }), QString("none"));
        slow.role = "moderator";  // moderators and above are not slowed
        slow.lastPostTs = now - 1;
        QCOMPARE(errorOf([&] { checkPosting(slow, now); }), QString("none"));

        auto direct = groupRow("member");
        direct.kind = "direct";
        direct.mutedUntil = now + 5;
        QCOMPARE(errorOf([&] { checkPosting(direct, now); }), QString("none"));
    }

    void enforcePostingRecordsSlowModeInTheOp() {
        auto& d = *m_domain;
        server::domain::GroupPatch patch;
        patch.slowModeS = 60;
        m_groups->update(m_owner, m_chat, patch);
        const auto post = [&](std::int64_t user) {
            return errorOf([&] {
                d.writer.run<void>([&](Connection& c) {
                    server::domain::enforcePosting(c, m_chat, user, d.clock.nowMs());
                });
            });
        };
        QCOMPARE(post(m_member), QString("none"));
        QCOMPARE(post(m_member), QString("rate_limited"));
        QCOMPARE(post(m_mod), QString("none"));
        QCOMPARE(post(m_mod), QString("none"));
        QCOMPARE(post(d.addUser("stranger")), QString("not_found"));
    }

    void muteNeedsModeratorAndHigherRank() {
        auto& m = *m_moderation;
        QCOMPARE(errorOf([&] { m.mute(m_member, m_chat, m_other, 60); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, m_owner, 60); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, m_mod, 60); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, m_member, 0); }), QString("bad_request"));
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, m_member, 31'536'001); }),
                 QString("bad_request"));
        const auto outsider = m_domain->addUser("ursula");
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, outsider, 60); }), QString("not_found"));
        QCOMPARE(errorOf([&] { m.mute(outsider, m_chat, m_member, 60); }), QString("not_found"));
        QCOMPARE(errorOf([&] { m.mute(m_mod, m_chat, m_member, 60); }), QString("none"));
    }

    void muteAndUnmuteAreEventsAndAuditEntries() {
        auto& d = *m_domain;
        m_moderation->mute(m_mod, m_chat, m_member, 3600);
        const auto events = d.broadcaster.to(m_other, "event");
        QCOMPARE(events.size(), std::size_t{1});
        const auto& event = events[0].at("event").as_object();
        QCOMPARE(QString(event.at("type").as_string().c_str()), QString("member.muted"));
        const auto until = event.at("data").at("muted_until").as_int64();
        QCOMPARE(event.at("data").at("user_id").as_int64(), m_member);
        QVERIFY(until > d.clock.nowMs() + 3'599'000);
        QCOMPARE(d.directory.find(m_chat)->member(m_member)->mutedUntil,
                 std::optional<std::int64_t>(until));
        const auto post = [&] {
            return errorOf([&] {
                d.writer.run<void>([&](Connection& c) {
                    server::domain::enforcePosting(c, m_chat, m_member, d.clock.nowMs());
                });
            });
        };
        QCOMPARE(post(), QString("forbidden"));

        m_moderation->unmute(m_mod, m_chat, m_member);
        QCOMPARE(post(), QString("none"));
        const auto after = d.broadcaster.to(m_member, "event");
        QCOMPARE(after.size(), std::size_t{2});
        QVERIFY(after[1].at("event").at("data").at("muted_until").is_null());
        // Unmuting someone not muted changes nothing.
        m_moderation->unmute(m_mod, m_chat, m_member);
        QCOMPARE(d.broadcaster.to(m_member, "event").size(), std::size_t{2});

        const auto audit = m_moderation->audit(m_owner, m_chat, {});
        QVERIFY(audit.size() >= 2);
        QCOMPARE(QString::fromStdString(audit[0].action), QString("member.unmuted"));
        QCOMPARE(audit[0].target, std::optional<std::int64_t>(m_member));
        QCOMPARE(audit[0].actor, m_mod);
        QCOMPARE(QString::fromStdString(audit[1].action), QString("member.muted"));
        QVERIFY(audit[1].detailsJson.find("\"seconds\":3600") != std::string::npos);
    }

    void auditFiltersAndPages() {
        auto& m = *m_moderation;
        for (int i = 0; i < 3; ++i) {
            m.mute(m_mod, m_chat, m_member, 60);
            m.mute(m_owner, m_chat, m_other, 60);
        }
        QCOMPARE(errorOf([&] { m.audit(m_member, m_chat, {}); }), QString("forbidden"));
        QCOMPARE(errorOf([&] { m.audit(m_domain->addUser("nobody"), m_chat, {}); }),
                 QString("not_found"));
        AuditFilter byActor;
        byActor.actor = m_mod;
        const auto mods = m.audit(m_mod, m_chat, byActor);
        QCOMPARE(mods.size(), std::size_t{3});
        AuditFilter byTarget;
        byTarget.target = m_other;
        byTarget.action = "member.muted";
        QCOMPARE(m.audit(m_mod, m_chat, byTarget).size(), std::size_t{3});
        AuditFilter page;
        page.limit = 2;
        const auto first = m.audit(m_mod, m_chat, page);
        QCOMPARE(first.size(), std::size_t{2});
        QVERIFY(first[0].id > first[1].id);
        page.before = first[1].id;
        const auto second = m.audit(m_mod, m_chat, page);
        QCOMPARE(second.size(), std::size_t{2});
        QVERIFY(second[0].id < first[1].id);
        AuditFilter bad;
        bad.action = "member.exploded";
        QCOMPARE(errorOf([&] { m.audit(m_mod, m_chat, bad); }), QString("bad_request"));
        bad = {};
        bad.limit = 101;
        QCOMPARE(errorOf([&] { m.audit(m_mod, m_chat, bad); }), QString("bad_request"));
        bad = {};
        bad.actor = -3;
        QCOMPARE(errorOf([&] { m.audit(m_mod, m_chat, bad); }), QString("bad_request"));
    }

    void messageNotificationsForMentionsAndReplies() {
        auto& d = *m_domain;
        // Befriending and joining notified mary already: start from those, read.
        const auto earlier = m_notifications->list(m_member, std::nullopt, std::nullopt);
        QCOMPARE(earlier.size(), std::size_t{2});
        m_notifications->markRead(m_member, earlier[0].id);
        const auto original = d.send(m_member, m_chat, "first", "c-1");
        protocol::Message message = original;
        message.id = original.id + 1000;  // a made-up id: only the notification refers to it
        message.sender = m_mod;
        message.text = "@Mary @otto @mike @nobody look";
        message.replyTo = original.id;
        m_notifications->muteChat(m_other, m_chat, d.clock.nowMs() + 3'600'000);
        const auto deliveries = d.writer.run<std::vector<server::domain::NotificationDelivery>>(
            [&](Connection& c) { return server::domain::messageNotifications(c, message); });
        // mary once (a mention wins over the reply), not otto (muted), not the sender.
        QCOMPARE(deliveries.size(), std::size_t{1});
        QCOMPARE(deliveries[0].userId, m_member);
        QCOMPARE(QString::fromStdString(deliveries[0].notification.type), QString("mention"));
        QVERIFY(deliveries[0].frame->find("\"op\":\"notification\"") != std::string::npos);

        message.text = "just a reply";
        const auto reply = d.writer.run<std::vector<server::domain::NotificationDelivery>>(
            [&](Connection& c) { return server::domain::messageNotifications(c, message); });
        QCOMPARE(reply.size(), std::size_t{1});
        QCOMPARE(QString::fromStdString(reply[0].notification.type), QString("reply"));

        const auto listed = m_notifications->list(m_member, std::nullopt, std::nullopt);
        QCOMPARE(listed.size(), std::size_t{4});
        QCOMPARE(QString::fromStdString(listed[0].type), QString("reply"));
        QCOMPARE(QString::fromStdString(listed[1].type), QString("mention"));
        QCOMPARE(server::domain::unreadNotifications(d.database, m_member), std::int64_t{2});
        m_notifications->markRead(m_member, listed[1].id);
        QCOMPARE(server::domain::unreadNotifications(d.database, m_member), std::int64_t{1});
        QCOMPARE(errorOf([&] { m_notifications->markRead(m_member, 0); }), QString("bad_request"));
        QCOMPARE(errorOf([&] { m_notifications->list(m_member, std::nullopt, 0); }),
                 QString("bad_request"));
        QCOMPARE(errorOf([&] { m_notifications->muteChat(d.addUser("zed"), m_chat, 1); }),
                 QString("not_found"));
    }

private:
    std::optional<QTemporaryDir> m_dir;
    std::optional<test::Domain> m_domain;
    std::optional<server::domain::Groups> m_groups;
    std::optional<server::domain::Moderation> m_moderation;
    std::optional<server::domain::Notifications> m_notifications;
    std::int64_t m_owner = 0;
    std::int64_t m_mod = 0;
    std::int64_t m_member = 0;
    std::int64_t m_other = 0;
    std::int64_t m_chat = 0;
};

QTEST_GUILESS_MAIN(TestModerationDomain)
#include "tst_moderation_domain.moc"
