// One chat's messages and system lines (member events) as the cache holds them, ascending by seq,
// with its outbox rows (pending or failed) at the end as own messages. Older pages come from the
// cache through fetchMore(); when the cache runs out, olderHistoryNeeded() asks the account to
// fetch them from the server. Only the rows near the last one read keep their texts; the others'
// come back from the cache when read.
#pragma once

#include <QAbstractListModel>

#include "client/cache/chat_cache.h"
#include "client/models/message_row_store.h"

namespace client::models {

class MessageListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        MessageIdRole = Qt::UserRole + 1,  // qint64; 0 for an outbox row
        SeqRole,                           // qint64; 0 for an outbox row
        SenderIdRole,                      // qint64
        SenderNameRole,                    // QString
        IsOwnRole,                         // bool
        TextRole,                          // QString; empty for a deleted message
        TimestampRole,                     // QDateTime (local)
        EditedRole,                        // bool
        DeletedRole,                       // bool
        ReplyToRole,                       // qint64, 0 when not a reply
        ReplyPreviewRole,                  // QString "Sender: text", empty when not a reply
        ReactionsRole,    // QVariantList of QVariantMap {emoji: QString, count: int, mine: bool}
        DeliveryRole,     // int, a Delivery value
        PinnedRole,       // bool
        ClientIdRole,     // QString
        FailureRole,      // QString: why a Failed row failed
        TimestampMsRole,  // qint64 ms since the epoch: no time zone lookup, for the paint path
        LocalDayRole,     // QDate of the timestamp in local time, computed once per timestamp
        KindRole,         // int, a MessageRowStore::Kind
        // quint64 that changes whenever anything shaping the row's look does: its content, its
        // delivery, or its neighbours (which decide grouping and day separators). A view that
        // remembers a row's height by (key, version) need read no other role to reuse it.
        LayoutVersionRole,
        // A system row's (KindRole System): the event type ("member.role"), its `data` object as
        // JSON, the member it is about (id, name; 0 and empty for chat.updated), and for
        // chat.updated the `chat` object of the previous chat.updated loaded (JSON, empty when
        // none). Its actor is SenderIdRole/SenderNameRole; its MessageIdRole is 0.
        SystemTypeRole,
        SystemDataRole,
        SubjectIdRole,
        SubjectNameRole,
        PreviousChatRole,
        ViewerIdRole,  // qint64, the signed-in user on every row: the "You" of a system line
    };
    enum class Delivery { Pending, Sent, Read, Failed };
    Q_ENUM(Delivery)

    // The first page. Each older page re-lays the whole list out (the view sizes every row), and
    // the rows it brings are laid out once: older pages grow with what is loaded (a sixteenth of
    // it) up to kMaxPageSize, so a scroll through 100,000 messages pages ~200 times, not 2,000,
    // while one page's new text layouts stay a fraction of the relayout's cost.
    static constexpr int kPageSize = 50;
    static constexpr int kMaxPageSize = 500;
    static constexpr int kPageGrowthDivisor = 16;
    // Past this many confirmed rows with their texts, the texts of rows further than
    // kTextRadius from the last row read are dropped; reading a dropped row reloads the
    // kReloadRadius rows either side of it in one query.
    static constexpr int kMaxTextRows = 2000;
    static constexpr int kTextRadius = 700;
    static constexpr int kReloadRadius = 256;

    // Shows the newest page of the cache at once.
    MessageListModel(cache::ChatCache& cache, qint64 chatId, QObject* parent = nullptr);

    qint64 chatId() const { return m_chatId; }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    // The row of a message id (or of an outbox row's client id), -1 when absent.
    int rowOfMessage(qint64 messageId) const;
    int rowOfClientId(const QString& clientId) const;
    // The newest own message that may be edited (not deleted, acknowledged), 0 when none.
    qint64 lastOwnMessageId() const;
    // The rows about to be shown: their texts are loaded now, not while they are painted.
    void prepareRows(int first, int last);
    // Confirmed rows whose texts are dropped, for tests and the benchmark.
    int droppedRows() const { return m_rows.droppedCount(); }

Q_SIGNALS:
    // The cache holds nothing older than beforeSeq but the chat has older messages.
    void olderHistoryNeeded(qint64 chatId, qint64 beforeSeq);

private:
    void onMessageAdded(qint64 chatId, qint64 messageId, qint64 seq);
    void onMessageChanged(qint64 chatId, qint64 messageId);
    void onOutboxChanged(qint64 chatId);
    void onChatChanged(qint64 chatId);
    void onUserChanged(qint64 userId);
    void onSystemLineAdded(qint64 chatId, qint64 seq);
    bool isSystem(int row) const { return m_rows.kind(row) == MessageRowStore::Kind::System; }
    // The seq of the oldest message loaded, 0 when none.
    qint64 oldestMessageSeq() const;
    // Where a confirmed row of `seq` goes: the first confirmed row with a seq not below it.
    int positionOf(qint64 seq) const;
    // Inserts the messages and lines (each ascending) among the confirmed rows by seq, skipping
    // seqs already shown; runs that land together are inserted together.
    // Returns how many rows it inserted; `announceNeighbours` for a live addition.
    int insertConfirmed(std::vector<cache::MessageRow> messages,
                        std::vector<cache::SystemLineRow> lines, bool announceNeighbours);
    QString previousChatOf(int row) const;
    int confirmedCount() const { return m_rows.size() - m_outboxCount; }
    int olderPageSize() const;
    void load();
    Delivery deliveryOf(int row) const;
    QVariantList reactionsOf(int row) const;
    QString replyPreviewOf(int row) const;
    // Loads the row's texts (and its neighbours') from the cache when they were dropped, and
    // makes it the row the kept texts centre on.
    void ensureTexts(int row) const;
    void trimTexts() const;

    cache::ChatCache& m_cache;
    qint64 m_chatId;
    qint64 m_peerReadSeq = 0;
    // Confirmed ascending, then the outbox. Mutable: reading a row may bring its texts back.
    mutable MessageRowStore m_rows;
    mutable int m_focus = 0;  // the row last read, which the kept texts surround
    int m_outboxCount = 0;
    bool m_cacheExhausted = false;
    bool m_serverAsked = false;  // a request for older history is in flight
    bool m_fetching = false;     // a page is being inserted
};

}  // namespace client::models
