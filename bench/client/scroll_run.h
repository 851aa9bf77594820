// The scrolling child: opens the seeded big chat in the client's window and scrolls it from the
// latest message to the oldest (older pages loading from the cache) and back, one fixed step per
// frame, timing a synchronous repaint of the list's viewport at each step.
#pragma once

#include <QApplication>
#include <QSize>
#include <QString>

namespace bench {

struct ScrollPlan {
    qint64 chatId = 1;
    int stepPx = 120;
    // Scrolling up stops once this many rows are loaded (0: at the chat's first message).
    int maxRows = 0;
    QSize windowSize{1200, 760};
};

// Prints the figures on stdout. Returns the process exit code.
int runScroll(QApplication& app, const QString& profileName, const ScrollPlan& plan);

}  // namespace bench
