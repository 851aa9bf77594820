// The cold-start child: opens the client on the seeded profile and reports when the chat list
// has first been painted with every chat.
#pragma once

#include <QApplication>
#include <QString>
#include <chrono>

namespace bench {

// Prints "painted_at_ns <steady clock ns>", "since_main_ms <ms>" and "rss_bytes <n>" on stdout
// once the rail's viewport has painted `chats` rows. Returns the process exit code.
int runColdStart(QApplication& app, const QString& profileName, int chats,
                 std::chrono::steady_clock::time_point mainStarted);

}  // namespace bench
