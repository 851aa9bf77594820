#include "bench/client/seed.h"

#include <QDateTime>
#include <QStringList>
#include <QUrl>
#include <random>
#include <vector>

#include "client/app/profile.h"
#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"

namespace bench {
namespace {

// Messages per storeMessages call: each call is one transaction of the cache.
constexpr size_t kBatch = 5000;

const QStringList kWords = {QStringLiteral("hello"),     QStringLiteral("the"),
                            QStringLiteral("meeting"),   QStringLiteral("tomorrow"),
                            QStringLiteral("I"),         QStringLiteral("think"),
                            QStringLiteral("we"),        QStringLiteral("should"),
                            QStringLiteral("ship"),      QStringLiteral("it"),
                            QStringLiteral("after"),     QStringLiteral("lunch"),
                            QStringLiteral("really?"),   QStringLiteral("sounds"),
                            QStringLiteral("good"),      QStringLiteral("to"),
                            QStringLiteral("me"),        QStringLiteral("can"),
                            QStringLiteral("you"),       QStringLiteral("send"),
                            QStringLiteral("a"),         QStringLiteral("link"),
                            QStringLiteral("café"),      QStringLiteral("déjà"),
                            QStringLiteral("vu"),        QStringLiteral("benchmark"),
                            QStringLiteral("scrolling"), QStringLiteral("of"),
                            QStringLiteral("and"),       QStringLiteral("https://example.org/a"),
                            QStringLiteral("😀"),         QStringLiteral("ok"),
                            QStringLiteral("later"),     QStringLiteral("weekend"),
                            QStringLiteral("photos"),    QStringLiteral("train"),
                            QStringLiteral("delayed"),   QStringLiteral("again"),
                            QStringLiteral("coffee"),    QStringLiteral("☕")};

const QStringList kEmoji = {QStringLiteral("👍"), QStringLiteral("❤️"), QStringLiteral("😂"),
                            QStringLiteral("🎉")};

class TextMaker {
public:
    explicit TextMaker(std::mt19937& random) : m_random(random) {}

    // 5 to 300 characters, mostly short as chat lines are; about one in ten spans lines.
    QString make() {
        const int roll = pick(100);
        const int target = roll < 60 ? 5 + pick(40) : roll < 90 ? 45 + pick(120) : 165 + pick(136);
        const bool multiLine = pick(10) == 0;
        QString text;
        while (text.size() < target) {
            if (!text.isEmpty()) {
                text += multiLine && pick(6) == 0 ? QLatin1Char('\n') : QLatin1Char(' ');
            }
            text += kWords.at(pick(int(kWords.size())));
        }
        return text.left(300);
    }

    int pick(int below) { return std::uniform_int_distribution<int>(0, below - 1)(m_random); }

private:
    std::mt19937& m_random;
};

std::string utf8(const QString& text) {
    return text.toStdString();
}

std::vector<protocol::Message> makeMessages(qint64 chatId, qint64 peer, qint64 me, int count,
                                            qint64& nextId, std::mt19937& random) {
    TextMaker texts(random);
    std::vector<qint64> gaps(size_t(count), 0);
    qint64 span = 0;
    for (auto& gap : gaps) {
        // Bursts of quick answers, then pauses of minutes to hours.
        gap = texts.pick(10) < 7 ? 5'000 + texts.pick(115'000) : 300'000 + texts.pick(3'300'000);
        span += gap;
    }
    qint64 ts = QDateTime::currentMSecsSinceEpoch() - span - 60'000;
    std::vector<protocol::Message> messages;
    messages.reserve(size_t(count));
    qint64 sender = peer;
    for (int i = 0; i < count; ++i) {
        ts += gaps[size_t(i)];
        if (texts.pick(3) == 0) {
            sender = sender == me ? peer : me;
        }
        protocol::Message m;
        m.id = nextId++;
        m.chatId = chatId;
        m.seq = i + 1;
        m.sender = sender;
        m.ts = ts;
        m.text = utf8(texts.make());
        if (i > 10 && texts.pick(10) == 0) {
            m.replyTo = m.id - 1 - texts.pick(10);
        }
        if (texts.pick(20) == 0) {
            m.reactions[utf8(kEmoji.at(texts.pick(int(kEmoji.size()))))] = {peer};
            if (texts.pick(2) == 0) {
                m.reactions[utf8(kEmoji.at(0))].push_back(me);
            }
        }
        if (texts.pick(30) == 0) {
            m.editedTs = ts + 60'000;
        }
        if (texts.pick(100) == 0) {
            m.deleted = true;
            m.text.clear();
            m.reactions.clear();
        }
        messages.push_back(std::move(m));
    }
    return messages;
}

protocol::User makeUser(qint64 id, const QString& name, const QString& display) {
    protocol::User user;
    user.id = id;
    user.username = utf8(name);
    user.displayName = utf8(display);
    user.lastSeen = QDateTime::currentMSecsSinceEpoch() - id * 3'600'000;
    return user;
}

}  // namespace

QString seedProfile(const QString& profileName, const SeedPlan& plan) {
    client::app::Profile profile(profileName);
    client::app::StoredSession session;
    // Nothing listens on the discard port: the account stays offline and reads only the cache.
    session.server = QUrl(QStringLiteral("https://127.0.0.1:9"));
    session.token = QStringLiteral("bench-token");
    session.userId = plan.me;
    session.username = QStringLiteral("bench_me");
    session.displayName = QStringLiteral("Bench Me");
    profile.saveSession(session);

    client::cache::LocalCache store(profile.dataDir());
    if (!store.open()) {
        return QStringLiteral("cache: ") + store.lastError();
    }
    client::cache::ChatCache cache(store);
    cache.setMe(plan.me);
    if (!cache.upsertUser(makeUser(plan.me, session.username, session.displayName))) {
        return QStringLiteral("cache: upsertUser failed");
    }
    std::mt19937 random(20261121);
    qint64 nextId = 1;
    for (int c = 0; c < plan.chats; ++c) {
        const qint64 chatId = SeedPlan::kBigChat + c;
        const qint64 peerId = plan.me + 1 + c;
        const auto peer = makeUser(peerId, QStringLiteral("friend_%1").arg(c + 1),
                                   QStringLiteral("Friend Number %1").arg(c + 1));
        if (!cache.upsertUser(peer)) {
            return QStringLiteral("cache: upsertUser failed");
        }
        const int count = c == 0 ? plan.bigChatMessages : plan.otherChatMessages;
        auto messages = makeMessages(chatId, peerId, plan.me, count, nextId, random);
        for (size_t from = 0; from < messages.size(); from += kBatch) {
            const auto end = messages.begin() + qint64(std::min(messages.size(), from + kBatch));
            if (!cache.storeMessages({messages.begin() + qint64(from), end})) {
                return QStringLiteral("cache: storeMessages failed");
            }
        }
        protocol::Chat chat;
        chat.id = chatId;
        chat.kind = protocol::ChatKind::Direct;
        chat.createdTs = messages.empty() ? 0 : messages.front().ts - 1000;
        chat.lastSeq = count;
        chat.unread = c % 4 == 0 ? c % 7 : 0;
        chat.readSeq = count - chat.unread;
        chat.memberCount = 2;
        chat.peer = peer;
        chat.peerReadSeq = count - (c % 3);
        if (!messages.empty()) {
            chat.lastMessage = messages.back();
        }
        if (!cache.upsertChat(chat)) {
            return QStringLiteral("cache: upsertChat failed");
        }
    }
    return {};
}

}  // namespace bench
