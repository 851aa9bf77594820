#include "tools/screenshots/chat_scene.h"

#include <QTest>

namespace screenshots {

namespace {
using client::app::Account;
using MessageModel = client::models::MessageListModel;
constexpr int kWaitMs = 15000;
}  // namespace

ChatScene::ChatScene(Account& me, client::app::KnownHosts& hosts, const QUrl& server)
    : m_me(me), m_cast(hosts, server) {}

ChatScene::~ChatScene() = default;

bool ChatScene::fail(const QString& why) {
    m_why = why;
    return false;
}

qint64 ChatScene::say(Account& from, const QString& text, qint64 replyTo) {
    const QString clientId = from.sendMessage(m_chatId, text, replyTo);
    auto model = from.openChat(m_chatId);
    qint64 id = 0;
    const bool acked = QTest::qWaitFor(
        [&] {
            const int row = model->rowOfClientId(clientId);
            id = row >= 0 ? model->index(row).data(MessageModel::MessageIdRole).toLongLong() : 0;
            return id > 0;
        },
        kWaitMs);
    Account& other = &from == &m_me ? m_cast.first() : m_me;
    auto theirs = other.openChat(m_chatId);
    const bool delivered =
        acked && QTest::qWaitFor([&] { return theirs->rowOfMessage(id) >= 0; }, kWaitMs);
    QTest::qWait(40);
    return delivered ? id : 0;
}

bool ChatScene::build() {
    Account* bob = m_cast.signUp(QStringLiteral("bob"), QStringLiteral("Bob Stone"));
    Account* dave = m_cast.signUp(QStringLiteral("dave.kim"), QStringLiteral("Dave Kim"));
    Account* carol = m_cast.signUp(QStringLiteral("carol"), QStringLiteral("Carol Nguyen"));
    if (bob == nullptr || dave == nullptr || carol == nullptr) {
        return fail(QStringLiteral("the demo users could not sign up"));
    }
    if (!m_cast.befriend(m_me, *dave) || !m_cast.befriend(m_me, *bob)) {
        return fail(QStringLiteral("the demo friendships did not form: ") + m_cast.why());
    }
    m_chatId = m_me.chats().chatIdAt(0);
    Account& me = m_me;
    Account& b = *bob;

    const qint64 daveChat = m_me.chats().chatIdAt(1);
    const QString daveMsg = dave->sendMessage(daveChat, QStringLiteral("See you at the meetup!"));
    Q_UNUSED(daveMsg);

    // Emoji outside the fonts every Linux has would show as boxes in the pictures.
    say(b, QStringLiteral("Hey Alice! Are you around?"));
    say(b, QStringLiteral("I finally pushed the new onboarding flow"));
    say(me, QStringLiteral("Hi Bob! Yes, just got back from lunch"));
    say(me, QStringLiteral("Send me the link, I'll take a look now"));
    const qint64 link = say(b, QStringLiteral("Here it is: https://example.com/onboarding-v2"));
    const qint64 crowded =
        say(b, QStringLiteral("The second screen still feels a bit crowded though"));
    say(me,
        QStringLiteral("Agreed. What if we move the permissions step to the very end, after "
                       "people have seen what the app does?"),
        crowded);
    say(b, QStringLiteral("Oh, that's a good idea. Fewer people would drop off early"));
    const qint64 copy = say(me, QStringLiteral("Also the button copy could be friendlier"));
    const qint64 oops = say(b, QStringLiteral("Wait, ignore what I said about the colours"));
    const qint64 pair = say(b, QStringLiteral("Let's pair on it tomorrow morning?"));
    const qint64 sure = say(me, QStringLiteral("Sure! 10:00 works for me ☕"));
    me.editMessage(copy, QStringLiteral("Also the button copy could be a little friendlier"));
    b.deleteMessage(oops);
    me.react(link, QStringLiteral("❤️"), true);
    b.react(link, QStringLiteral("❤️"), true);
    b.react(copy, QStringLiteral("★"), true);
    me.react(pair, QStringLiteral("✔"), true);
    QTest::qWait(600);
    // Bob reads up to "Sure!": every earlier message of Alice's shows two ticks, the last one one.
    auto bobView = b.openChat(m_chatId);
    b.markRead(
        m_chatId,
        bobView->index(bobView->rowOfMessage(sure)).data(MessageModel::SeqRole).toLongLong());
    QTest::qWait(300);
    say(me, QStringLiteral("Great work on this by the way!"));
    auto mine = me.openChat(m_chatId);
    qint64 myLatest = 0;
    for (int row = 0; row < mine->rowCount(); ++row) {
        myLatest = qMax(myLatest, mine->index(row).data(MessageModel::SeqRole).toLongLong());
    }
    me.markRead(m_chatId, myLatest);

    carol->sendFriendRequest(m_me.userId());
    if (!QTest::qWaitFor([&] { return m_me.requests().incomingCount() > 0; }, kWaitMs)) {
        return fail(QStringLiteral("the pending request never arrived"));
    }
    QTest::qWait(500);
    return true;
}

}  // namespace screenshots
