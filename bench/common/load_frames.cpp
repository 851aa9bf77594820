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
    // Appended, not `"\"" + std::string(name) + ...`: GCC 12 at -O3 warns falsely (-Wrestrict)
    // there.
    std::string key;
    key.reserve(name.size() + 4);
    key += '"';
    key += name;
    key += R"(":")";
    const auto at = frame.find(key);
    if (at == std::string_view::npos)
        return {};
    const auto begin = at + key.size();
    const auto end = frame.find('"', begin);
    return end == std::string_view::npos ? std::string_view{} : frame.substr(begin, end - begin);
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
