// The one path of a new message, REST and WebSocket alike: checks, group commit, ack, relay.
#pragma once

#include <cstdint>
#include <exception>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "common/wire_types.h"
#include "server/domain/broadcaster.h"
#include "server/domain/chat_directory.h"
#include "server/domain/clock.h"
#include "server/domain/rate_limiter.h"
#include "server/store/writer.h"

namespace server::domain {

struct SendInput {
    std::int64_t chatId = 0;
    std::string clientId;
    std::optional<std::string> text;
    std::vector<std::string> media;  // media ids
    std::optional<std::int64_t> replyTo;
};

struct SendOutcome {
    std::exception_ptr error;  // a protocol::ApiError for bad input; null on success
    protocol::Message message;
    bool created = false;  // false: the same client_id was sent before; `message` is the first
    // `message` serialised as protocol::toJson writes it (set on success): written once for the
    // event, so that the ack can splice it instead of encoding the message again.
    std::string messageJson;
};

// Thread-safe. The send never blocks a thread on the commit: the write is queued on the
// writer, and once committed the message.created event (serialised once) goes to every socket
// of every member, the sender's own included, and then `done` runs. Posting moves the
// sender's read marker to the new message.
class MessageSender {
public:
    using Done = std::function<void(SendOutcome)>;

    // `messageStored` (may be empty) is called once per new message, after the commit.
    MessageSender(store::Writer& writer, ChatDirectory& directory, Broadcaster& broadcaster,
                  const Clock& clock, double sendsBurst, double sendsPerSecond,
                  std::function<void()> messageStored = {});

    // Throws protocol::ApiError for what needs no storage to refuse (rate limit, validation,
    // membership, a read-only chat); otherwise calls `done` exactly once, on the writer's
    // thread: it must not block.
    void send(std::int64_t userId, SendInput input, Done done);
    // Waits for the commit; returns the outcome or throws its error. For worker threads only.
    SendOutcome sendAndWait(std::int64_t userId, SendInput input);

private:
    store::Writer& m_writer;
    ChatDirectory& m_directory;
    Broadcaster& m_broadcaster;
    const Clock& m_clock;
    RateLimiter m_sends;
    std::function<void()> m_messageStored;
};

}  // namespace server::domain
