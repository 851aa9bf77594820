#include "client/ui/time_format.h"

#include <QCoreApplication>
#include <QLocale>

namespace client::ui::timefmt {

namespace {
QString tr(const char* text) {
    return QCoreApplication::translate("client::ui::timefmt", text);
}
}  // namespace

QString rowTime(const QDateTime& when, const QDateTime& now) {
    if (!when.isValid()) {
        return {};
    }
    const QDate day = when.date();
    const qint64 daysAgo = day.daysTo(now.date());
    const QLocale locale;
    if (daysAgo <= 0) {
        return when.toString(QStringLiteral("HH:mm"));
    }
    if (daysAgo < 7) {
        return locale.dayName(day.dayOfWeek(), QLocale::ShortFormat);
    }
    if (day.year() == now.date().year()) {
        return locale.toString(day, QStringLiteral("d MMM"));
    }
    return day.toString(QStringLiteral("dd.MM.yy"));
}

QString dayLabel(const QDate& day, const QDate& today) {
    const qint64 daysAgo = day.daysTo(today);
    if (daysAgo == 0) {
        return tr("Today");
    }
    if (daysAgo == 1) {
        return tr("Yesterday");
    }
    const QLocale locale;
    if (day.year() == today.year()) {
        return locale.toString(day, QStringLiteral("dddd d MMMM"));
    }
    return locale.toString(day, QStringLiteral("d MMMM yyyy"));
}

QString messageTime(const QDateTime& when) {
    return when.isValid() ? when.toString(QStringLiteral("HH:mm")) : QString();
}

QString lastSeen(const QDateTime& when, const QDateTime& now) {
    if (!when.isValid()) {
        return {};
    }
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60) {
        return tr("last seen just now");
    }
    if (seconds < 3600) {
        return tr("last seen %1 min ago").arg(seconds / 60);
    }
    const qint64 daysAgo = when.date().daysTo(now.date());
    const QString time = when.toString(QStringLiteral("HH:mm"));
    if (daysAgo == 0) {
        return tr("last seen today at %1").arg(time);
    }
    if (daysAgo == 1) {
        return tr("last seen yesterday at %1").arg(time);
    }
    return tr("last seen %1").arg(QLocale().toString(when.date(), QStringLiteral("d MMM")));
}

QDateTime fromMs(qint64 ms) {
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms) : QDateTime();
}

}  // namespace client::ui::timefmt
