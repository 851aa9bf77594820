#include "client/app/sync_engine.h"

#include <QPointer>

namespace client::app {

SyncEngine::SyncEngine(cache::ChatCache& cache, net::RestClient& rest, QObject* parent)
    : QObject(parent), m_cache(cache), m_rest(rest) {}

void SyncEngine::catchUpAll() {
    m_active = true;
    m_listing = true;
    m_announce = true;
    const QPointer<SyncEngine> self(this);
    m_rest.chats([self](const net::RestResult<std::vector<protocol::Chat>>& result) {
        if (!self) {
            return;
        }
        self->m_listing = false;
        if (!result.ok()) {
            Q_EMIT self->failed(result.error().message);
            self->checkSynced();
            return;
        }
        for (const auto& chat : result.value()) {
            self->m_cache.upsertChat(chat);
        }
        for (const auto& chat : result.value()) {
            if (chat.lastSeq > self->m_cache.lastAppliedSeq(chat.id)) {
                self->catchUp(chat.id);
            }
        }
        self->checkSynced();
    });
}

void SyncEngine::pause() {
    m_active = false;
}

void SyncEngine::onEvent(const protocol::Event& event) {
    if (!m_cache.chat(event.chatId)) {
        // An event of a chat this cache has not listed yet: list it, then catch it up.
        const QPointer<SyncEngine> self(this);
        const qint64 chatId = event.chatId;
        m_rest.chat(chatId, [self, chatId](const net::RestResult<protocol::Chat>& result) {
            if (self && result.ok()) {
                self->m_cache.upsertChat(result.value());
                self->catchUp(chatId);
            }
        });
        return;
    }
    if (m_fetching.contains(event.chatId)) {
        m_again.insert(event.chatId);
        return;
    }
    if (m_cache.applyEvent(event) == cache::ChatCache::Applied::Gap) {
        catchUp(event.chatId);
    }
}

void SyncEngine::onChatAdded(const protocol::Chat& chat) {
    m_cache.upsertChat(chat);
    if (chat.lastSeq > m_cache.lastAppliedSeq(chat.id)) {
        catchUp(chat.id);
    }
}

void SyncEngine::onChatRemoved(qint64 chatId) {
    m_cache.removeChat(chatId);
}

void SyncEngine::catchUp(qint64 chatId) {
    if (m_fetching.contains(chatId)) {
        m_again.insert(chatId);
        return;
    }
    m_fetching.insert(chatId);
    fetchFrom(chatId);
}

void SyncEngine::fetchFrom(qint64 chatId) {
    const QPointer<SyncEngine> self(this);
    const qint64 after = m_cache.lastAppliedSeq(chatId);
    m_rest.events(
        chatId, after, kEventPage,
        [self, chatId, after](const net::RestResult<net::EventPage>& result) {
            if (!self) {
                return;
            }
            if (!result.ok()) {
                self->finished(chatId);
                return;
            }
            for (const auto& event : result.value().events) {
                if (self->m_cache.applyEvent(event) == cache::ChatCache::Applied::Failed) {
                    break;
                }
            }
            const qint64 applied = self->m_cache.lastAppliedSeq(chatId);
            if (applied > after && applied < result.value().lastSeq && self->m_active) {
                self->fetchFrom(chatId);
                return;
            }
            self->finished(chatId);
        });
}

void SyncEngine::finished(qint64 chatId) {
    m_fetching.remove(chatId);
    if (m_again.remove(chatId) && m_active) {
        catchUp(chatId);
        return;
    }
    checkSynced();
}

void SyncEngine::checkSynced() {
    if (m_announce && !isCatchingUp()) {
        m_announce = false;
        Q_EMIT synced();
    }
}

void SyncEngine::loadOlder(qint64 chatId, qint64 beforeSeq) {
    if (m_historyInFlight.contains(chatId)) {
        return;
    }
    m_historyInFlight.insert(chatId);
    const QPointer<SyncEngine> self(this);
    m_rest.messages(chatId, beforeSeq, kHistoryPage,
                    [self, chatId](const net::RestResult<net::MessagePage>& result) {
                        if (!self) {
                            return;
                        }
                        self->m_historyInFlight.remove(chatId);
                        if (result.ok()) {
                            self->m_cache.storeMessages(result.value().messages);
                        }
                    });
}

}  // namespace client::app
