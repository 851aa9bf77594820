// Finds `@username` mentions in message text and the mention being typed at a cursor: the one
// place that knows what a mention looks like (PROTOCOL.md: `@username` in a group message).
#pragma once

#include <QSet>
#include <QString>
#include <QVector>
#include <optional>

namespace client::ui::mention {

struct Span {
    int start = 0;   // index of the '@'
    int length = 0;  // '@' plus the username
    bool me = false;
    bool operator==(const Span&) const = default;
};

// The `@word` being typed: `start` is the '@', `query` what follows it up to the cursor.
struct Query {
    int start = 0;
    QString query;
};

// Whether `c` may appear in a username (ASCII letters, digits, '_' and '.').
bool isUsernameChar(QChar c);

// Every `@name` in `text` whose name (case ignored) is one of `usernames` (lowercase), each
// marked `me` when it names `myUsername`. An '@' inside a word (an e-mail address) is not one.
QVector<Span> find(const QString& text, const QSet<QString>& usernames, const QString& myUsername);

// The mention under construction when the text before `cursor` ends in `@` plus username
// characters, the '@' starting the text or following white space.
std::optional<Query> typedAt(const QString& text, int cursor);

}  // namespace client::ui::mention
