// ChatCache: groups, their members, the member events and the system lines they leave.
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QVariant>
#include <limits>

#include "client/cache/chat_cache.h"
#include "common/codec.h"
#include "common/json_reader.h"

namespace client::cache {
namespace {

QString qs(const std::string& text) {
    return QString::fromStdString(text);
}

QString roleText(protocol::Role role) {
    return QString::fromLatin1(protocol::toString(role).data(),
                               static_cast<qsizetype>(protocol::toString(role).size()));
}

protocol::Role roleOf(const QVariant& value) {
    return protocol::roleFromString(value.toString().toStdString())
        .value_or(protocol::Role::Member);
}

QVariant nullable(std::optional<qint64> value) {
    return value ? QVariant(*value) : QVariant();
}

bool exec(QSqlDatabase& db, const QString& sql, const QVariantList& values,
          int* changed = nullptr) {
    QSqlQuery q(db);
    q.prepare(sql);
    for (const QVariant& value : values) {
        q.addBindValue(value);
    }
    if (!q.exec()) {
        return false;
    }
    if (changed) {
        *changed = q.numRowsAffected();
    }
    return true;
}

// The two upserts of storing a member, prepared once for a whole member list: a list of 1,000
// would otherwise prepare 2,000 statements.
class MemberStatements {
public:
    explicit MemberStatements(QSqlDatabase& db) : m_user(db), m_member(db) {
        m_user.prepare(QStringLiteral(
            "INSERT INTO users (id, username, display_name, avatar, status, last_seen)"
            " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET"
            " username = excluded.username, display_name = excluded.display_name,"
            " avatar = excluded.avatar, status = excluded.status, last_seen = excluded.last_seen"
            " WHERE (username, display_name, avatar, status, last_seen) IS NOT"
            " (excluded.username, excluded.display_name, excluded.avatar, excluded.status,"
            " excluded.last_seen)"));
        m_member.prepare(
            QStringLiteral("INSERT INTO members (chat_id, user_id, role, joined_ts, muted_until)"
                           " VALUES (?, ?, ?, ?, ?) ON CONFLICT (chat_id, user_id) DO UPDATE SET"
                           " role = excluded.role, joined_ts = excluded.joined_ts,"
                           " muted_until = excluded.muted_until"));
    }

    // Stores the user; `changed` only when a field differs from the cached row, so a member list
    // of unchanged users announces nothing.
    bool user(const protocol::User& user, bool& changed) {
        m_user.addBindValue(qint64(user.id));
        m_user.addBindValue(qs(user.username));
        m_user.addBindValue(qs(user.displayName));
        m_user.addBindValue(user.avatar ? QVariant(qs(*user.avatar)) : QVariant());
        m_user.addBindValue(user.status == protocol::Presence::Online ? QStringLiteral("online")
                                                                      : QStringLiteral("offline"));
        m_user.addBindValue(nullable(user.lastSeen));
        if (!m_user.exec()) {
            return false;
        }
        changed = m_user.numRowsAffected() > 0;
        return true;
    }

    bool member(qint64 chatId, const protocol::Member& member) {
        m_member.addBindValue(chatId);
        m_member.addBindValue(qint64(member.user.id));
        m_member.addBindValue(roleText(member.role));
        m_member.addBindValue(qint64(member.joinedTs));
        m_member.addBindValue(nullable(member.mutedUntil));
        return m_member.exec();
    }

private:
    QSqlQuery m_user;
    QSqlQuery m_member;
};

const QString kMemberColumns = QStringLiteral(
    "m.user_id, coalesce(u.username, ''), coalesce(u.display_name, ''), u.status, u.last_seen,"
    " m.role, m.joined_ts, m.muted_until FROM members m LEFT JOIN users u ON u.id = m.user_id");

const QString kRoleOrder = QStringLiteral(
    "CASE m.role WHEN 'owner' THEN 0 WHEN 'admin' THEN 1 WHEN 'moderator' THEN 2 ELSE 3 END");

MemberRow readMember(const QSqlQuery& q) {
    MemberRow row;
    row.user.id = q.value(0).toLongLong();
    row.user.username = q.value(1).toString();
    row.user.displayName = q.value(2).toString();
    row.user.online = q.value(3).toString() == QLatin1String("online");
    if (!q.value(4).isNull()) {
        row.user.lastSeen = q.value(4).toLongLong();
    }
    row.role = roleOf(q.value(5));
    row.joinedTs = q.value(6).toLongLong();
    if (!q.value(7).isNull()) {
        row.mutedUntil = q.value(7).toLongLong();
    }
    return row;
}

QString nameOf(const QVariant& displayName, const QVariant& username) {
    const QString display = displayName.toString();
    return display.isEmpty() ? username.toString() : display;
}

}  // namespace

void ChatCache::announceGroup(const GroupEffects& group) {
    for (qint64 chat : group.memberLists) {
        Q_EMIT membersReset(chat);
    }
    for (const auto& [chat, user] : group.members) {
        Q_EMIT memberChanged(chat, user);
    }
    for (const auto& [chat, seq] : group.systemLines) {
        Q_EMIT systemLineAdded(chat, seq);
    }
}

bool ChatCache::writeMember(QSqlDatabase& db, qint64 chatId, const protocol::Member& member,
                            Effects& effects) {
    MemberStatements statements(db);
    bool userChanged = false;
    if (!statements.user(member.user, userChanged) || !statements.member(chatId, member)) {
        return false;
    }
    if (userChanged && !effects.users.contains(member.user.id)) {
        effects.users.append(member.user.id);
    }
    if (member.user.id == m_me) {
        if (!exec(db, QStringLiteral("UPDATE chats SET my_role = ? WHERE id = ?"),
                  {roleText(member.role), chatId})) {
            return false;
        }
        if (!effects.chats.contains(chatId)) {
            effects.chats.append(chatId);
        }
    }
    return true;
}

bool ChatCache::setMembers(qint64 chatId, const std::vector<protocol::Member>& members) {
    GroupEffects group;
    // Announced after membersReset, so a member list already read again sees them unchanged.
    QList<qint64> changedUsers;
    const bool ok = write([&](QSqlDatabase& db, Effects& effects) {
        if (!exec(db, QStringLiteral("DELETE FROM members WHERE chat_id = ?"), {chatId})) {
            return false;
        }
        MemberStatements statements(db);
        std::optional<protocol::Role> myRole;
        for (const auto& member : members) {
            bool userChanged = false;
            if (!statements.user(member.user, userChanged) || !statements.member(chatId, member)) {
                return false;
            }
            if (userChanged) {
                changedUsers.append(member.user.id);
            }
            if (member.user.id == m_me) {
                myRole = member.role;
            }
        }
        if (myRole && !exec(db, QStringLiteral("UPDATE chats SET my_role = ? WHERE id = ?"),
                            {roleText(*myRole), chatId})) {
            return false;
        }
        // members_loaded: 0 until a list is stored, then one past the chat's seq the list is
        // known to be current to; member events below it are already in the list.
        if (!exec(db,
                  QStringLiteral("UPDATE chats SET members_loaded = last_seq + 1,"
                                 " member_count = ? WHERE id = ?"),
                  {qint64(members.size()), chatId})) {
            return false;
        }
        if (!effects.chats.contains(chatId)) {
            effects.chats.append(chatId);
        }
        group.memberLists.append(chatId);
        return true;
    });
    if (ok) {
        announceGroup(group);
        for (qint64 user : changedUsers) {
            Q_EMIT userChanged(user);
        }
    }
    return ok;
}

bool ChatCache::upsertMember(qint64 chatId, const protocol::Member& member) {
    GroupEffects group;
    const bool ok = write([&](QSqlDatabase& db, Effects& effects) {
        group.members.append({chatId, member.user.id});
        return writeMember(db, chatId, member, effects);
    });
    if (ok) {
        announceGroup(group);
    }
    return ok;
}

bool ChatCache::setMemberMutedUntil(qint64 chatId, qint64 userId,
                                    std::optional<qint64> mutedUntil) {
    GroupEffects group;
    const bool ok = write([&](QSqlDatabase& db, Effects&) {
        int changed = 0;
        if (!exec(db,
                  QStringLiteral("UPDATE members SET muted_until = ? WHERE chat_id = ?"
                                 " AND user_id = ?"),
                  {nullable(mutedUntil), chatId, userId}, &changed)) {
            return false;
        }
        if (changed > 0) {
            group.members.append({chatId, userId});
        }
        return true;
    });
    if (ok) {
        announceGroup(group);
    }
    return ok;
}

bool ChatCache::applyGroupEvent(QSqlDatabase& db, const protocol::Event& event, Effects& effects,
                                GroupEffects& group) {
    const qint64 chatId = event.chatId;
    QSqlQuery chat(db);
    chat.prepare(QStringLiteral("SELECT kind, last_seq, members_loaded FROM chats WHERE id = ?"));
    chat.addBindValue(chatId);
    if (!chat.exec() || !chat.next() || chat.value(0).toString() != QLatin1String("group")) {
        return true;
    }
    // The server's member_count and my_role already hold every event up to the chat's last
    // listed seq; only a later event moves them.
    const bool countIt = event.seq > chat.value(1).toLongLong();
    // Likewise the stored member list holds every event up to its seq: an older event (a
    // catch-up reaching it after the list came) would show a role the member no longer has.
    const bool rowsIt = event.seq >= chat.value(2).toLongLong();
    const boost::json::value data = protocol::parseJson(event.dataJson);
    const protocol::JsonReader reader(data, "data");
    const std::string& type = event.type;
    qint64 subject = 0;
    if (!effects.chats.contains(chatId)) {
        effects.chats.append(chatId);
    }

    if (type == protocol::eventType::MemberAdded) {
        const protocol::Member member = reader.get<protocol::Member>("member");
        subject = member.user.id;
        QSqlQuery known(db);
        known.prepare(QStringLiteral("SELECT 1 FROM members WHERE chat_id = ? AND user_id = ?"));
        known.addBindValue(chatId);
        known.addBindValue(subject);
        const bool present = known.exec() && known.next();
        MemberStatements statements(db);
        bool userChanged = false;
        // The user is stored either way: the system line names it.
        if (!statements.user(member.user, userChanged) ||
            (rowsIt && !statements.member(chatId, member))) {
            return false;
        }
        if (userChanged && !effects.users.contains(subject)) {
            effects.users.append(subject);
        }
        if (countIt && subject == m_me &&
            !exec(db, QStringLiteral("UPDATE chats SET my_role = ? WHERE id = ?"),
                  {roleText(member.role), chatId})) {
            return false;
        }
        if (countIt && !present &&
            !exec(db,
                  QStringLiteral("UPDATE chats SET member_count = member_count + 1 WHERE id = ?"),
                  {chatId})) {
            return false;
        }
        group.members.append({chatId, subject});
    } else if (type == protocol::eventType::MemberRemoved) {
        subject = reader.id("user_id");
        if (rowsIt &&
            !exec(db, QStringLiteral("DELETE FROM members WHERE chat_id = ? AND user_id = ?"),
                  {chatId, subject})) {
            return false;
        }
        if (countIt && !exec(db,
                             QStringLiteral("UPDATE chats SET member_count ="
                                            " max(member_count - 1, 0) WHERE id = ?"),
                             {chatId})) {
            return false;
        }
        group.members.append({chatId, subject});
    } else if (type == protocol::eventType::MemberUnbanned) {
        subject = reader.id("user_id");
    } else if (type == protocol::eventType::MemberRole) {
        subject = reader.id("user_id");
        const auto role = protocol::roleFromString(reader.string("role"));
        if (!role) {
            return true;
        }
        if (rowsIt &&
            !exec(db,
                  QStringLiteral("UPDATE members SET role = ? WHERE chat_id = ? AND user_id = ?"),
                  {roleText(*role), chatId, subject})) {
            return false;
        }
        if (countIt && subject == m_me &&
            !exec(db, QStringLiteral("UPDATE chats SET my_role = ? WHERE id = ?"),
                  {roleText(*role), chatId})) {
            return false;
        }
        group.members.append({chatId, subject});
    } else if (type == protocol::eventType::MemberMuted) {
        subject = reader.id("user_id");
        const std::optional<qint64> until = reader.optInteger("muted_until");
        if (rowsIt && !exec(db,
                            QStringLiteral("UPDATE members SET muted_until = ? WHERE chat_id = ?"
                                           " AND user_id = ?"),
                            {nullable(until), chatId, subject})) {
            return false;
        }
        group.members.append({chatId, subject});
    } else if (type == protocol::eventType::ChatUpdated) {
        // Only the group's own fields: my_role in the event's chat is nobody's in particular. A
        // listed chat newer than the event holds them already.
        const protocol::Chat updated = reader.get<protocol::Chat>("chat");
        if (countIt &&
            !exec(db,
                  QStringLiteral("UPDATE chats SET name = ?, description = ?, avatar = ?,"
                                 " slow_mode_s = ?, only_admins_post = ? WHERE id = ?"),
                  {qs(updated.name), qs(updated.description),
                   updated.avatar ? QVariant(qs(*updated.avatar)) : QVariant(),
                   updated.settings.slowModeS, updated.settings.onlyAdminsPost ? 1 : 0, chatId})) {
            return false;
        }
    } else {
        return true;
    }

    int stored = 0;
    if (!exec(db,
              QStringLiteral("INSERT OR IGNORE INTO system_lines (chat_id, seq, ts, actor, type,"
                             " data, subject) VALUES (?, ?, ?, ?, ?, ?, ?)"),
              {chatId, qint64(event.seq), qint64(event.ts), qint64(event.actor), qs(type),
               qs(event.dataJson), subject},
              &stored)) {
        return false;
    }
    if (stored > 0) {
        group.systemLines.append({chatId, qint64(event.seq)});
    }
    return true;
}

std::optional<GroupRow> ChatCache::group(qint64 chatId) const {
    if (!m_store.isOpen()) {
        return std::nullopt;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral(
        "SELECT c.id, c.name, c.description, c.created_ts, c.my_role, c.member_count,"
        " c.members_loaded, c.slow_mode_s, c.only_admins_post, c.notifications_muted_until,"
        " (SELECT count(*) FROM members m WHERE m.chat_id = c.id),"
        " (SELECT count(*) FROM members m JOIN users u ON u.id = m.user_id"
        "  WHERE m.chat_id = c.id AND u.status = 'online')"
        " FROM chats c WHERE c.id = ? AND c.kind = 'group'"));
    q.addBindValue(chatId);
    if (!q.exec() || !q.next()) {
        return std::nullopt;
    }
    GroupRow row;
    row.id = q.value(0).toLongLong();
    row.name = q.value(1).toString();
    row.description = q.value(2).toString();
    row.createdTs = q.value(3).toLongLong();
    row.myRole = roleOf(q.value(4));
    row.membersLoaded = q.value(6).toBool();
    row.memberCount = row.membersLoaded ? q.value(10).toLongLong() : q.value(5).toLongLong();
    row.onlineCount = row.membersLoaded ? q.value(11).toLongLong() : -1;
    row.slowModeS = q.value(7).toInt();
    row.onlyAdminsPost = q.value(8).toBool();
    if (!q.value(9).isNull()) {
        row.notificationsMutedUntil = q.value(9).toLongLong();
    }
    return row;
}

std::vector<MemberRow> ChatCache::members(qint64 chatId) const {
    std::vector<MemberRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns +
              QStringLiteral(" WHERE m.chat_id = ? ORDER BY ") + kRoleOrder +
              QStringLiteral(", lower(coalesce(nullif(u.display_name, ''), u.username, '')),"
                             " m.user_id"));
    q.addBindValue(chatId);
    if (q.exec()) {
        while (q.next()) {
            rows.push_back(readMember(q));
        }
    }
    return rows;
}

std::optional<MemberRow> ChatCache::member(qint64 chatId, qint64 userId) const {
    if (!m_store.isOpen()) {
        return std::nullopt;
    }
    QSqlQuery q(m_store.database());
    q.prepare(QStringLiteral("SELECT ") + kMemberColumns +
              QStringLiteral(" WHERE m.chat_id = ? AND m.user_id = ?"));
    q.addBindValue(chatId);
    q.addBindValue(userId);
    if (q.exec() && q.next()) {
        return readMember(q);
    }
    return std::nullopt;
}

std::vector<SystemLineRow> ChatCache::systemLines(qint64 chatId, qint64 afterSeq,
                                                  qint64 beforeSeq) const {
    std::vector<SystemLineRow> rows;
    if (!m_store.isOpen()) {
        return rows;
    }
    QSqlQuery q(m_store.database());
    q.setForwardOnly(true);
    q.prepare(QStringLiteral(
        "SELECT s.chat_id, s.seq, s.ts, s.actor, a.display_name, a.username, s.type, s.data,"
        " s.subject, t.display_name, t.username FROM system_lines s"
        " LEFT JOIN users a ON a.id = s.actor LEFT JOIN users t ON t.id = s.subject"
        " WHERE s.chat_id = ? AND s.seq > ? AND s.seq < ? ORDER BY s.seq"));
    q.addBindValue(chatId);
    q.addBindValue(afterSeq);
    q.addBindValue(beforeSeq > 0 ? beforeSeq : std::numeric_limits<qint64>::max());
    if (q.exec()) {
        while (q.next()) {
            SystemLineRow row;
            row.chatId = q.value(0).toLongLong();
            row.seq = q.value(1).toLongLong();
            row.ts = q.value(2).toLongLong();
            row.actor = q.value(3).toLongLong();
            row.actorName = nameOf(q.value(4), q.value(5));
            row.type = q.value(6).toString();
            row.dataJson = q.value(7).toString();
            row.subject = q.value(8).toLongLong();
            row.subjectName = nameOf(q.value(9), q.value(10));
            rows.push_back(row);
        }
    }
    return rows;
}

}  // namespace client::cache
