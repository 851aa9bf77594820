// Sends the cache's outbox over the socket: per chat one message in flight, oldest first, so
// order is kept; an ack turns the row into the message; a refusal marks it failed with the reason;
// rate limits and lost connections only delay it. A resend after a lost ack carries the same
// client_id, which the server answers with the first message instead of storing a second.
#pragma once

#include <QHash>
#include <QObject>
#include <QTimer>

#include "client/cache/chat_cache.h"
#include "client/net/connection.h"

namespace client::app {

class OutboxSender : public QObject {
    Q_OBJECT
public:
    OutboxSender(cache::ChatCache& cache, net::Connection& connection, QObject* parent = nullptr);

    // Sends what may be sent now; call on ready and after every enqueue or retry.
    void kick();
    // The socket closed: whatever was in flight is sent again on the next kick.
    void reset();
    void onAck(const protocol::ws::Ack& ack);
    // True when the error answered one of our sends.
    bool onError(const protocol::ws::Error& error);
    // Milliseconds before the chat's next send may go (after a rate_limited), 0 when it may now.
    int heldFor(qint64 chatId) const;

Q_SIGNALS:
    void failed(const QString& message);
    // The server refused a send of the chat for now (slow mode, or the send limit): it stays in
    // the outbox, and it and the chat's later ones go once `milliseconds` have passed.
    void held(qint64 chatId, int milliseconds);

private:
    void scheduleRelease();

    cache::ChatCache& m_cache;
    net::Connection& m_connection;
    bool m_ready = false;
    QHash<qint64, QString> m_inFlight;  // chat id -> client id
    QHash<qint64, qint64> m_heldUntil;  // chat id -> ms since the epoch
    QTimer m_releaseTimer;              // fires when the earliest hold ends
};

}  // namespace client::app
