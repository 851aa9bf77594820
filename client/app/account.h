// The signed-in user of a profile: wires net, cache and the UI.
#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QTimer>
#include <QUrl>
#include <memory>

#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/blocked_list_model.h"
#include "client/models/chat_list_model.h"
#include "client/models/friend_list_model.h"
#include "client/models/message_list_model.h"
#include "client/models/request_list_model.h"
#include "client/models/user_search_model.h"
#include "client/net/backoff.h"
#include "client/net/connection.h"
#include "client/net/rest_client.h"

namespace client::app {

class OutboxSender;
class SyncEngine;

class Account : public QObject {
    Q_OBJECT
public:
    enum class ConnectionState { Offline, Connecting, Online };
    Q_ENUM(ConnectionState)

    // Requires profile.session(). Both references must outlive the account.
    Account(Profile& profile, KnownHosts& hosts, QObject* parent = nullptr);
    ~Account() override;

    // Tests shorten the waits between reconnection attempts; call before start().
    void setReconnectPolicy(const net::BackoffPolicy& policy);

    // Opens the cache (me shows at once from it), then connects; reconnects forever.
    void start();
    // Revokes the token on the server (best effort, waiting at most a moment), clears the
    // session, emits loggedOut("").
    void logOut();

    QString displayName() const { return m_session.displayName; }
    QString username() const { return m_session.username; }
    qint64 userId() const { return m_session.userId; }
    QUrl server() const { return m_session.server; }
    ConnectionState connectionState() const { return m_state; }
    // While Offline and a retry is scheduled, else 0.
    int reconnectInSeconds() const;
    void reconnectNow();
    cache::LocalCache& cache() { return m_cache; }
    net::RestClient& rest() { return m_rest; }
    net::Connection& connection() { return m_connection; }
    cache::ChatCache& chatCache() { return m_chats; }

    // What the UI shows, all read from the cache and updated live.
    models::ChatListModel& chats() { return m_chatList; }
    models::FriendListModel& friends() { return m_friendList; }
    models::RequestListModel& requests() { return m_requestList; }
    // The users the signed-in user blocked, as the server last listed them.
    models::BlockedListModel& blocked() { return m_blockedList; }
    models::UserSearchModel& userSearch() { return m_userSearch; }
    // The messages of one chat; the model must not outlive the account.
    std::unique_ptr<models::MessageListModel> openChat(qint64 chatId);

    // Contacts. Each action's refusal comes back as actionFailed(message).
    void searchUsers(const QString& query);  // fills userSearch()
    void sendFriendRequest(qint64 userId);
    void acceptRequest(qint64 requestId);
    void declineRequest(qint64 requestId);
    void withdrawRequest(qint64 requestId);
    void unfriend(qint64 userId);
    void block(qint64 userId);
    void unblock(qint64 userId);
    // Fetches the friends, requests and blocked lists again (done on every connect).
    void refreshContacts();

    // Messages. sendMessage queues the text in the outbox and returns its client id (empty when
    // the text is empty or the cache refused it); it is sent in order once online.
    QString sendMessage(qint64 chatId, const QString& text, qint64 replyTo = 0);
    void editMessage(qint64 messageId, const QString& text);
    void deleteMessage(qint64 messageId);
    void react(qint64 messageId, const QString& emoji, bool on);
    void pin(qint64 chatId, qint64 messageId, bool on);
    // Moves the read marker forward to seq (no-op when it is already there).
    void markRead(qint64 chatId, qint64 seq);
    // At most one typing frame per chat every few seconds reaches the server.
    void sendTyping(qint64 chatId);
    // A failed outbox row is queued again.
    void retryFailed(const QString& clientId);
    // Milliseconds before the outbox may send to the chat again after the server refused a send
    // with rate_limited; 0 when it may send now.
    int sendHeldFor(qint64 chatId) const;
    // Messages found in the cache; chatId 0 searches every chat. Newest first.
    std::vector<cache::MessageRow> searchMessages(qint64 chatId, const QString& words) const;

Q_SIGNALS:
    // Display name / username changed.
    void profileChanged();
    void connectionStateChanged(client::app::Account::ConnectionState state);
    // Explicit log out (reason empty), or the token was revoked/expired (4001/401).
    void loggedOut(const QString& reason);
    // The server shows another certificate than the trusted one (trusted is empty when none is
    // trusted any more): the connection stops until reconnectNow().
    void certificateChanged(const QUrl& server, const QString& trusted, const QString& presented);
    // Someone (not the signed-in user) is typing in a chat.
    void typing(qint64 chatId, qint64 userId);
    void presenceChanged(qint64 userId, bool online);
    // An action was refused or could not reach the server; the message is for the user.
    void actionFailed(const QString& message);
    // Every chat has been caught up with the server after a connect.
    void synced();
    // A friendship was accepted (by either side): its direct chat is in the cache.
    void chatReady(qint64 chatId);
    // The server refused a send to the chat for now (slow mode, or the send limit) and said when
    // to come back: the message waits in the outbox and goes, with the chat's later ones, after
    // `milliseconds`.
    void sendHeld(qint64 chatId, int milliseconds);

private:
    void openCache();
    void onFrame(const protocol::ServerFrame& frame);
    void onConnectionState(net::Connection::State state);
    void applyMe(const protocol::User& user);
    void end(const QString& reason);
    void loadOlder(qint64 chatId, qint64 beforeSeq);
    void fail(const QString& action, const net::RestError& error);
    void afterContactChange();

    Profile& m_profile;
    KnownHosts& m_hosts;
    // The token lives only here and in the profile's settings file; the OS keychain is a later
    // step.
    StoredSession m_session;
    cache::LocalCache m_cache;
    net::RestClient m_rest;
    net::Connection m_connection;
    cache::ChatCache m_chats;
    models::ChatListModel m_chatList;
    models::FriendListModel m_friendList;
    models::RequestListModel m_requestList;
    models::BlockedListModel m_blockedList;
    models::UserSearchModel m_userSearch;
    std::unique_ptr<SyncEngine> m_sync;
    std::unique_ptr<OutboxSender> m_outbox;
    QHash<qint64, qint64> m_typingSentAt;  // chat id -> ms since the epoch
    ConnectionState m_state = ConnectionState::Offline;
    bool m_ended = false;
};

}  // namespace client::app
