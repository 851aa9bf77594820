#include "client/app/account.h"

#include <QFile>
#include <QPointer>
#include <memory>

#include "client/app/outbox_sender.h"
#include "client/app/sync_engine.h"
#include "client/net/convert.h"

namespace client::app {
namespace {

// How long logOut() waits for the server to confirm the revocation before it lets go.
constexpr int kLogoutWaitMs = 2000;
const QString kSessionEnded = QStringLiteral("Your session has ended. Please sign in again.");

Account::ConnectionState fromNet(net::Connection::State state) {
    switch (state) {
        case net::Connection::State::Online:
            return Account::ConnectionState::Online;
        case net::Connection::State::Connecting:
            return Account::ConnectionState::Connecting;
        case net::Connection::State::Offline:
            break;
    }
    return Account::ConnectionState::Offline;
}

}  // namespace

Account::Account(Profile& profile, KnownHosts& hosts, QObject* parent)
    : QObject(parent),
      m_profile(profile),
      m_hosts(hosts),
      m_session(profile.session().value_or(StoredSession{})),
      m_cache(profile.dataDir()),
      m_rest(net::TlsPinning([this](const QUrl& server) { return m_hosts.fingerprint(server); })),
      m_connection(
          net::TlsPinning([this](const QUrl& server) { return m_hosts.fingerprint(server); })),
      m_chats(m_cache),
      m_chatList(m_chats),
      m_friendList(m_chats),
      m_requestList(m_chats),
      m_sync(std::make_unique<SyncEngine>(m_chats, m_rest)),
      m_outbox(std::make_unique<OutboxSender>(m_chats, m_connection)) {
    m_chats.setMe(m_session.userId);
    connect(m_sync.get(), &SyncEngine::synced, this, &Account::synced);
    connect(m_outbox.get(), &OutboxSender::failed, this, &Account::actionFailed);
    connect(m_outbox.get(), &OutboxSender::held, this, &Account::sendHeld);
    qRegisterMetaType<client::app::Account::ConnectionState>();
    m_rest.setServer(m_session.server);
    m_rest.setToken(m_session.token);
    connect(&m_rest, &net::RestClient::unauthorized, this, [this] { end(kSessionEnded); });
    connect(&m_connection, &net::Connection::unauthorized, this, [this] { end(kSessionEnded); });
    connect(&m_connection, &net::Connection::stateChanged, this, &Account::onConnectionState);
    connect(&m_connection, &net::Connection::frameReceived, this, &Account::onFrame);
    connect(&m_connection, &net::Connection::certificateChanged, this,
            &Account::certificateChanged);
    connect(&m_connection, &net::Connection::certificateUnknown, this,
            [this](const QUrl& server, const QString& presented) {
                Q_EMIT certificateChanged(server, QString(), presented);
            });
}

Account::~Account() = default;

void Account::setReconnectPolicy(const net::BackoffPolicy& policy) {
    m_connection.setBackoffPolicy(policy);
}

void Account::start() {
    if (m_ended) {
        return;
    }
    openCache();
    m_chats.announceReset();
    if (const auto me = m_cache.user(m_session.userId)) {
        m_session.username = net::toQString(me->username);
        m_session.displayName = net::toQString(me->displayName);
        Q_EMIT profileChanged();
    }
    m_connection.open(m_session.server, m_session.token);
}

// The cache is disposable: one that cannot be opened, or that holds another account's data,
// is deleted and started afresh.
void Account::openCache() {
    const QString owner = net::TlsPinning::hostPort(m_session.server) + QLatin1Char('#') +
                          QString::number(m_session.userId);
    if (m_cache.open()) {
        const auto stored = m_cache.meta(QStringLiteral("account"));
        if (!stored || *stored == owner) {
            m_cache.setMeta(QStringLiteral("account"), owner);
            return;
        }
    }
    m_cache.close();
    for (const char* suffix : {"", "-wal", "-shm"}) {
        QFile::remove(m_cache.filePath() + QLatin1String(suffix));
    }
    if (m_cache.open()) {
        m_cache.setMeta(QStringLiteral("account"), owner);
    }
}

void Account::logOut() {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_connection.close();
    m_profile.clearSession();
    const QPointer<Account> self(this);
    auto finish = std::make_shared<bool>(false);
    auto announce = [self, finish] {
        if (!self || *finish) {
            return;
        }
        *finish = true;
        Q_EMIT self->loggedOut(QString());
    };
    m_rest.logOut([announce](const net::RestResult<net::NoContent>&) { announce(); });
    QTimer::singleShot(kLogoutWaitMs, this, announce);
}

int Account::reconnectInSeconds() const {
    if (m_state != ConnectionState::Offline) {
        return 0;
    }
    return (m_connection.reconnectInMs() + 999) / 1000;
}

void Account::reconnectNow() {
    if (!m_ended) {
        m_connection.reconnectNow();
    }
}

void Account::onFrame(const protocol::ServerFrame& frame) {
    if (m_ended) {
        return;
    }
    if (const auto* ready = std::get_if<protocol::ws::Ready>(&frame)) {
        applyMe(ready->user);
        m_sync->catchUpAll();
        refreshContacts();
    } else if (const auto* event = std::get_if<protocol::ws::EventOut>(&frame)) {
        m_sync->onEvent(event->event);
    } else if (const auto* ack = std::get_if<protocol::ws::Ack>(&frame)) {
        m_outbox->onAck(*ack);
    } else if (const auto* error = std::get_if<protocol::ws::Error>(&frame)) {
        if (!m_outbox->onError(*error) && error->message) {
            Q_EMIT actionFailed(net::toQString(*error->message));
        }
    } else if (const auto* typingFrame = std::get_if<protocol::ws::TypingOut>(&frame)) {
        if (typingFrame->userId != m_session.userId) {
            m_chatList.noteTyping(typingFrame->chatId);
            Q_EMIT typing(typingFrame->chatId, typingFrame->userId);
        }
    } else if (const auto* presence = std::get_if<protocol::ws::PresenceOut>(&frame)) {
        const bool online = presence->status == protocol::Presence::Online;
        m_chats.setPresence(presence->userId, online, presence->lastSeen);
        Q_EMIT presenceChanged(presence->userId, online);
    } else if (const auto* read = std::get_if<protocol::ws::ReadOut>(&frame)) {
        if (read->userId == m_session.userId) {
            m_chats.setReadSeq(read->chatId, read->seq);
        } else {
            m_chats.setPeerReadSeq(read->chatId, read->seq);
        }
    } else if (const auto* added = std::get_if<protocol::ws::ChatAdded>(&frame)) {
        m_sync->onChatAdded(added->chat);
        afterContactChange();
        Q_EMIT chatReady(added->chat.id);
    } else if (const auto* removed = std::get_if<protocol::ws::ChatRemoved>(&frame)) {
        m_sync->onChatRemoved(removed->chatId);
    } else if (std::holds_alternative<protocol::ws::FriendRequestOut>(frame) ||
               std::holds_alternative<protocol::ws::FriendRemoved>(frame)) {
        afterContactChange();
    }
}

void Account::applyMe(const protocol::User& user) {
    if (m_ended || user.id != m_session.userId) {
        return;
    }
    m_cache.upsertUser(user);
    m_session.username = net::toQString(user.username);
    m_session.displayName = net::toQString(user.displayName);
    m_profile.saveSession(m_session);
    Q_EMIT profileChanged();
}

void Account::onConnectionState(net::Connection::State state) {
    const ConnectionState mapped = fromNet(state);
    if (mapped == m_state) {
        return;
    }
    m_state = mapped;
    if (mapped == ConnectionState::Online) {
        // The connection turns Online only after the ready frame was handled: sends wait for it.
        m_outbox->kick();
    } else {
        m_sync->pause();
        m_outbox->reset();
    }
    Q_EMIT connectionStateChanged(mapped);
}

void Account::end(const QString& reason) {
    if (m_ended) {
        return;
    }
    m_ended = true;
    m_connection.close();
    m_rest.abortAll();
    m_profile.clearSession();
    Q_EMIT loggedOut(reason);
}

}  // namespace client::app
