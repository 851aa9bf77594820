// Account: the user's actions on contacts, chats and messages. Each goes to the server; what it
// changes comes back as events (or a refreshed list) into the cache, which the views follow.
#include <QDateTime>
#include <QPointer>

#include "client/app/account.h"
#include "client/app/outbox_sender.h"
#include "client/app/sync_engine.h"

namespace client::app {
namespace {

// The server's typing frames show for a few seconds; one every few seconds keeps them shown.
constexpr qint64 kTypingEveryMs = 3000;

}  // namespace

std::unique_ptr<models::MessageListModel> Account::openChat(qint64 chatId) {
    auto model = std::make_unique<models::MessageListModel>(m_chats, chatId);
    connect(model.get(), &models::MessageListModel::olderHistoryNeeded, this, &Account::loadOlder);
    return model;
}

void Account::loadOlder(qint64 chatId, qint64 beforeSeq) {
    m_sync->loadOlder(chatId, beforeSeq);
}

void Account::fail(const QString& action, const net::RestError& error) {
    Q_EMIT actionFailed(error.message.isEmpty() ? action
                                                : action + QStringLiteral(": ") + error.message);
}

// Runs a REST call whose success needs nothing more than the events or lists it causes; a
// refusal becomes actionFailed(what: why).
#define MESSENGER_ACTION(call, what, ...)                                                        \
    do {                                                                                         \
        const QPointer<Account> self(this);                                                      \
        m_rest.call(__VA_ARGS__ __VA_OPT__(, )[self](const net::RestResult<net::NoContent>& r) { \
            if (self && !r.ok()) {                                                               \
                self->fail(what, r.error());                                                     \
            }                                                                                    \
            if (self) {                                                                          \
                self->afterContactChange();                                                      \
            }                                                                                    \
        });                                                                                      \
    } while (false)

void Account::refreshContacts() {
    const QPointer<Account> self(this);
    m_rest.friends([self](const net::RestResult<net::FriendList>& result) {
        if (!self || !result.ok()) {
            return;
        }
        std::vector<protocol::User> users;
        std::vector<qint64> chats;
        for (const auto& entry : result.value()) {
            users.push_back(entry.user);
            chats.push_back(entry.chatId);
        }
        self->m_chats.setFriends(users, chats);
    });
    m_rest.friendRequests([self](const net::RestResult<net::FriendRequestLists>& result) {
        if (self && result.ok()) {
            self->m_chats.setRequests(result.value().incoming, result.value().outgoing);
        }
    });
    m_rest.blocks([self](const net::RestResult<std::vector<protocol::User>>& result) {
        if (self && result.ok()) {
            self->m_blockedList.setUsers(result.value());
        }
    });
}

void Account::afterContactChange() {
    if (!m_ended) {
        refreshContacts();
    }
}

void Account::searchUsers(const QString& query) {
    const QPointer<Account> self(this);
    const QString trimmed = query.trimmed();
    if (trimmed.isEmpty()) {
        m_userSearch.clear();
        return;
    }
    m_rest.searchUsers(trimmed, [self, trimmed](const auto& result) {
        if (!self) {
            return;
        }
        if (!result.ok()) {
            self->fail(tr("Search"), result.error());
            return;
        }
        self->m_userSearch.setResults(trimmed, result.value(), self->userId());
    });
}

void Account::sendFriendRequest(qint64 userId) {
    const QPointer<Account> self(this);
    m_rest.sendFriendRequest(userId, [self](const net::RestResult<net::FriendRequestOutcome>& r) {
        if (!self) {
            return;
        }
        if (!r.ok()) {
            self->fail(tr("Friend request"), r.error());
        } else if (r.value().chat) {
            self->m_sync->onChatAdded(*r.value().chat);
            Q_EMIT self->chatReady(r.value().chat->id);
        }
        self->afterContactChange();
    });
}

void Account::acceptRequest(qint64 requestId) {
    const QPointer<Account> self(this);
    m_rest.acceptFriendRequest(requestId, [self](const net::RestResult<net::ChatAnswer>& r) {
        if (!self) {
            return;
        }
        if (!r.ok()) {
            self->fail(tr("Accept"), r.error());
        } else {
            self->m_sync->onChatAdded(r.value().chat);
            Q_EMIT self->chatReady(r.value().chat.id);
        }
        self->afterContactChange();
    });
}

void Account::declineRequest(qint64 requestId) {
    MESSENGER_ACTION(declineFriendRequest, tr("Decline"), requestId);
}

void Account::withdrawRequest(qint64 requestId) {
    MESSENGER_ACTION(withdrawFriendRequest, tr("Withdraw"), requestId);
}

void Account::unfriend(qint64 userId) {
    MESSENGER_ACTION(unfriend, tr("Unfriend"), userId);
}

void Account::block(qint64 userId) {
    MESSENGER_ACTION(block, tr("Block"), userId);
}

void Account::unblock(qint64 userId) {
    m_blockedList.remove(userId);
    MESSENGER_ACTION(unblock, tr("Unblock"), userId);
}

QString Account::sendMessage(qint64 chatId, const QString& text, qint64 replyTo) {
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || m_ended) {
        return QString();
    }
    const QString clientId = m_chats.enqueue(
        chatId, trimmed, replyTo > 0 ? std::optional<qint64>(replyTo) : std::nullopt);
    m_outbox->kick();
    return clientId;
}

void Account::editMessage(qint64 messageId, const QString& text) {
    const QPointer<Account> self(this);
    m_rest.editMessage(messageId, text.trimmed(), [self](const auto& r) {
        if (self && !r.ok()) {
            self->fail(tr("Edit"), r.error());
        }
    });
}

void Account::deleteMessage(qint64 messageId) {
    MESSENGER_ACTION(deleteMessage, tr("Delete"), messageId);
}

void Account::react(qint64 messageId, const QString& emoji, bool on) {
    MESSENGER_ACTION(setReaction, tr("Reaction"), messageId, emoji, on);
}

void Account::pin(qint64 chatId, qint64 messageId, bool on) {
    MESSENGER_ACTION(setPin, tr("Pin"), chatId, messageId, on);
}

void Account::markRead(qint64 chatId, qint64 seq) {
    const auto chat = m_chats.chat(chatId);
    if (!chat || seq <= chat->readSeq) {
        return;
    }
    m_chats.setReadSeq(chatId, seq);
    protocol::ws::ReadIn read;
    read.chatId = chatId;
    read.seq = seq;
    if (!m_connection.send(read)) {
        const QPointer<Account> self(this);
        m_rest.markRead(chatId, seq, [](const net::RestResult<net::NoContent>&) {});
    }
}

void Account::sendTyping(qint64 chatId) {
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    if (now - m_typingSentAt.value(chatId, 0) < kTypingEveryMs) {
        return;
    }
    protocol::ws::TypingIn typing;
    typing.chatId = chatId;
    if (m_connection.send(typing)) {
        m_typingSentAt.insert(chatId, now);
    }
}

void Account::retryFailed(const QString& clientId) {
    m_chats.retry(clientId);
    m_outbox->kick();
}

int Account::sendHeldFor(qint64 chatId) const {
    return m_outbox->heldFor(chatId);
}

std::vector<cache::MessageRow> Account::searchMessages(qint64 chatId, const QString& words) const {
    return m_chats.search(chatId, words);
}

}  // namespace client::app
