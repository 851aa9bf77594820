// messenger-members-bench: the members pane of a group of 1,000 members, from a seeded cache (the
// account stays offline): time to open the pane (model built, list laid out, first frame
// painted) and the paint time of each frame while scrolling the list end to end.
// In its own folder because bench/client's glob builds every .cpp there into
// messenger-client-bench.
#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QTemporaryDir>
#include <QTextStream>
#include <algorithm>
#include <memory>
#include <vector>

#include "client/app/account.h"
#include "client/app/known_hosts.h"
#include "client/app/profile.h"
#include "client/ui/members_pane.h"
#include "client/ui/theme_controller.h"

namespace {

constexpr qint64 kMe = 1;
constexpr qint64 kGroup = 77;
constexpr int kMembers = 1000;
constexpr int kOpens = 20;
constexpr int kStepPx = 40;

double msSince(const QElapsedTimer& timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

double quantile(std::vector<double> values, double q) {
    if (values.empty()) {
        return 0;
    }
    std::sort(values.begin(), values.end());
    const auto rank = static_cast<size_t>(q * double(values.size() - 1) + 0.5);
    return values[std::min(rank, values.size() - 1)];
}

QString describe(const std::vector<double>& values) {
    return QStringLiteral("p50 %1 ms, p99 %2 ms, max %3 ms (%4 samples)")
        .arg(quantile(values, 0.5), 0, 'f', 2)
        .arg(quantile(values, 0.99), 0, 'f', 2)
        .arg(quantile(values, 1.0), 0, 'f', 2)
        .arg(values.size());
}

protocol::Member member(qint64 id) {
    protocol::Member m;
    m.user.id = id;
    m.user.username = QStringLiteral("member_%1").arg(id, 4, 10, QLatin1Char('0')).toStdString();
    m.user.displayName = QStringLiteral("Member %1").arg(id).toStdString();
    m.user.status = id % 4 == 0 ? protocol::Presence::Online : protocol::Presence::Offline;
    m.role = id == kMe  ? protocol::Role::Owner
             : id <= 6  ? protocol::Role::Admin
             : id <= 30 ? protocol::Role::Moderator
                        : protocol::Role::Member;
    m.joinedTs = 1'700'000'000'000 + id;
    if (id % 97 == 0) {
        m.mutedUntil = 4'000'000'000'000;
    }
    return m;
}

bool seed(client::app::Account& account) {
    protocol::Chat group;
    group.id = kGroup;
    group.kind = protocol::ChatKind::Group;
    group.name = "A thousand climbers";
    group.description = "The members pane benchmark's group";
    group.createdTs = 1'700'000'000'000;
    group.myRole = protocol::Role::Owner;
    group.memberCount = kMembers;
    std::vector<protocol::Member> members;
    for (qint64 id = 1; id <= kMembers; ++id) {
        members.push_back(member(id));
    }
    return account.chatCache().upsertChat(group) && account.chatCache().setMembers(kGroup, members);
}

}  // namespace

int main(int argc, char* argv[]) {
    QTemporaryDir home;
    qputenv("XDG_DATA_HOME", QDir(home.path()).filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", QDir(home.path()).filePath(QStringLiteral("config")).toUtf8());
    QApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
    QCoreApplication::setApplicationName(QStringLiteral("messenger-members-bench"));
    QTextStream out(stdout);
    QTextStream err(stderr);
    client::ui::ThemeController themes(app);
    themes.apply(client::app::ThemeChoice::Light);

    client::app::Profile profile(QStringLiteral("bench"));
    client::app::StoredSession session;
    session.server = QUrl(QStringLiteral("https://127.0.0.1:9"));
    session.token = QStringLiteral("bench-token");
    session.userId = kMe;
    session.username = QStringLiteral("member_0001");
    session.displayName = QStringLiteral("Member 1");
    profile.saveSession(session);
    client::app::KnownHosts hosts;
    client::app::Account account(profile, hosts);
    account.start();
    if (!seed(account)) {
        err << "seeding the cache failed\n";
        return 1;
    }

    QWidget window;
    window.resize(320, 760);
    window.show();
    std::vector<double> opens;
    for (int i = 0; i < kOpens; ++i) {
        QElapsedTimer timer;
        timer.start();
        auto pane = std::make_unique<client::ui::MembersPane>(account, &window);
        pane->setGeometry(window.rect());
        pane->setChat(kGroup);
        pane->show();
        pane->repaint();
        pane->list()->viewport()->repaint();
        opens.push_back(msSince(timer));
        QCoreApplication::processEvents();
    }

    client::ui::MembersPane pane(account, &window);
    pane.setGeometry(window.rect());
    pane.setChat(kGroup);
    pane.show();
    QCoreApplication::processEvents();
    // --shot FILE: a picture of the pane as measured, to see what the figures are of.
    const QStringList args = QCoreApplication::arguments();
    const auto shot = args.indexOf(QStringLiteral("--shot"));
    if (shot >= 0 && shot + 1 < args.size()) {
        pane.grab().save(args.at(shot + 1));
    }
    QListView* list = pane.list();
    QScrollBar* bar = list->verticalScrollBar();
    std::vector<double> paints;
    std::vector<double> steps;
    for (int value = 0; value <= bar->maximum(); value += kStepPx) {
        QElapsedTimer step;
        step.start();
        bar->setValue(value);
        QCoreApplication::processEvents();
        QElapsedTimer paint;
        paint.start();
        list->viewport()->repaint();
        paints.push_back(msSince(paint));
        steps.push_back(msSince(step));
    }

    // A refresh from the server while the pane is open: 1,000 members written to the cache in
    // one transaction, the model reset, the list laid out and painted again.
    std::vector<protocol::Member> members;
    for (qint64 id = 1; id <= kMembers; ++id) {
        members.push_back(member(id));
    }
    std::vector<double> refreshes;
    for (int i = 0; i < kOpens; ++i) {
        members[static_cast<size_t>(i)].user.status =
            i % 2 == 0 ? protocol::Presence::Online : protocol::Presence::Offline;
        QElapsedTimer timer;
        timer.start();
        account.chatCache().setMembers(kGroup, members);
        list->viewport()->repaint();
        refreshes.push_back(msSince(timer));
    }

    // The worst refresh: every member's presence changed since the last list.
    for (auto& m : members) {
        m.user.status = m.user.status == protocol::Presence::Online ? protocol::Presence::Offline
                                                                    : protocol::Presence::Online;
    }
    QElapsedTimer allChanged;
    allChanged.start();
    account.chatCache().setMembers(kGroup, members);
    list->viewport()->repaint();
    const double allChangedMs = msSince(allChanged);

    out << "members pane, " << pane.model()->rowCount() << " members, list "
        << list->viewport()->height() << " px high\n";
    out << "open (model + layout + first paint): " << describe(opens) << "\n";
    out << "scroll frame, paint: " << describe(paints) << "\n";
    out << "scroll frame, step (scroll + events + paint): " << describe(steps) << "\n";
    out << "refresh (1,000 members stored, model reset, repaint): " << describe(refreshes) << "\n";
    out << "refresh with every member's presence changed: " << QString::number(allChangedMs, 'f', 2)
        << " ms\n";
    return 0;
}
