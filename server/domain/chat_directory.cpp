#include "server/domain/chat_directory.h"

#include <algorithm>
#include <mutex>

#include "common/codec.h"
#include "server/store/chat_repository.h"
#include "server/store/friend_repository.h"

namespace server::domain {

std::optional<std::int64_t> activeMute(std::optional<std::int64_t> mutedUntil, std::int64_t nowMs) {
    if (mutedUntil && *mutedUntil > nowMs)
        return mutedUntil;
    return std::nullopt;
}

bool ChatEntry::isMember(std::int64_t userId) const {
    return std::binary_search(members.begin(), members.end(), userId);
}

const MemberInfo* ChatEntry::member(std::int64_t userId) const {
    const auto it = std::lower_bound(members.begin(), members.end(), userId);
    if (it == members.end() || *it != userId)
        return nullptr;
    return &info[static_cast<std::size_t>(it - members.begin())];
}

std::shared_ptr<const ChatEntry> ChatDirectory::find(std::int64_t chatId) {
    {
        std::shared_lock lock(m_mutex);
        if (auto it = m_entries.find(chatId); it != m_entries.end())
            return it->second;
    }
    const auto generation = m_generation.load();
    auto entry = m_database.read([&](store::Connection& c) { return load(c, chatId); });
    if (!entry)
        return nullptr;  // not cached: a chat made later must be found
    std::unique_lock lock(m_mutex);
    if (auto it = m_entries.find(chatId); it != m_entries.end())
        return it->second;  // a reload or publish that finished meanwhile holds newer data
    if (m_generation.load() != generation)
        return entry;  // a change raced this read: do not cache what may be older
    return m_entries.emplace(chatId, std::move(entry)).first->second;
}

std::shared_ptr<const ChatEntry> ChatDirectory::requireMember(std::int64_t chatId,
                                                              std::int64_t userId) {
    auto entry = find(chatId);
    if (!entry || !entry->isMember(userId))
        throw protocol::ApiError(protocol::ErrorCode::NotFound, "chat_id: no such chat");
    return entry;
}

protocol::Role ChatDirectory::requireRole(std::int64_t chatId, std::int64_t userId) {
    return requireMember(chatId, userId)->member(userId)->role;
}

void ChatDirectory::reload(std::int64_t chatId) {
    ++m_generation;
    auto entry = m_database.read([&](store::Connection& c) { return load(c, chatId); });
    std::unique_lock lock(m_mutex);
    ++m_generation;
    if (entry)
        m_entries.insert_or_assign(chatId, std::move(entry));
    else
        m_entries.erase(chatId);
}

void ChatDirectory::publish(std::int64_t chatId, std::shared_ptr<const ChatEntry> entry) {
    std::unique_lock lock(m_mutex);
    ++m_generation;
    if (entry)
        m_entries.insert_or_assign(chatId, std::move(entry));
    else
        m_entries.erase(chatId);
}

std::shared_ptr<const ChatEntry> ChatDirectory::load(store::Connection& connection,
                                                     std::int64_t chatId) {
    store::ChatRepository chats(connection);
    auto row = chats.find(chatId);
    if (!row)
        return nullptr;
    auto entry = std::make_shared<ChatEntry>();
    entry->kind = protocol::chatKindFromString(row->kind).value_or(protocol::ChatKind::Direct);
    entry->settings.slowModeS = static_cast<int>(row->slowModeS);
    entry->settings.onlyAdminsPost = row->onlyAdminsPost;
    auto rows = chats.members(chatId);
    std::sort(rows.begin(), rows.end(),
              [](const auto& a, const auto& b) { return a.userId < b.userId; });
    entry->members.reserve(rows.size());
    entry->info.reserve(rows.size());
    for (const auto& member : rows) {
        entry->members.push_back(member.userId);
        entry->info.push_back(
            MemberInfo{protocol::roleFromString(member.role).value_or(protocol::Role::Member),
                       member.joinedTs, member.mutedUntil});
    }
    entry->postingOpen =
        entry->isGroup() || store::FriendRepository(connection).isFriendshipChat(chatId);
    return entry;
}

}  // namespace server::domain
