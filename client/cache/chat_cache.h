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
    bool writeUser(QSqlDatabase& db, const protocol::User& user, Effects& effects);
    bool writeMessage(QSqlDatabase& db, const protocol::Message& message, Effects& effects);
    bool applyEventData(QSqlDatabase& db, const protocol::Event& event, Effects& effects);
    bool writeChat(QSqlDatabase& db, const protocol::Chat& chat, Effects& effects);
    bool recountUnread(QSqlDatabase& db, qint64 chatId);
    bool write(const std::function<bool(QSqlDatabase&, Effects&)>& work);
    void announce(const Effects& effects);

    LocalCache& m_store;
    qint64 m_me = 0;
};

}  // namespace client::cache
