#include "client/models/message_row_store.h"

#include <QDateTime>
#include <algorithm>

namespace client::models {

namespace {

// The arena is rewritten once this much of it, and half of it, is text no row points at. Rows
// far from the viewport drop their texts all the time, so the arena stays small.
constexpr size_t kCompactAfterBytes = 256 << 10;

}  // namespace

void MessageRowStore::insert(int at, const std::vector<cache::MessageRow>& rows, qint64 me) {
    std::vector<Row> made;
    made.reserve(rows.size());
    for (const cache::MessageRow& row : rows) {
        made.push_back(make(row, me));
    }
    m_rows.insert(m_rows.begin() + at, std::make_move_iterator(made.begin()),
                  std::make_move_iterator(made.end()));
}

void MessageRowStore::insertMerged(int at, const std::vector<cache::MessageRow>& messages,
                                   const std::vector<cache::SystemLineRow>& lines, qint64 me) {
    std::vector<Row> made;
    made.reserve(messages.size() + lines.size());
    auto message = messages.cbegin();
    auto line = lines.cbegin();
    while (message != messages.cend() || line != lines.cend()) {
        if (line == lines.cend() || (message != messages.cend() && message->seq < line->seq)) {
            made.push_back(make(*message++, me));
        } else {
            made.push_back(make(*line++));
        }
    }
    m_rows.insert(m_rows.begin() + at, std::make_move_iterator(made.begin()),
                  std::make_move_iterator(made.end()));
}

void MessageRowStore::assign(int at, const cache::MessageRow& row, qint64 me) {
    Row fresh = make(row, me);
    release(m_rows[index(at)]);
    m_dropped -= dropped(at) ? 1 : 0;
    m_rows[index(at)] = std::move(fresh);
    compactIfWasteful();
}

void MessageRowStore::dropTexts(int at) {
    Row& row = m_rows[index(at)];
    if (row.kind != static_cast<quint8>(Kind::Message) || (row.flags & kDropped) != 0) {
        return;
    }
    m_waste += row.text.length + row.clientId.length;
    row.text = {};
    row.clientId = {};
    if (row.extra) {
        m_waste += row.extra->replySender.length + row.extra->replyText.length;
        row.extra->replySender = {};
        row.extra->replyText = {};
    }
    row.flags |= kDropped;
    ++m_dropped;
}

void MessageRowStore::restore(int at, const cache::MessageRow& row, qint64 me) {
    Row fresh = make(row, me);
    // Read after make(): a rename it found has moved the version on.
    fresh.version = m_rows[index(at)].version;
    release(m_rows[index(at)]);
    m_dropped -= dropped(at) ? 1 : 0;
    m_rows[index(at)] = std::move(fresh);
}

void MessageRowStore::erase(int first, int count) {
    const auto begin = m_rows.begin() + first;
    std::for_each(begin, begin + count, [this](const Row& row) {
        release(row);
        m_dropped -= (row.flags & kDropped) != 0 ? 1 : 0;
    });
    m_rows.erase(begin, begin + count);
    compactIfWasteful();
}

void MessageRowStore::clear() {
    m_rows.clear();
    m_arena.clear();
    m_arena.shrink_to_fit();
    m_waste = 0;
    m_dropped = 0;
    m_senders.clear();
    m_senderIndex.clear();
}

bool MessageRowStore::renameSender(qint64 userId, const QString& name) {
    const auto found = m_senderIndex.constFind(userId);
    if (found == m_senderIndex.cend() || m_senders[*found].name == name) {
        return false;
    }
    m_senders[*found].name = name;
    for (Row& row : m_rows) {
        const bool subject =
            row.extra && row.extra->subject != 0 && row.extra->subjectName == *found;
        if (row.sender == *found || subject) {
            row.version = m_nextVersion++;
        }
    }
    return true;
}

qint64 MessageRowStore::replyTo(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? extra->replyTo : 0;
}

QString MessageRowStore::replySenderName(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? textOf(extra->replySender) : QString();
}

QString MessageRowStore::replyText(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? textOf(extra->replyText) : QString();
}

bool MessageRowStore::replyDeleted(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra && extra->replyDeleted;
}

QString MessageRowStore::failure(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? textOf(extra->failure) : QString();
}

QVector<MessageRowStore::Reaction> MessageRowStore::reactions(int at) const {
    QVector<Reaction> out;
    if (const auto& extra = m_rows[index(at)].extra) {
        out.reserve(static_cast<qsizetype>(extra->reactions.size()));
        for (const StoredReaction& reaction : extra->reactions) {
            out.push_back(
                {textOf(reaction.emoji), static_cast<int>(reaction.count), reaction.mine});
        }
    }
    return out;
}

QString MessageRowStore::systemType(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? textOf(extra->systemType) : QString();
}

QString MessageRowStore::systemData(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? textOf(extra->systemData) : QString();
}

qint64 MessageRowStore::subject(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra ? extra->subject : 0;
}

QString MessageRowStore::subjectName(int at) const {
    const auto& extra = m_rows[index(at)].extra;
    return extra && extra->subject != 0 ? m_senders[extra->subjectName].name : QString();
}

MessageRowStore::Row MessageRowStore::make(const cache::SystemLineRow& line) {
    Row made;
    made.kind = static_cast<quint8>(Kind::System);
    made.seq = line.seq;
    made.ts = line.ts;
    made.day = dayOf(line.ts);
    made.sender = senderIndex(line.actor, line.actorName);
    made.version = m_nextVersion++;
    made.extra = std::make_unique<Extra>();
    made.extra->systemType = add(line.type);
    made.extra->systemData = add(line.dataJson);
    made.extra->subject = line.subject;
    if (line.subject != 0) {
        made.extra->subjectName = senderIndex(line.subject, line.subjectName);
    }
    return made;
}

MessageRowStore::Row MessageRowStore::make(const cache::MessageRow& row, qint64 me) {
    Row made;
    made.kind = static_cast<quint8>(Kind::Message);
    made.id = row.id;
    made.seq = row.seq;
    made.ts = row.ts;
    made.text = add(row.text);
    made.clientId = add(row.clientId);
    made.day = dayOf(row.ts);
    made.sender = senderIndex(row.sender, row.senderName);
    made.version = m_nextVersion++;
    made.flags = static_cast<quint8>((row.editedTs ? kEdited : 0) | (row.deleted ? kDeleted : 0) |
                                     (row.pinned ? kPinned : 0));
    made.delivery = static_cast<quint8>(row.delivery);
    if (row.replyTo || !row.reactions.isEmpty() || !row.failure.isEmpty()) {
        made.extra = std::make_unique<Extra>();
        Extra& extra = *made.extra;
        if (row.replyTo) {
            extra.replyTo = *row.replyTo;
            extra.replySender = add(row.replySenderName);
            extra.replyText = add(row.replyText);
            extra.replyDeleted = row.replyDeleted;
        }
        extra.failure = add(row.failure);
        extra.reactions.reserve(static_cast<size_t>(row.reactions.size()));
        for (auto it = row.reactions.cbegin(); it != row.reactions.cend(); ++it) {
            extra.reactions.push_back(
                {add(it.key()), static_cast<quint32>(it.value().size()), it.value().contains(me)});
        }
    }
    return made;
}

MessageRowStore::Span MessageRowStore::add(const QString& text) {
    if (text.isEmpty()) {
        return {};
    }
    const QByteArray utf8 = text.toUtf8();
    const Span span{static_cast<quint32>(m_arena.size()), static_cast<quint32>(utf8.size())};
    m_arena.append(utf8.constData(), static_cast<size_t>(utf8.size()));
    return span;
}

QString MessageRowStore::textOf(Span span) const {
    return span.length == 0 ? QString()
                            : QString::fromUtf8(m_arena.data() + span.offset,
                                                static_cast<qsizetype>(span.length));
}

void MessageRowStore::release(const Row& row) {
    m_waste += row.text.length + row.clientId.length;
    if (row.extra) {
        m_waste += row.extra->replySender.length + row.extra->replyText.length +
                   row.extra->failure.length + row.extra->systemType.length +
                   row.extra->systemData.length;
        for (const StoredReaction& reaction : row.extra->reactions) {
            m_waste += reaction.emoji.length;
        }
    }
}

void MessageRowStore::compactIfWasteful() {
    if (m_waste < kCompactAfterBytes || m_waste * 2 < m_arena.size()) {
        return;
    }
    std::string packed;
    packed.reserve(m_arena.size() - m_waste);
    const auto move = [&](Span& span) {
        const Span moved{static_cast<quint32>(packed.size()), span.length};
        packed.append(m_arena, span.offset, span.length);
        span = moved;
    };
    for (Row& row : m_rows) {
        move(row.text);
        move(row.clientId);
        if (row.extra) {
            move(row.extra->replySender);
            move(row.extra->replyText);
            move(row.extra->failure);
            move(row.extra->systemType);
            move(row.extra->systemData);
            for (StoredReaction& reaction : row.extra->reactions) {
                move(reaction.emoji);
            }
        }
    }
    m_arena = std::move(packed);
    m_waste = 0;
}

quint32 MessageRowStore::senderIndex(qint64 userId, const QString& name) {
    const auto found = m_senderIndex.constFind(userId);
    if (found != m_senderIndex.cend()) {
        // The freshest copy names every row of the sender.
        if (!name.isEmpty()) {
            renameSender(userId, name);
        }
        return *found;
    }
    const auto at = static_cast<quint32>(m_senders.size());
    m_senders.push_back({userId, name});
    m_senderIndex.insert(userId, at);
    return at;
}

qint32 MessageRowStore::dayOf(qint64 ts) {
    if (ts < m_dayStart || ts >= m_dayEnd) {
        const QDate day = QDateTime::fromMSecsSinceEpoch(ts).date();
        m_dayStart = day.startOfDay().toMSecsSinceEpoch();
        m_dayEnd = day.addDays(1).startOfDay().toMSecsSinceEpoch();
        m_day = static_cast<qint32>(day.toJulianDay());
    }
    return m_day;
}

}  // namespace client::models
