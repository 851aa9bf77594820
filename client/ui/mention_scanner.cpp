#include "client/ui/mention_scanner.h"

namespace client::ui::mention {

namespace {

constexpr int kMaxUsername = 32;

bool startsMention(const QString& text, int at) {
    return text.at(at) == QLatin1Char('@') &&
           (at == 0 || text.at(at - 1).isSpace() || text.at(at - 1) == QLatin1Char('('));
}

}  // namespace

bool isUsernameChar(QChar c) {
    return (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
           (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
           (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('_') ||
           c == QLatin1Char('.');
}

QVector<Span> find(const QString& text, const QSet<QString>& usernames, const QString& myUsername) {
    QVector<Span> spans;
    if (usernames.isEmpty() && myUsername.isEmpty()) {
        return spans;
    }
    const QString me = myUsername.toLower();
    for (int i = text.indexOf(QLatin1Char('@')); i >= 0;
         i = text.indexOf(QLatin1Char('@'), i + 1)) {
        if (!startsMention(text, i)) {
            continue;
        }
        int end = i + 1;
        while (end < text.size() && isUsernameChar(text.at(end)) && end - i <= kMaxUsername) {
            ++end;
        }
        // A sentence may end right after the name: "thanks @ana." names ana.
        while (end > i + 1 && text.at(end - 1) == QLatin1Char('.')) {
            --end;
        }
        const QString name = text.mid(i + 1, end - i - 1).toLower();
        if (name.isEmpty()) {
            continue;
        }
        const bool isMe = !me.isEmpty() && name == me;
        if (isMe || usernames.contains(name)) {
            spans.push_back(Span{i, end - i, isMe});
            i = end - 1;
        }
    }
    return spans;
}

std::optional<Query> typedAt(const QString& text, int cursor) {
    cursor = qBound(0, cursor, static_cast<int>(text.size()));
    int at = cursor;
    while (at > 0 && isUsernameChar(text.at(at - 1)) && cursor - at <= kMaxUsername) {
        --at;
    }
    if (at == 0 || !startsMention(text, at - 1)) {
        return std::nullopt;
    }
    return Query{at - 1, text.mid(at, cursor - at)};
}

}  // namespace client::ui::mention
