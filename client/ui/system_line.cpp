#include "client/ui/system_line.h"

#include <QCoreApplication>
#include <QJsonValue>

namespace client::ui::systemline {

namespace {

QString tr(const char* text) {
    return QCoreApplication::translate("client::ui::SystemLine", text);
}

// No translation catalogue is loaded, so plurals are spelled out here.
QString count(int n, const char* one, const char* many) {
    return n == 1 ? tr(one) : tr(many).arg(n);
}

qint64 idOf(const QJsonValue& value) {
    return static_cast<qint64>(value.toDouble());
}

class Namer {
public:
    Namer(qint64 me, const NameOf& nameOf) : m_me(me), m_nameOf(nameOf) {}

    // The subject of the sentence: "You" for the viewer.
    QString subject(qint64 id, const QString& fallback = {}) const {
        return id == m_me ? tr("You") : name(id, fallback);
    }
    // The object of the sentence: "you" for the viewer.
    QString object(qint64 id, const QString& fallback = {}) const {
        return id == m_me ? tr("you") : name(id, fallback);
    }

private:
    QString name(qint64 id, const QString& fallback) const {
        QString known = m_nameOf ? m_nameOf(id) : QString();
        if (known.isEmpty()) {
            known = fallback;
        }
        return known.isEmpty() ? tr("Someone") : known;
    }

    qint64 m_me;
    const NameOf& m_nameOf;
};

QString roleSentence(const Namer& names, qint64 actor, qint64 target, const QString& role) {
    const QString who = names.subject(actor);
    const QString whom = names.object(target);
    if (role == QLatin1String("owner")) {
        return tr("%1 made %2 the owner").arg(who, whom);
    }
    if (role == QLatin1String("admin")) {
        return tr("%1 made %2 an admin").arg(who, whom);
    }
    if (role == QLatin1String("moderator")) {
        return tr("%1 made %2 a moderator").arg(who, whom);
    }
    return tr("%1 made %2 a member").arg(who, whom);
}

QString chatUpdated(const Namer& names, const Event& event) {
    const QString who = names.subject(event.actor);
    const QJsonObject chat = event.data.value(QStringLiteral("chat")).toObject();
    const QString name = chat.value(QStringLiteral("name")).toString();
    if (!event.previousChat) {
        return tr("%1 updated the group").arg(who);
    }
    const QJsonObject& before = *event.previousChat;
    if (before.value(QStringLiteral("name")).toString() != name) {
        return tr("%1 renamed the group to \u201c%2\u201d").arg(who, name);
    }
    if (before.value(QStringLiteral("description")) != chat.value(QStringLiteral("description"))) {
        return tr("%1 changed the group description").arg(who);
    }
    const QJsonObject was = before.value(QStringLiteral("settings")).toObject();
    const QJsonObject now = chat.value(QStringLiteral("settings")).toObject();
    const int slowWas = was.value(QStringLiteral("slow_mode_s")).toInt();
    const int slowNow = now.value(QStringLiteral("slow_mode_s")).toInt();
    if (slowWas != slowNow) {
        return slowNow == 0 ? tr("%1 turned off slow mode").arg(who)
                            : tr("%1 set slow mode to %2")
                                  .arg(who, duration(static_cast<qint64>(slowNow) * 1000));
    }
    const bool adminsWas = was.value(QStringLiteral("only_admins_post")).toBool();
    const bool adminsNow = now.value(QStringLiteral("only_admins_post")).toBool();
    if (adminsWas != adminsNow) {
        return adminsNow ? tr("%1 let only admins post").arg(who)
                         : tr("%1 let everyone post").arg(who);
    }
    return tr("%1 updated the group").arg(who);
}

}  // namespace

bool isSystemEvent(const QString& type) {
    return type == QLatin1String("member.added") || type == QLatin1String("member.removed") ||
           type == QLatin1String("member.unbanned") || type == QLatin1String("member.role") ||
           type == QLatin1String("member.muted") || type == QLatin1String("chat.updated");
}

QString duration(qint64 milliseconds) {
    // Rounded to the minute first: muted_until and the event's time are read a moment apart.
    const qint64 seconds = milliseconds < 60000 ? qMax<qint64>(1, (milliseconds + 500) / 1000)
                                                : (milliseconds + 30000) / 60000 * 60;
    const auto in = [seconds](qint64 unit) {
        return static_cast<int>((seconds + unit / 2) / unit);
    };
    if (seconds < 60) {
        return count(static_cast<int>(seconds), "1 second", "%1 seconds");
    }
    if (seconds < 3600) {
        return count(in(60), "1 minute", "%1 minutes");
    }
    if (seconds < 86400) {
        return seconds % 3600 == 0 || seconds >= 6 * 3600 ? count(in(3600), "1 hour", "%1 hours")
                                                          : count(in(60), "1 minute", "%1 minutes");
    }
    if (seconds % 86400 != 0 && seconds < 2 * 86400) {
        return count(in(3600), "1 hour", "%1 hours");
    }
    if (seconds % (7 * 86400) == 0) {
        return count(in(7 * 86400), "1 week", "%1 weeks");
    }
    return count(in(86400), "1 day", "%1 days");
}

QString text(const Event& event, qint64 me, const NameOf& nameOf) {
    const Namer names(me, nameOf);
    const QJsonObject& data = event.data;
    const qint64 target = idOf(data.value(QStringLiteral("user_id")));
    if (event.type == QLatin1String("member.added")) {
        const QJsonObject user = data.value(QStringLiteral("member"))
                                     .toObject()
                                     .value(QStringLiteral("user"))
                                     .toObject();
        const qint64 added = idOf(user.value(QStringLiteral("id")));
        const QString fallback = user.value(QStringLiteral("display_name")).toString();
        // Only a group's creator adds itself: the first event of every group.
        if (added == event.actor) {
            return tr("%1 created the group").arg(names.subject(added, fallback));
        }
        return tr("%1 added %2").arg(names.subject(event.actor), names.object(added, fallback));
    }
    if (event.type == QLatin1String("member.removed")) {
        const QString reason = data.value(QStringLiteral("reason")).toString();
        if (reason == QLatin1String("kicked")) {
            return tr("%1 removed %2").arg(names.subject(event.actor), names.object(target));
        }
        if (reason == QLatin1String("banned")) {
            return tr("%1 banned %2").arg(names.subject(event.actor), names.object(target));
        }
        return tr("%1 left").arg(names.subject(target));
    }
    if (event.type == QLatin1String("member.unbanned")) {
        return tr("%1 unbanned %2").arg(names.subject(event.actor), names.object(target));
    }
    if (event.type == QLatin1String("member.role")) {
        return roleSentence(names, event.actor, target,
                            data.value(QStringLiteral("role")).toString());
    }
    if (event.type == QLatin1String("member.muted")) {
        const QJsonValue until = data.value(QStringLiteral("muted_until"));
        if (until.isNull() || until.isUndefined()) {
            return tr("%1 unmuted %2").arg(names.subject(event.actor), names.object(target));
        }
        const qint64 length = idOf(until) - event.ts;
        return tr("%1 muted %2 for %3")
            .arg(names.subject(event.actor), names.object(target), duration(length));
    }
    if (event.type == QLatin1String("chat.updated")) {
        return chatUpdated(names, event);
    }
    return {};
}

}  // namespace client::ui::systemline
