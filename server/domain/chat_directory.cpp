#include "server/domain/chat_directory.h"

#include <algorithm>
#include <mutex>

#include "common/codec.h"
#include "server/store/chat_repository.h"
#include "server/store/friend_repository.h"

namespace server::domain {

bool ChatEntry::isMember(std::int64_t userId) const {
    return std::binary_search(members.begin(), members.end(), userId);
}

std::shared_ptr<const ChatEntry> ChatDirectory::find(std::int64_t chatId) {
    {
        std::shared_lock lock(m_mutex);
        if (auto it = m_entries.find(chatId); it != m_entries.end())
            return it->second;
    }
    auto entry = m_database.read([&](store::Connection& c) { return load(c, chatId); });
    if (!entry)
        return nullptr;  // not cached: a chat made later must be found
    std::unique_lock lock(m_mutex);
    // A reload that finished meanwhile holds newer data: keep it.
    return m_entries.emplace(chatId, std::move(entry)).first->second;
}

std::shared_ptr<const ChatEntry> ChatDirectory::requireMember(std::int64_t chatId,
                                                              std::int64_t userId) {
    auto entry = find(chatId);
    if (!entry || !entry->isMember(userId))
        throw protocol::ApiError(protocol::ErrorCode::NotFound, "chat_id: no such chat");
    return entry;
}

void ChatDirectory::reload(std::int64_t chatId) {
    auto entry = m_database.read([&](store::Connection& c) { return load(c, chatId); });
    std::unique_lock lock(m_mutex);
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
    for (const auto& member : chats.members(chatId))
        entry->members.push_back(member.userId);
    std::sort(entry->members.begin(), entry->members.end());
    entry->postingOpen = entry->kind == protocol::ChatKind::Group ||
                         store::FriendRepository(connection).isFriendshipChat(chatId);
    return entry;
}

}  // namespace server::domain
