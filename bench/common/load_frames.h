// The load programs' message frames: the client_id that names each message, and the send frame.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>
#include <string_view>

namespace bench {

using Clock = std::chrono::steady_clock;

// client_id "<chat>.<sender>.<n>": the chat's index in the run, its sender's index in the chat
// (a pair's side, a group's member) and the sender's count; -1 in every field when it is not
// one of the load's.
struct MessageKey {
    int chat = -1, sender = -1, n = -1;
};

MessageKey parseKey(std::string_view clientId);

// The value of the first string field `name` in a frame; empty when there is none. The load's
// frames are read by this scan, not parsed: the load program's CPU time stays small.
std::string_view stringField(std::string_view frame, std::string_view name);

// {"op":"send"} of `text` to chat `chatId`, named by `key`.
std::string sendFrame(std::int64_t chatId, MessageKey key, std::string_view text);

double msSince(Clock::time_point start, Clock::time_point end);

}  // namespace bench
