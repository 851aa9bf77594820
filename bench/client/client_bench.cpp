// messenger-client-bench: seeds a profile's cache, then measures the client's cold start to a
// painted chat list (in fresh processes), scrolling the big chat end to end, and memory.
#include <QApplication>
#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <chrono>
#include <optional>

#include "bench/client/cold_start.h"
#include "bench/client/scroll_run.h"
#include "bench/client/seed.h"
#include "bench/client/stats.h"

namespace {

const QString kProfile = QStringLiteral("bench");
const QString kColdStartFlag = QStringLiteral("--cold-start-child");
const QString kScrollFlag = QStringLiteral("--scroll-child");

void describe() {
    // Same names as the messenger binary; the data and settings folders are the bench's own
    // (XDG_DATA_HOME and XDG_CONFIG_HOME point into its temporary folder).
    QCoreApplication::setOrganizationName(QStringLiteral("Messenger"));
    QCoreApplication::setApplicationName(QStringLiteral("messenger"));
}

QString argumentAfter(const QStringList& args, const QString& name, const QString& fallback) {
    const auto at = args.indexOf(name);
    return at >= 0 && at + 1 < args.size() ? args.at(at + 1) : fallback;
}

std::optional<QSize> parseSize(const QString& text) {
    const QStringList parts = text.split(QLatin1Char('x'));
    bool okW = false;
    bool okH = false;
    const QSize size(parts.value(0).toInt(&okW), parts.value(1).toInt(&okH));
    if (parts.size() != 2 || !okW || !okH || size.width() < 400 || size.height() < 300) {
        return std::nullopt;
    }
    return size;
}

int childMain(int argc, char* argv[], std::chrono::steady_clock::time_point started) {
    QApplication app(argc, argv);
    describe();
    const QStringList args = QCoreApplication::arguments();
    if (args.contains(kColdStartFlag)) {
        return bench::runColdStart(
            app, kProfile, argumentAfter(args, QStringLiteral("--chats"), {}).toInt(), started);
    }
    bench::ScrollPlan plan;
    plan.stepPx = argumentAfter(args, QStringLiteral("--step"), {}).toInt();
    plan.maxRows = argumentAfter(args, QStringLiteral("--max-rows"), QStringLiteral("0")).toInt();
    plan.windowSize = *parseSize(argumentAfter(args, QStringLiteral("--size"), {}));
    return bench::runScroll(app, kProfile, plan);
}

struct ColdRun {
    double fromSpawnMs = 0;
    double fromMainMs = 0;
    double rssMiB = 0;
};

std::optional<ColdRun> coldStart(int chats, QTextStream& err) {
    QProcess child;
    child.setProcessChannelMode(QProcess::SeparateChannels);
    const auto spawned = std::chrono::steady_clock::now();
    child.start(QCoreApplication::applicationFilePath(),
                {kColdStartFlag, QStringLiteral("--chats"), QString::number(chats)});
    if (!child.waitForFinished(60'000) || child.exitCode() != 0) {
        err << "cold start child failed: " << child.readAllStandardError() << "\n";
        return std::nullopt;
    }
    ColdRun run;
    const QList<QByteArray> lines = child.readAllStandardOutput().split('\n');
    for (const QByteArray& line : lines) {
        const QList<QByteArray> kv = line.split(' ');
        if (kv.size() != 2) {
            continue;
        }
        if (kv[0] == "painted_at_ns") {
            const std::chrono::nanoseconds at(kv[1].toLongLong());
            run.fromSpawnMs =
                std::chrono::duration<double, std::milli>(at - spawned.time_since_epoch()).count();
        } else if (kv[0] == "since_main_ms") {
            run.fromMainMs = kv[1].toDouble();
        } else if (kv[0] == "rss_bytes") {
            run.rssMiB = kv[1].toDouble() / (1024.0 * 1024.0);
        }
    }
    return run;
}

QString minMedianMax(const bench::Sample& sample, const QString& unit) {
    return QStringLiteral("min %1 %4, median %2 %4, max %3 %4")
        .arg(sample.min(), 0, 'f', 1)
        .arg(sample.quantile(0.5), 0, 'f', 1)
        .arg(sample.max(), 0, 'f', 1)
        .arg(unit);
}

int orchestrate(int argc, char* argv[]) {
    QCoreApplication app(argc, argv);
    describe();
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral(
        "Seeds a client cache, then measures cold start, scrolling and memory of the client."));
    parser.addHelpOption();
    const QCommandLineOption messages(QStringLiteral("messages"),
                                      QStringLiteral("Messages of the big chat (100000)."),
                                      QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption others(QStringLiteral("others"),
                                    QStringLiteral("Messages of each other chat (100)."),
                                    QStringLiteral("N"), QStringLiteral("100"));
    const QCommandLineOption chats(QStringLiteral("chats"), QStringLiteral("Chats (50)."),
                                   QStringLiteral("N"), QStringLiteral("50"));
    const QCommandLineOption runs(QStringLiteral("runs"), QStringLiteral("Cold starts (5)."),
                                  QStringLiteral("N"), QStringLiteral("5"));
    const QCommandLineOption step(QStringLiteral("step"),
                                  QStringLiteral("Pixels scrolled per frame (120)."),
                                  QStringLiteral("PX"), QStringLiteral("120"));
    const QCommandLineOption size(QStringLiteral("size"), QStringLiteral("Window size (1200x760)."),
                                  QStringLiteral("WxH"), QStringLiteral("1200x760"));
    const QCommandLineOption maxRows(
        QStringLiteral("max-rows"),
        QStringLiteral("Stop scrolling up once this many rows are loaded (0: the whole chat)."),
        QStringLiteral("N"), QStringLiteral("0"));
    const QCommandLineOption noScroll(QStringLiteral("no-scroll"),
                                      QStringLiteral("Skip the scrolling run."));
    const QCommandLineOption homeDir(
        QStringLiteral("home"),
        QStringLiteral("Seed into this new folder and keep it (default: a temporary one), so a "
                       "child can be run again under a profiler."),
        QStringLiteral("DIR"));
    parser.addOptions({messages, others, chats, runs, step, size, maxRows, noScroll, homeDir});
    parser.process(app);

    QTextStream out(stdout);
    QTextStream err(stderr);
    bench::SeedPlan plan;
    plan.chats = parser.value(chats).toInt();
    plan.bigChatMessages = parser.value(messages).toInt();
    plan.otherChatMessages = parser.value(others).toInt();
    const int coldRuns = parser.value(runs).toInt();
    const int stepPx = parser.value(step).toInt();
    if (plan.chats < 1 || plan.bigChatMessages < 1 || plan.otherChatMessages < 0 || coldRuns < 1 ||
        stepPx < 1 || !parseSize(parser.value(size))) {
        err << "messenger-client-bench: --chats, --messages, --runs and --step must be positive, "
               "--size WxH at least 400x300\n";
        return 2;
    }

    QTemporaryDir temporary;
    const QString home =
        parser.isSet(homeDir) ? QDir(parser.value(homeDir)).absolutePath() : temporary.path();
    if (parser.isSet(homeDir) ? QDir(home).exists() || !QDir().mkpath(home)
                              : !temporary.isValid()) {
        err << "messenger-client-bench: no new folder to seed into\n";
        return 1;
    }
    // A runtime folder must be private (0700), as QTemporaryDir makes its own.
    QFile::setPermissions(home,
                          QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner);
    qputenv("XDG_DATA_HOME", QDir(home).filePath(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", QDir(home).filePath(QStringLiteral("config")).toUtf8());
    qputenv("XDG_RUNTIME_DIR", home.toUtf8());
    if (parser.isSet(homeDir)) {
        out << "seeding into " << home << " (kept): run a child there with XDG_DATA_HOME=" << home
            << "/data XDG_CONFIG_HOME=" << home << "/config XDG_RUNTIME_DIR=" << home << "\n";
    }

    QElapsedTimer seeding;
    seeding.start();
    const QString failure = bench::seedProfile(kProfile, plan);
    if (!failure.isEmpty()) {
        err << "messenger-client-bench: seeding: " << failure << "\n";
        return 1;
    }
    out << "seeded " << plan.chats << " chats, " << plan.bigChatMessages
        << " messages in chat 1 and " << plan.otherChatMessages
        << " in each other chat through ChatCache::storeMessages ("
        << QString::number(double(seeding.elapsed()) / 1000.0, 'f', 1) << " s, not a figure)\n";
    out.flush();

    bench::Sample fromSpawn;
    bench::Sample fromMain;
    bench::Sample rss;
    for (int i = 0; i < coldRuns; ++i) {
        const auto run = coldStart(plan.chats, err);
        if (!run) {
            return 1;
        }
        out << "cold start " << i + 1 << ": " << QString::number(run->fromSpawnMs, 'f', 1)
            << " ms from spawn, " << QString::number(run->fromMainMs, 'f', 1)
            << " ms from main(), resident " << QString::number(run->rssMiB, 'f', 1) << " MiB\n";
        out.flush();
        fromSpawn.add(run->fromSpawnMs);
        fromMain.add(run->fromMainMs);
        rss.add(run->rssMiB);
    }
    out << "cold start to the painted chat list of " << plan.chats << " chats, " << coldRuns
        << " runs:\n  from spawn:  " << minMedianMax(fromSpawn, QStringLiteral("ms"))
        << "\n  from main(): " << minMedianMax(fromMain, QStringLiteral("ms"))
        << "\n  resident:    " << minMedianMax(rss, QStringLiteral("MiB")) << "\n";
    out.flush();

    if (parser.isSet(noScroll)) {
        return 0;
    }
    QProcess scroll;
    scroll.setProcessChannelMode(QProcess::ForwardedChannels);
    scroll.start(
        QCoreApplication::applicationFilePath(),
        {kScrollFlag, QStringLiteral("--step"), QString::number(stepPx), QStringLiteral("--size"),
         parser.value(size), QStringLiteral("--max-rows"), parser.value(maxRows)});
    if (!scroll.waitForFinished(-1) || scroll.exitCode() != 0) {
        err << "messenger-client-bench: the scrolling run failed\n";
        return 1;
    }
    return 0;
}

}  // namespace

int main(int argc, char* argv[]) {
    const auto started = std::chrono::steady_clock::now();
    if (!qEnvironmentVariableIsSet("QT_QPA_PLATFORM")) {
        qputenv("QT_QPA_PLATFORM", "offscreen");
    }
    for (int i = 1; i < argc; ++i) {
        const QString arg = QString::fromLocal8Bit(argv[i]);
        if (arg == kColdStartFlag || arg == kScrollFlag) {
            // The icons live in the static client library, whose linker drops them unless named.
            Q_INIT_RESOURCE(resources);
            return childMain(argc, argv, started);
        }
    }
    return orchestrate(argc, argv);
}
