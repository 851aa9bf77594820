// The rail's painted rows over a real cache: one fixed, non-zero height at every width, the times
// a user expects (today, this week, older), the unread badge's text, accessible text, and a paint.
#include <QApplication>
#include <QListView>
#include <QTemporaryDir>
#include <QTest>

#include "client/cache/chat_cache.h"
#include "client/cache/local_cache.h"
#include "client/models/chat_list_model.h"
#include "client/ui/chat_filter_model.h"
#include "client/ui/chat_list_delegate.h"
#include "client/ui/time_format.h"

using client::models::ChatListModel;
using client::ui::ChatListDelegate;

namespace {

protocol::Chat direct(qint64 id, qint64 peerId, const char* name, qint64 ts, qint64 unread) {
    protocol::Chat chat;
    chat.id = id;
    chat.kind = protocol::ChatKind::Direct;
    chat.createdTs = ts;
    chat.unread = unread;
    protocol::User peer;
    peer.id = peerId;
    peer.username = name;
    peer.displayName = name;
    peer.status = peerId % 2 == 0 ? protocol::Presence::Online : protocol::Presence::Offline;
    chat.peer = peer;
    return chat;
}

}  // namespace

class TestChatListDelegate : public QObject {
    Q_OBJECT

private:
    QTemporaryDir m_dir;
    std::unique_ptr<client::cache::LocalCache> m_store;
    std::unique_ptr<client::cache::ChatCache> m_cache;
    std::unique_ptr<ChatListModel> m_model;

private Q_SLOTS:
    void initTestCase() {
        m_store = std::make_unique<client::cache::LocalCache>(m_dir.path());
        QVERIFY(m_store->open());
        m_cache = std::make_unique<client::cache::ChatCache>(*m_store);
        m_cache->setMe(1);
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(m_cache->upsertChat(direct(10, 2, "Grace Hopper", now - 60000, 3)));
        QVERIFY(m_cache->upsertChat(direct(11, 3, "Alan Turing", now - 3 * 86400000LL, 0)));
        QVERIFY(m_cache->upsertChat(direct(12, 4, "A person with a very long name that cannot fit",
                                           now - 40 * 86400000LL, 250)));
        m_model = std::make_unique<ChatListModel>(*m_cache);
        QCOMPARE(m_model->rowCount(), 3);
    }

    void rowsHaveOneHeightAtEveryWidth() {
        ChatListDelegate delegate;
        for (int width : {600, 320, 240, 120}) {
            QStyleOptionViewItem option;
            option.rect = QRect(0, 0, width, 0);
            for (int row = 0; row < m_model->rowCount(); ++row) {
                QCOMPARE(delegate.sizeHint(option, m_model->index(row)).height(),
                         ChatListDelegate::kRowHeight);
            }
        }
    }

    void timesReadLikeAChatApp() {
        const QDateTime now = QDateTime::currentDateTime();
        QCOMPARE(client::ui::timefmt::rowTime(now.addSecs(-60), now),
                 now.addSecs(-60).toString(QStringLiteral("HH:mm")));
        const QString weekday = client::ui::timefmt::rowTime(now.addDays(-3), now);
        QCOMPARE(weekday,
                 QLocale().dayName(now.addDays(-3).date().dayOfWeek(), QLocale::ShortFormat));
        const QString older = client::ui::timefmt::rowTime(now.addDays(-400), now);
        QVERIFY(older.contains(QLatin1Char('.')));
        QCOMPARE(client::ui::timefmt::dayLabel(now.date(), now.date()), QStringLiteral("Today"));
        QCOMPARE(client::ui::timefmt::dayLabel(now.date().addDays(-1), now.date()),
                 QStringLiteral("Yesterday"));
        QCOMPARE(client::ui::timefmt::lastSeen(now.addSecs(-300), now),
                 QStringLiteral("last seen 5 min ago"));
    }

    void badgeCapsAt99() {
        QCOMPARE(ChatListDelegate::badgeText(3), QStringLiteral("3"));
        QCOMPARE(ChatListDelegate::badgeText(99), QStringLiteral("99"));
        QCOMPARE(ChatListDelegate::badgeText(250), QStringLiteral("99+"));
    }

    void rowsSpeakTheirContent() {
        client::ui::ChatFilterModel filter;
        filter.setSourceModel(m_model.get());
        const int row = m_model->rowOf(10);
        const QString text = filter.index(row, 0).data(Qt::AccessibleTextRole).toString();
        QVERIFY2(text.contains(QStringLiteral("Grace Hopper")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("3 unread")), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("online")), qPrintable(text));
    }

    void filterFindsChatsByNameInAnyCase() {
        client::ui::ChatFilterModel filter;
        filter.setSourceModel(m_model.get());
        filter.setFilterFixedString(QStringLiteral("turing"));
        QCOMPARE(filter.rowCount(), 1);
        QCOMPARE(filter.index(0, 0).data(ChatListModel::ChatIdRole).toLongLong(), 11);
        filter.setFilterFixedString(QStringLiteral("nobody"));
        QCOMPARE(filter.rowCount(), 0);
    }

    void paintsAndNavigatesWithTheKeyboard() {
        QListView view;
        view.setItemDelegate(new ChatListDelegate(&view));
        view.setModel(m_model.get());
        view.resize(300, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        QVERIFY(!view.viewport()->grab().isNull());
        view.setFocus();
        view.setCurrentIndex(m_model->index(0));
        QTest::keyClick(&view, Qt::Key_Down);
        QCOMPARE(view.currentIndex().row(), 1);
        QTest::keyClick(&view, Qt::Key_End);
        QCOMPARE(view.currentIndex().row(), 2);
    }
};

QTEST_MAIN(TestChatListDelegate)
#include "tst_chat_list_delegate.moc"
