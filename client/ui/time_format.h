// How times read in the UI: a chat row's time, a day separator, a message time, "last seen".
#pragma once

#include <QDateTime>
#include <QString>

namespace client::ui::timefmt {

// Today: "14:05"; within the last 6 days: the weekday ("Tue"); this year: "12 Mar"; else
// "12.03.21".
QString rowTime(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTime());
// "Today", "Yesterday", "Monday 12 March" this year, else "12 March 2021".
QString dayLabel(const QDate& day, const QDate& today = QDate::currentDate());
// "14:05".
QString messageTime(const QDateTime& when);
// "last seen just now", "last seen 5 min ago", "last seen today at 14:05", "last seen yesterday at
// 9:12", "last seen 12 Mar"; empty when unknown.
QString lastSeen(const QDateTime& when, const QDateTime& now = QDateTime::currentDateTime());
// Milliseconds since the epoch (the wire's time) to local time; invalid for 0.
QDateTime fromMs(qint64 ms);

}  // namespace client::ui::timefmt
