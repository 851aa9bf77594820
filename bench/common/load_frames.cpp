#include "bench/common/load_frames.h"

#include <charconv>

namespace bench {

MessageKey parseKey(std::string_view clientId) {
    MessageKey key;
    int* parts[] = {&key.chat, &key.sender, &key.n};
    const char* at = clientId.data();
    const char* end = clientId.data() + clientId.size();
    for (int i = 0; i < 3; ++i) {
        const auto result = std::from_chars(at, end, *parts[i]);
        if (result.ec != std::errc() || (i < 2 && (result.ptr == end || *result.ptr != '.')))
            return MessageKey{};
        at = result.ptr + (i < 2 ? 1 : 0);
    }
    return at == end ? key : MessageKey{};
}

std::string_view stringField(std::string_view frame, std::string_view name) {
    // Sought by the name itself, then checked for its quotes: a search led by the quote every
    // JSON key starts with stops at each of them (this runs for every frame the load reads).
    constexpr std::string_view kColon = R"(":")";
    for (auto at = frame.find(name); at != std::string_view::npos; at = frame.find(name, at + 1)) {
        const auto after = at + name.size();
        if (at == 0 || frame[at - 1] != '"' || frame.substr(after, kColon.size()) != kColon)
            continue;
        const auto begin = after + kColon.size();
        const auto end = frame.find('"', begin);
        return end == std::string_view::npos ? std::string_view{}
                                             : frame.substr(begin, end - begin);
    }
    return {};
}

std::string sendFrame(std::int64_t chatId, MessageKey key, std::string_view text) {
    std::string frame = R"({"op":"send","chat_id":)";
    frame += std::to_string(chatId);
    frame += R"(,"client_id":")";
    frame += std::to_string(key.chat);
    frame += '.';
    frame += std::to_string(key.sender);
    frame += '.';
    frame += std::to_string(key.n);
    frame += R"(","text":")";
    frame += text;
    frame += R"("})";
    return frame;
}

double msSince(Clock::time_point start, Clock::time_point end) {
    return std::chrono::duration<double, std::milli>(end - start).count();
}

}  // namespace bench
