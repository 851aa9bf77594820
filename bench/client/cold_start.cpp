#include "bench/client/cold_start.h"

#include <QAbstractItemModel>
#include <QEvent>
#include <QListView>
#include <QTextStream>
#include <QTimer>
#include <functional>

#include "bench/client/client_under_test.h"
#include "bench/client/process_info.h"
#include "client/ui/chat_rail.h"
#include "client/ui/main_window.h"

namespace bench {
namespace {

constexpr int kGiveUpMs = 30'000;

// Calls `painted` once, after the first paint of the watched viewport that shows `rows` rows.
class FirstFullPaint : public QObject {
public:
    FirstFullPaint(const QAbstractItemModel* model, int rows, std::function<void()> painted)
        : m_model(model), m_rows(rows), m_painted(std::move(painted)) {}

protected:
    bool eventFilter(QObject* watched, QEvent* event) override {
        if (event->type() == QEvent::Paint && !m_seen && m_model->rowCount() >= m_rows) {
            m_seen = true;
            // The paint runs after this filter returns; a zero timer fires once it is done.
            QTimer::singleShot(0, this, m_painted);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    const QAbstractItemModel* m_model;
    int m_rows;
    std::function<void()> m_painted;
    bool m_seen = false;
};

}  // namespace

int runColdStart(QApplication& app, const QString& profileName, int chats,
                 std::chrono::steady_clock::time_point mainStarted) {
    ClientUnderTest client(app, profileName);
    client.start();
    auto* window = client.window();
    if (!window) {
        QTextStream(stderr) << "cold start: no main window (is the profile's session stored?)\n";
        return 1;
    }
    QListView* list = window->rail()->chatList();
    int code = 1;
    FirstFullPaint watcher(list->model(), chats, [&] {
        const auto now = std::chrono::steady_clock::now();
        const double sinceMain =
            std::chrono::duration<double, std::milli>(now - mainStarted).count();
        QTextStream out(stdout);
        out << "painted_at_ns "
            << std::chrono::duration_cast<std::chrono::nanoseconds>(now.time_since_epoch()).count()
            << "\nsince_main_ms " << sinceMain << "\nrows " << list->model()->rowCount()
            << "\nrss_bytes " << residentMemoryBytes().value_or(-1) << "\n";
        code = 0;
        QApplication::quit();
    });
    list->viewport()->installEventFilter(&watcher);
    QTimer::singleShot(kGiveUpMs, &app, [] {
        QTextStream(stderr) << "cold start: the chat list never painted its rows\n";
        QApplication::exit(1);
    });
    const int exitCode = QApplication::exec();
    return code == 0 ? 0 : exitCode;
}

}  // namespace bench
