// What members tell each other without touching the log: read markers and typing.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>

#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/store/writer.h"

namespace server::domain {

// Thread-safe; nothing here blocks a thread on the commit. Read markers are not events.
class ChatSignals {
public:
    using Done = std::function<void(std::exception_ptr)>;

    ChatSignals(store::Writer& writer, ChatDirectory& directory, Broadcaster& broadcaster)
        : m_writer(writer), m_directory(directory), m_broadcaster(broadcaster) {}

    // Moves the user's read marker forward to `seq`, clamped to the chat's last seq (a marker
    // never moves back; a seq past the end reads everything). Once committed, a moved marker is
    // relayed as the `read` op to the user's other sockets (not `fromSocket`) and, in a direct
    // chat, to the peer; then `done` runs on the writer's thread (it must not block). Throws
    // ApiError for a seq below 0 and for a chat the user is not in (404).
    void read(std::int64_t userId, std::int64_t chatId, std::int64_t seq, SocketId fromSocket,
              Done done);
    // The same, waiting for the commit. For worker threads only.
    void readAndWait(std::int64_t userId, std::int64_t chatId, std::int64_t seq);

    // {"op":"typing"} to the other members. 404 for a chat the user is not in, 403 when the
    // chat is read-only.
    void typing(std::int64_t userId, std::int64_t chatId);

private:
    store::Writer& m_writer;
    ChatDirectory& m_directory;
    Broadcaster& m_broadcaster;
};

}  // namespace server::domain
