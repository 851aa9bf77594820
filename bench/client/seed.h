// The synthetic cache the client benchmark starts from: one profile with a stored session, its
// chats and messages written through client::cache::ChatCache (no SQL of its own).
#pragma once

#include <QString>

namespace bench {

struct SeedPlan {
    int chats = 50;
    int bigChatMessages = 100000;  // chat 1, the one scrolled end to end
    int otherChatMessages = 100;   // each of the other chats
    qint64 me = 1;                 // the signed-in user; peers are 2..chats+1
    static constexpr qint64 kBigChat = 1;
};

// Writes the profile's session (an unreachable server, so the account stays offline) and fills
// its cache. Returns an empty string on success, else what failed.
QString seedProfile(const QString& profileName, const SeedPlan& plan);

}  // namespace bench
