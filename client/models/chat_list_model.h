// The rail's list of chats, read from the cache and ordered by activity (newest first); it follows
// the cache's change signals row by row (moves and dataChanged, never a reset per event).
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <QTimer>
#include <vector>

#include "client/cache/chat_cache.h"

namespace client::models {

class ChatListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        ChatIdRole = Qt::UserRole + 1,
        TitleRole,       // QString: the peer's display name, or the group's name
        AvatarSeedRole,  // QString: what the initials avatar is drawn from
        PreviewRole,     // QString: the last message's text ("You: " first when it is mine), or
                         // "Message deleted"
        TimestampRole,   // QDateTime (local) of the last activity
        UnreadRole,      // int
        TypingRole,      // bool: someone is typing in it right now
        PeerOnlineRole,  // bool
        IsDirectRole,    // bool
    };

    // How long a typing signal shows when no other follows.
    static constexpr int kTypingMs = 5000;

    explicit ChatListModel(cache::ChatCache& cache, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // The row of a chat, -1 when absent.
    int rowOf(qint64 chatId) const;
    qint64 chatIdAt(int row) const;
    // Someone typed in the chat: TypingRole is true for kTypingMs.
    void noteTyping(qint64 chatId);
    bool isTyping(qint64 chatId) const;

private:
    void reloadChat(qint64 chatId);
    void removeChat(qint64 chatId);
    void onUserChanged(qint64 userId);
    void expireTyping();
    // Where a row with this activity belongs, by the ordering of the list.
    int targetRow(const cache::ChatRow& chat, int ignoreRow) const;

    cache::ChatCache& m_cache;
    std::vector<cache::ChatRow> m_rows;
    QHash<qint64, qint64> m_typingUntil;  // chat id -> ms since the epoch
    QTimer m_typingTimer;
};

}  // namespace client::models
