// The REST API of one server (PROTOCOL.md), spoken over HTTPS with the profile's certificate pins.
#pragma once

#include <QByteArray>
#include <QNetworkAccessManager>
#include <QObject>
#include <QString>
#include <QUrl>
#include <functional>
#include <optional>

#include "client/net/api_codec.h"
#include "client/net/api_types.h"
#include "client/net/convert.h"
#include "client/net/rest_result.h"
#include "client/net/tls_pinning.h"
#include "common/wire_types.h"

class QNetworkReply;

namespace client::net {

class RestClient : public QObject {
    Q_OBJECT
public:
    // Called exactly once per request, on the thread of the client, unless the request is
    // aborted with abortAll() or the client is destroyed first.
    template <class T>
    using Callback = std::function<void(const RestResult<T>&)>;

    explicit RestClient(TlsPinning pinning, QObject* parent = nullptr);
    ~RestClient() override;

    // "https://host:port" (or "http://" for a server run with --no-tls).
    void setServer(const QUrl& server);
    QUrl server() const { return m_server; }
    // The bearer token of authenticated requests; empty for none.
    void setToken(const QString& token);
    void setTimeoutMs(int timeoutMs);

    void registerAccount(const protocol::RegisterRequest& request,
                         Callback<protocol::AuthResponse> done);
    void logIn(const protocol::LoginRequest& request, Callback<protocol::AuthResponse> done);
    void logOut(Callback<NoContent> done);
    void me(Callback<protocol::MeResponse> done);
    void searchUsers(const QString& prefix, Callback<std::vector<protocol::User>> done);

    // Friends, blocks and direct chats.
    void sendFriendRequest(protocol::Id userId, Callback<FriendRequestOutcome> done);
    void friendRequests(Callback<FriendRequestLists> done);
    void acceptFriendRequest(protocol::Id requestId, Callback<ChatAnswer> done);
    void declineFriendRequest(protocol::Id requestId, Callback<NoContent> done);
    void withdrawFriendRequest(protocol::Id requestId, Callback<NoContent> done);
    void friends(Callback<FriendList> done);
    void unfriend(protocol::Id userId, Callback<NoContent> done);
    void block(protocol::Id userId, Callback<NoContent> done);
    void unblock(protocol::Id userId, Callback<NoContent> done);
    void blocks(Callback<std::vector<protocol::User>> done);

    // Chats, messages and the event log.
    void chats(Callback<std::vector<protocol::Chat>> done);
    void chat(protocol::Id chatId, Callback<protocol::Chat> done);
    void postMessage(protocol::Id chatId, const QString& clientId, const QString& text,
                     std::optional<protocol::Id> replyTo, Callback<protocol::Message> done);
    // beforeSeq 0: the newest page.
    void messages(protocol::Id chatId, std::int64_t beforeSeq, int limit,
                  Callback<MessagePage> done);
    void events(protocol::Id chatId, std::int64_t afterSeq, int limit, Callback<EventPage> done);
    void editMessage(protocol::Id messageId, const QString& text, Callback<protocol::Message> done);
    void deleteMessage(protocol::Id messageId, Callback<NoContent> done);
    void setReaction(protocol::Id messageId, const QString& emoji, bool on,
                     Callback<NoContent> done);
    void setPin(protocol::Id chatId, protocol::Id messageId, bool on, Callback<NoContent> done);
    void pins(protocol::Id chatId, Callback<std::vector<protocol::Message>> done);
    void markRead(protocol::Id chatId, std::int64_t seq, Callback<NoContent> done);
    void searchMessages(protocol::Id chatId, const QString& words,
                        Callback<std::vector<protocol::Message>> done);

    // Groups, roles and moderation (rest_client_groups.cpp).
    void createGroup(const QString& name, const QString& description,
                     const std::vector<protocol::Id>& members, Callback<protocol::Chat> done);
    void patchChat(protocol::Id chatId, const ChatPatch& patch, Callback<protocol::Chat> done);
    void deleteChat(protocol::Id chatId, Callback<NoContent> done);
    void members(protocol::Id chatId, Callback<std::vector<protocol::Member>> done);
    void addMember(protocol::Id chatId, protocol::Id userId, Callback<protocol::Member> done);
    // userId the caller's own id: leave; another's: kick.
    void removeMember(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done);
    void setRole(protocol::Id chatId, protocol::Id userId, protocol::Role role,
                 Callback<protocol::Member> done);
    void transferOwner(protocol::Id chatId, protocol::Id userId, Callback<protocol::Chat> done);
    // An empty reason is left out.
    void ban(protocol::Id chatId, protocol::Id userId, const QString& reason,
             Callback<NoContent> done);
    void unban(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done);
    void bans(protocol::Id chatId, Callback<std::vector<protocol::BanEntry>> done);
    void mute(protocol::Id chatId, protocol::Id userId, std::int64_t seconds,
              Callback<NoContent> done);
    void unmute(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done);
    void audit(protocol::Id chatId, const AuditQuery& query,
               Callback<std::vector<protocol::AuditEntry>> done);

    // Drops every request in flight without calling its callback.
    void abortAll();

Q_SIGNALS:
    // Any authenticated request answered 401 unauthorized: the token is revoked or expired.
    void unauthorized();

private:
    // status is 0 and error set when no usable HTTP answer arrived.
    using RawDone = std::function<void(const std::optional<RestError>& error, int status,
                                       const QByteArray& body)>;

    // `path` may carry a query ("/x?after=3"), its values already percent-encoded.
    void send(const QByteArray& verb, const QString& path, const QByteArray& body, RawDone done);
    static QString encoded(const QString& value);
    void finish(QNetworkReply* reply, RawDone done);

    template <class T>
    void call(const QByteArray& verb, const QString& path, const QByteArray& body,
              Callback<T> done) {
        send(verb, path, body,
             [done = std::move(done)](const std::optional<RestError>& error, int status,
                                      const QByteArray& answer) {
                 if (error) {
                     done(RestResult<T>(*error));
                     return;
                 }
                 if constexpr (std::is_same_v<T, NoContent>) {
                     done(RestResult<T>(NoContent{}));
                 } else {
                     try {
                         done(RestResult<T>(answerFrom<T>(answer)));
                     } catch (const std::exception& e) {
                         RestError bad;
                         bad.kind = RestError::Kind::BadAnswer;
                         bad.status = status;
                         bad.message = QStringLiteral("unexpected answer: %1").arg(e.what());
                         done(RestResult<T>(bad));
                     }
                 }
             });
    }

    QNetworkAccessManager* m_manager;
    TlsPinning m_pinning;
    QUrl m_server;
    QString m_token;
    int m_timeoutMs = 15000;
};

}  // namespace client::net
