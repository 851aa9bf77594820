// Keeps the cache caught up with the server's event logs: on every ready it lists the chats and
// fetches each one's events after the last applied seq (paged up to last_seq); live events are
// applied in order, and a seq jump fetches the gap first. Idempotent, so a repeat costs nothing.
#pragma once

#include <QHash>
#include <QObject>
#include <QSet>

#include "client/cache/chat_cache.h"
#include "client/net/rest_client.h"
#include "common/ws_frames.h"

namespace client::app {

class SyncEngine : public QObject {
    Q_OBJECT
public:
    static constexpr int kEventPage = 500;
    static constexpr int kHistoryPage = 50;

    SyncEngine(cache::ChatCache& cache, net::RestClient& rest, QObject* parent = nullptr);

    // The socket is ready: list the chats and catch each one up.
    void catchUpAll();
    // The socket went away: what is in flight is finished but nothing new starts until ready.
    void pause();
    void onEvent(const protocol::Event& event);
    void onChatAdded(const protocol::Chat& chat);
    void onChatRemoved(qint64 chatId);
    // Older messages than the cache holds, for a scrolled-up conversation.
    void loadOlder(qint64 chatId, qint64 beforeSeq);
    bool isCatchingUp() const { return m_listing || !m_fetching.isEmpty(); }

Q_SIGNALS:
    // Every chat known at the last ready has been caught up.
    void synced();
    void failed(const QString& message);

private:
    void catchUp(qint64 chatId);
    void fetchFrom(qint64 chatId);
    void finished(qint64 chatId);
    void checkSynced();

    cache::ChatCache& m_cache;
    net::RestClient& m_rest;
    bool m_active = false;
    bool m_listing = false;
    bool m_announce = false;  // synced() is due once nothing is in flight
    QSet<qint64> m_fetching;
    QSet<qint64> m_again;  // a gap was seen while a fetch was in flight
    QSet<qint64> m_historyInFlight;
};

}  // namespace client::app
