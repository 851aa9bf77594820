#include "bench/client/scroll_run.h"

#include <QElapsedTimer>
#include <QListView>
#include <QScrollBar>
#include <QTextStream>
#include <QThread>

#include "bench/client/client_under_test.h"
#include "bench/client/process_info.h"
#include "bench/client/stats.h"
#include "client/ui/conversation_model.h"
#include "client/ui/conversation_view.h"
#include "client/ui/main_window.h"
#include "client/ui/message_delegate.h"

namespace bench {
namespace {

// More frames than any sane history needs: a guard against a list that never reaches its end.
constexpr int kMaxFrames = 5'000'000;

void settle(int ms) {
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < ms) {
        QCoreApplication::processEvents(QEventLoop::AllEvents, 10);
        QThread::msleep(1);
    }
}

struct Frames {
    Sample paint;     // viewport()->repaint() alone, wall time
    Sample paintCpu;  // the same, CPU time of the GUI thread
    Sample step;      // the scroll, the events it queues (paging, layout) and the repaint
    Sample paging;    // the steps during which an older page came in
};

double msSince(const QElapsedTimer& timer) {
    return double(timer.nsecsElapsed()) / 1e6;
}

// One frame: move the scroll bar, let the view react (it pages older history in and relays out
// as the user's scrolling would make it), then repaint synchronously.
double frame(QListView* list, int value, Frames& frames) {
    QElapsedTimer step;
    step.start();
    list->verticalScrollBar()->setValue(value);
    QCoreApplication::processEvents();
    QElapsedTimer paint;
    const auto cpuBefore = threadCpuNanoseconds();
    paint.start();
    list->viewport()->repaint();
    frames.paint.add(msSince(paint));
    const auto cpuAfter = threadCpuNanoseconds();
    if (cpuBefore && cpuAfter) {
        frames.paintCpu.add(double(*cpuAfter - *cpuBefore) / 1e6);
    }
    const double ms = msSince(step);
    frames.step.add(ms);
    return ms;
}

bool scrollUp(QListView* list, client::ui::ConversationModel* model, const ScrollPlan& plan,
              Frames& frames) {
    QScrollBar* bar = list->verticalScrollBar();
    for (int n = 0; n < kMaxFrames; ++n) {
        if (plan.maxRows > 0 && model->rowCount() >= plan.maxRows) {
            return true;
        }
        if (bar->value() == 0) {
            if (!model->hasOlder()) {
                return true;
            }
            // The view pages in before the top; should it not have, the top asks as a user would.
            model->fetchOlder();
            QCoreApplication::processEvents();
        }
        const int rowsBefore = model->rowCount();
        const double ms = frame(list, std::max(0, bar->value() - plan.stepPx), frames);
        if (model->rowCount() > rowsBefore) {
            frames.paging.add(ms);
        }
    }
    return false;
}

bool scrollDown(QListView* list, int stepPx, Frames& frames) {
    QScrollBar* bar = list->verticalScrollBar();
    for (int n = 0; n < kMaxFrames; ++n) {
        if (bar->value() >= bar->maximum()) {
            return true;
        }
        frame(list, std::min(bar->maximum(), bar->value() + stepPx), frames);
    }
    return false;
}

void print(QTextStream& out, const QString& name, const Frames& frames) {
    out << name << ": " << frames.paint.size() << " frames; paint "
        << describePercentiles(frames.paint) << "; paint CPU time "
        << describePercentiles(frames.paintCpu) << "; whole step "
        << describePercentiles(frames.step) << ", total "
        << QString::number(frames.step.total() / 1000.0, 'f', 1) << " s\n";
    if (frames.paging.size() > 0) {
        out << "  steps that paged older history in: " << frames.paging.size() << ", "
            << describePercentiles(frames.paging) << ", total "
            << QString::number(frames.paging.total() / 1000.0, 'f', 1) << " s\n";
    }
}

QString mib(qint64 bytes) {
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MiB");
}

// Resident size, and where the heap can tell it, what of the heap is live and what is free but
// kept by the allocator.
QString describeMemory() {
    const auto rss = residentMemoryBytes();
    QString text = rss ? mib(*rss) : QStringLiteral("unknown on this platform");
    if (const auto heap = heapBytes()) {
        text += QStringLiteral(" (heap: %1 live, %2 free but kept)")
                    .arg(mib(heap->inUse), mib(heap->freeKept));
    }
    return text;
}

}  // namespace

int runScroll(QApplication& app, const QString& profileName, const ScrollPlan& plan) {
    QTextStream out(stdout);
    ClientUnderTest client(app, profileName);
    client.start();
    auto* window = client.window();
    if (!window) {
        QTextStream(stderr) << "scroll: no main window (is the profile's session stored?)\n";
        return 1;
    }
    window->resize(plan.windowSize);
    settle(300);
    QElapsedTimer open;
    open.start();
    window->openChat(plan.chatId);
    QCoreApplication::processEvents();
    const double openMs = msSince(open);
    settle(300);

    auto* view = window->conversation();
    QListView* list = view->list();
    auto* model = view->model();
    if (!model || model->rowCount() == 0) {
        QTextStream(stderr) << "scroll: the chat opened empty\n";
        return 1;
    }
    out << "window " << window->width() << "x" << window->height() << ", message list viewport "
        << list->viewport()->width() << "x" << list->viewport()->height() << ", step "
        << plan.stepPx << " px per frame\n";
    out << "open chat (first page, to the event loop's return): " << QString::number(openMs, 'f', 1)
        << " ms\n";

    Frames up;
    Frames down;
    const bool reachedTop = scrollUp(list, model, plan, up);
    const int rowsLoaded = model->rowCount();
    const int contentPx = list->verticalScrollBar()->maximum() + list->viewport()->height();
    const bool reachedBottom = scrollDown(list, plan.stepPx, down);
    if (!reachedTop || !reachedBottom) {
        QTextStream(stderr) << "scroll: the list never reached its end\n";
        return 1;
    }
    out << "rows loaded " << rowsLoaded
        << (model->hasOlder() ? QStringLiteral(" (stopped by --max-rows)")
                              : QStringLiteral(" (the whole chat)"))
        << ", content height " << contentPx << " px\n";
    print(out, QStringLiteral("up (latest to oldest, paging in)"), up);
    print(out, QStringLiteral("down (oldest to latest)"), down);
    Frames all;
    for (const Frames* part : {&up, &down}) {
        all.paint.append(part->paint);
        all.paintCpu.append(part->paintCpu);
        all.step.append(part->step);
    }
    print(out, QStringLiteral("both ways"), all);
    // A relayout sizes known rows from their kept heights: about one layout per row and a few
    // screens more, unless something made the delegate forget them.
    out << "text layouts built: " << view->delegate()->layoutsBuilt() << " for " << rowsLoaded
        << " rows; rows without their texts at the end: " << model->messages().droppedRows()
        << "\n";
    out << "resident memory after scrolling: " << describeMemory() << "\n";
    // Where it goes: the same after the allocator returns its free pages, then with the chat
    // closed (its model, the delegate's layouts and heights freed).
    if (trimHeap()) {
        out << "  after malloc_trim: " << describeMemory() << "\n";
        view->setChat(0);
        QCoreApplication::processEvents();
        trimHeap();
        out << "  chat closed, then malloc_trim: " << describeMemory() << "\n";
    }
    return 0;
}

}  // namespace bench
