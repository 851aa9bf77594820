// The cached chats, messages, outbox and contacts of one account, over the profile's LocalCache:
// every write to them goes through here and is announced by a fine-grained change signal, which
// is how the models learn what to repaint. Applying an event is idempotent by (chat_id, seq).
#pragma once

#include <QList>
#include <QObject>
#include <QPair>
#include <QString>
#include <optional>
#include <tuple>
#include <vector>

#include "client/cache/local_cache.h"
#include "client/cache/rows.h"
#include "common/wire_types.h"

namespace client::cache {

// A member of a group, with the user as the cache holds it (presence included).
struct MemberRow {
    UserRow user;
    protocol::Role role = protocol::Role::Member;
    qint64 joinedTs = 0;
    std::optional<qint64> mutedUntil;  // ms since the epoch; may lie in the past (expired)
};

// A group's own fields and the signed-in user's place in it.
struct GroupRow {
    qint64 id = 0;
    QString name;
    QString description;
    qint64 createdTs = 0;
    protocol::Role myRole = protocol::Role::Member;
    // The server's count, kept by the member events; once the member list is loaded, the rows.
    qint64 memberCount = 0;
    // Members online; -1 while the member list has not been loaded.
    qint64 onlineCount = -1;
    bool membersLoaded = false;
    int slowModeS = 0;
    bool onlyAdminsPost = false;
    std::optional<qint64> notificationsMutedUntil;
};

// A member.* or chat.updated event of a group, as a line of its conversation (kind "system").
// The conversation places it among the messages by seq.
struct SystemLineRow {
    qint64 chatId = 0;
    qint64 seq = 0;
    qint64 ts = 0;
    qint64 actor = 0;
    QString actorName;    // display name, else username; empty when the cache has no such user
    QString type;         // "member.added", "member.removed", "member.unbanned", "member.role",
                          // "member.muted", "chat.updated"
    QString dataJson;     // the event's `data` object as the server sent it
    qint64 subject = 0;   // the member the event is about; 0 for chat.updated
    QString subjectName;  // as actorName
};

class ChatCache : public QObject {
    Q_OBJECT
public:
    enum class Applied { Applied, AlreadyApplied, Gap, Failed };

    // `store` must be open before any call and outlive this object.
    explicit ChatCache(LocalCache& store, QObject* parent = nullptr);

    // Tells every view to read the cache again (after it was opened or replaced).
    void announceReset() { Q_EMIT reset(); }

    // The signed-in user: own messages, unread counts and read ticks depend on it.
    void setMe(qint64 userId) { m_me = userId; }
    qint64 me() const { return m_me; }

    // Chats. upsertChat also stores the peer and the last message it carries.
    bool upsertChat(const protocol::Chat& chat);
    bool removeChat(qint64 chatId);
    // Most recent activity first.
    std::vector<ChatRow> chats() const;
    std::optional<ChatRow> chat(qint64 chatId) const;
    // The highest seq up to which every event of the chat has been applied.
    qint64 lastAppliedSeq(qint64 chatId) const;

    // The event log. An event right after the last applied one is applied; one at or below it
    // is AlreadyApplied (nothing changes); one further ahead is a Gap (nothing changes: the
    // caller fetches what lies between).
    Applied applyEvent(const protocol::Event& event);
    // Messages known from elsewhere (a history page, an ack): stored or refreshed by id, without
    // moving the applied seq.
    bool storeMessages(const std::vector<protocol::Message>& messages);
    // Moves the signed-in user's read marker forward (never back) and recounts unread.
    bool setReadSeq(qint64 chatId, qint64 seq);
    bool setPeerReadSeq(qint64 chatId, qint64 seq);
    bool upsertUser(const protocol::User& user);
    bool setPresence(qint64 userId, bool online, std::optional<qint64> lastSeen);
    std::optional<UserRow> user(qint64 userId) const;

    // Messages of a chat, ascending by seq: the `limit` newest below `beforeSeq` (0: the newest).
    std::vector<MessageRow> messages(qint64 chatId, qint64 beforeSeq, int limit) const;
    std::optional<MessageRow> message(qint64 messageId) const;
    // Messages of a chat with firstSeq <= seq <= lastSeq, ascending by seq.
    std::vector<MessageRow> messagesBetween(qint64 chatId, qint64 firstSeq, qint64 lastSeq) const;
    // The seq of the chat's newest message sent with `clientId`, 0 when the cache has none.
    qint64 seqOfClientId(qint64 chatId, const QString& clientId) const;
    // The lowest seq the cache holds for the chat, 0 when none.
    qint64 oldestSeq(qint64 chatId) const;
    // Full-text search (every word as a prefix, any case), newest first; chatId 0: every chat.
    std::vector<MessageRow> search(qint64 chatId, const QString& words, int limit = 50) const;

    // The outbox: a send waits here (Pending) until acknowledged, or until refused (Failed).
    // Returns the new row's client_id (a UUID), empty when it could not be stored.
    QString enqueue(qint64 chatId, const QString& text, std::optional<qint64> replyTo);
    // Pending and failed rows of a chat, oldest first.
    std::vector<MessageRow> outbox(qint64 chatId) const;
    // The oldest pending row of every chat that has one.
    std::vector<MessageRow> pendingHeads() const;
    // The acknowledged message replaces its outbox row.
    bool confirm(const QString& clientId, const protocol::Message& message);
    bool fail(const QString& clientId, const QString& reason);
    // A failed row becomes pending again, behind the chat's other pending rows.
    bool retry(const QString& clientId);

    // Contacts, replaced whole from the server's lists.
    bool setFriends(const std::vector<protocol::User>& users, const std::vector<qint64>& chatIds);
    std::vector<FriendRow> friends() const;
    bool setRequests(const std::vector<protocol::FriendRequest>& incoming,
                     const std::vector<protocol::FriendRequest>& outgoing);
    std::vector<RequestRow> requests() const;

    // Groups (chat_cache_groups.cpp). The member list of a chat is replaced whole by setMembers
    // (from GET /chats/{id}/members) and kept current by the member.* events in applyEvent.
    std::optional<GroupRow> group(qint64 chatId) const;
    bool setMembers(qint64 chatId, const std::vector<protocol::Member>& members);
    // One member known from an answer (POST members, PUT role): stored or refreshed.
    bool upsertMember(qint64 chatId, const protocol::Member& member);
    bool setMemberMutedUntil(qint64 chatId, qint64 userId, std::optional<qint64> mutedUntil);
    // Owner first, then admins, moderators, members; within a role by name.
    std::vector<MemberRow> members(qint64 chatId) const;
    std::optional<MemberRow> member(qint64 chatId, qint64 userId) const;
    // The group's system lines with afterSeq < seq < beforeSeq (beforeSeq 0: no upper bound),
    // ascending by seq.
    std::vector<SystemLineRow> systemLines(qint64 chatId, qint64 afterSeq, qint64 beforeSeq) const;

Q_SIGNALS:
    void reset();
    void chatChanged(qint64 chatId);  // added, or any of its row's fields changed
    void chatRemoved(qint64 chatId);
    void messageAdded(qint64 chatId, qint64 messageId, qint64 seq);
    void messageChanged(qint64 chatId, qint64 messageId);
    void outboxChanged(qint64 chatId);
    void userChanged(qint64 userId);
    void friendsChanged();
    void requestsChanged();
    // The member list of a chat was replaced whole.
    void membersReset(qint64 chatId);
    // One member was added, removed, or changed role or mute.
    void memberChanged(qint64 chatId, qint64 userId);
    // A system line was stored (an event applied live or while catching up).
    void systemLineAdded(qint64 chatId, qint64 seq);

private:
    // What a committed write changed, announced once the transaction is over.
    struct Effects {
        QList<qint64> chats;
        QList<qint64> removedChats;
        QList<std::tuple<qint64, qint64, qint64>> added;  // chat, message, seq
        QList<QPair<qint64, qint64>> changed;             // chat, message
        QList<qint64> outbox;
        QList<qint64> users;
        bool friends = false;
        bool requests = false;
    };
    // What a committed group write changed; announced after Effects, by the group functions.
    struct GroupEffects {
        QList<qint64> memberLists;
        QList<QPair<qint64, qint64>> members;      // chat, user
        QList<QPair<qint64, qint64>> systemLines;  // chat, seq
    };
    bool applyGroupEvent(QSqlDatabase& db, const protocol::Event& event, Effects& effects,
                         GroupEffects& group);
    bool writeMember(QSqlDatabase& db, qint64 chatId, const protocol::Member& member,
                     Effects& effects);
    void announceGroup(const GroupEffects& group);
    bool writeUser(QSqlDatabase& db, const protocol::User& user, Effects& effects);
    bool writeMessage(QSqlDatabase& db, const protocol::Message& message, Effects& effects);
    bool applyEventData(QSqlDatabase& db, const protocol::Event& event, Effects& effects,
                        GroupEffects& group);
    bool writeChat(QSqlDatabase& db, const protocol::Chat& chat, Effects& effects);
    bool recountUnread(QSqlDatabase& db, qint64 chatId);
    bool write(const std::function<bool(QSqlDatabase&, Effects&)>& work);
    void announce(const Effects& effects);

    LocalCache& m_store;
    qint64 m_me = 0;
};

}  // namespace client::cache
