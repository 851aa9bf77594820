// The rows of one open conversation kept compact: a fixed-size record per row, every text as UTF-8
// in one shared arena, one entry per sender (id and name) shared by all their rows, and replies,
// reactions and failures apart for the few rows that have them. A message's texts may be dropped
// (its record stays) and restored later from the cache.
#pragma once

#include <QDate>
#include <QHash>
#include <QString>
#include <QVector>
#include <memory>
#include <string>
#include <vector>

#include "client/cache/chat_cache.h"
#include "client/cache/rows.h"

namespace client::models {

class MessageRowStore {
public:
    // What a row shows. Member events ("Ana made Bo a moderator") become a kind of their own.
    enum class Kind : quint8 { Message, System };
    struct Reaction {
        QString emoji;
        int count = 0;
        bool mine = false;
    };

    int size() const { return static_cast<int>(m_rows.size()); }
    bool empty() const { return m_rows.empty(); }
    // `me` decides which reactions are mine.
    void insert(int at, const std::vector<cache::MessageRow>& rows, qint64 me);
    // Inserts both lists, each ascending by seq, merged by seq at `at`. A system line's actor
    // is its row's sender.
    void insertMerged(int at, const std::vector<cache::MessageRow>& messages,
                      const std::vector<cache::SystemLineRow>& lines, qint64 me);
    // Replaces the row's content with a fresher copy of the same message.
    void assign(int at, const cache::MessageRow& row, qint64 me);
    // Forgets a message row's body, client id and quote (text(), clientId(), replySenderName()
    // and replyText() answer empty) and keeps everything else; a system row keeps all.
    void dropTexts(int at);
    bool dropped(int at) const { return flag(at, kDropped); }
    int droppedCount() const { return m_dropped; }
    // Puts back a dropped row's texts from the cache's copy of the same message, keeping its
    // version: the cache announces every change, so the copy is what the row showed.
    void restore(int at, const cache::MessageRow& row, qint64 me);
    // Rewrites the arena once enough of it is text no row points at any more.
    void compactIfWasteful();
    void erase(int first, int count);
    void clear();
    // Every row of the user shows `name`; returns whether it changed.
    bool renameSender(qint64 userId, const QString& name);

    Kind kind(int at) const { return static_cast<Kind>(m_rows[index(at)].kind); }
    qint64 id(int at) const { return m_rows[index(at)].id; }
    qint64 seq(int at) const { return m_rows[index(at)].seq; }
    qint64 ts(int at) const { return m_rows[index(at)].ts; }
    qint64 sender(int at) const { return m_senders[m_rows[index(at)].sender].id; }
    const QString& senderName(int at) const { return m_senders[m_rows[index(at)].sender].name; }
    QDate localDay(int at) const { return QDate::fromJulianDay(m_rows[index(at)].day); }
    QString text(int at) const { return textOf(m_rows[index(at)].text); }
    QString clientId(int at) const { return textOf(m_rows[index(at)].clientId); }
    bool edited(int at) const { return flag(at, kEdited); }
    bool deleted(int at) const { return flag(at, kDeleted); }
    bool pinned(int at) const { return flag(at, kPinned); }
    cache::MessageRow::Delivery delivery(int at) const {
        return static_cast<cache::MessageRow::Delivery>(m_rows[index(at)].delivery);
    }
    qint64 replyTo(int at) const;
    QString replySenderName(int at) const;
    QString replyText(int at) const;
    bool replyDeleted(int at) const;
    QString failure(int at) const;
    QVector<Reaction> reactions(int at) const;
    // A system row's event type ("member.role"), its data object as JSON, and the member it
    // is about (0 and empty for chat.updated); empty for a message.
    QString systemType(int at) const;
    QString systemData(int at) const;
    qint64 subject(int at) const;
    QString subjectName(int at) const;
    // Changes whenever the row's content does (insert, assign, the sender's rename); unique
    // among the rows of this store.
    quint32 version(int at) const { return m_rows[index(at)].version; }

    // Bytes held, for tests and the benchmark's accounting.
    size_t arenaBytes() const { return m_arena.size(); }

private:
    // A piece of the arena.
    struct Span {
        quint32 offset = 0;
        quint32 length = 0;
    };
    struct StoredReaction {
        Span emoji;
        quint32 count = 0;
        bool mine = false;
    };
    // What only some rows have.
    struct Extra {
        qint64 replyTo = 0;
        Span replySender;
        Span replyText;
        bool replyDeleted = false;
        Span failure;
        std::vector<StoredReaction> reactions;
        Span systemType;
        Span systemData;
        qint64 subject = 0;
        quint32 subjectName = 0;  // index in m_senders, when subject is not 0
    };
    struct Row {
        qint64 id = 0;
        qint64 seq = 0;
        qint64 ts = 0;
        Span text;
        Span clientId;
        qint32 day = 0;      // Julian day of ts in local time
        quint32 sender = 0;  // index in m_senders
        quint32 version = 0;
        quint8 kind = 0;
        quint8 flags = 0;
        quint8 delivery = 0;
        std::unique_ptr<Extra> extra;
    };
    struct Sender {
        qint64 id = 0;
        QString name;
    };
    static constexpr quint8 kEdited = 1;
    static constexpr quint8 kDeleted = 2;
    static constexpr quint8 kPinned = 4;
    static constexpr quint8 kDropped = 8;

    static size_t index(int at) { return static_cast<size_t>(at); }
    bool flag(int at, quint8 bit) const { return (m_rows[index(at)].flags & bit) != 0; }
    Row make(const cache::MessageRow& row, qint64 me);
    Row make(const cache::SystemLineRow& line);
    Span add(const QString& text);
    QString textOf(Span span) const;
    void release(const Row& row);
    quint32 senderIndex(qint64 userId, const QString& name);
    qint32 dayOf(qint64 ts);

    std::vector<Row> m_rows;
    std::string m_arena;
    size_t m_waste = 0;  // bytes of the arena no row points at any more
    int m_dropped = 0;   // rows whose texts are dropped
    std::vector<Sender> m_senders;
    QHash<qint64, quint32> m_senderIndex;  // user id -> index in m_senders
    quint32 m_nextVersion = 1;
    // The local day last converted, as [start, end) in ms: rows come in runs of one day, and
    // each local conversion costs a time zone lookup.
    qint64 m_dayStart = 0;
    qint64 m_dayEnd = 0;
    qint32 m_day = 0;
};

}  // namespace client::models
