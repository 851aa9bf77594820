// The objects of the wire protocol (PROTOCOL.md "Objects"), as plain values both sides share.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace protocol {

using Id = std::int64_t;         // positive, below 2^53
using Timestamp = std::int64_t;  // milliseconds since the Unix epoch, UTC
using MediaId = std::string;     // lowercase hex SHA-256 of the bytes

enum class Presence { Offline, Online };
enum class ChatKind { Direct, Group };
enum class Role { Member, Moderator, Admin, Owner };  // ascending rank

struct User {
    Id id = 0;
    std::string username;
    std::string displayName;
    std::optional<MediaId> avatar;
    Presence status = Presence::Offline;
    std::optional<Timestamp> lastSeen;
    bool operator==(const User&) const = default;
};

struct Media {
    MediaId id;
    std::string mime;
    std::int64_t size = 0;
    int width = 0;
    int height = 0;
    std::optional<MediaId> thumbnail;
    bool operator==(const Media&) const = default;
};

struct Message {
    Id id = 0;
    Id chatId = 0;
    std::int64_t seq = 0;
    Id sender = 0;
    Timestamp ts = 0;
    std::string clientId;
    std::string text;
    std::optional<Id> replyTo;
    std::vector<Media> media;
    std::optional<Timestamp> editedTs;
    bool deleted = false;
    std::map<std::string, std::vector<Id>> reactions;  // emoji -> user ids
    bool operator==(const Message&) const = default;
};

struct ChatSettings {
    int slowModeS = 0;
    bool onlyAdminsPost = false;
    bool operator==(const ChatSettings&) const = default;
};

struct Chat {
    Id id = 0;
    ChatKind kind = ChatKind::Direct;
    std::string name;
    std::string description;
    std::optional<MediaId> avatar;
    Timestamp createdTs = 0;
    std::int64_t lastSeq = 0;
    std::int64_t readSeq = 0;
    std::int64_t unread = 0;
    Role myRole = Role::Member;
    std::int64_t memberCount = 0;
    std::optional<User> peer;                 // direct chats only
    std::optional<std::int64_t> peerReadSeq;  // direct chats only
    std::optional<Timestamp> notificationsMutedUntil;
    ChatSettings settings;
    std::optional<Message> lastMessage;
    bool operator==(const Chat&) const = default;
};

// An entry of a chat's event log; `data` stays JSON text-free: the codec owns its shape.
struct Event {
    Id chatId = 0;
    std::int64_t seq = 0;
    Timestamp ts = 0;
    std::string type;  // "message.created", "member.added", ... (see codec.h eventType)
    Id actor = 0;
    std::string dataJson;  // serialised `data` object, produced and parsed by the codec
    bool operator==(const Event&) const = default;
};

struct Notification {
    Id id = 0;
    Timestamp ts = 0;
    std::string type;
    std::optional<Id> actor;
    std::optional<Id> chatId;
    std::optional<Id> messageId;
    bool read = false;
    std::string text;
    bool operator==(const Notification&) const = default;
};

struct FriendRequest {
    Id id = 0;
    User from;
    User to;
    Timestamp ts = 0;
    bool operator==(const FriendRequest&) const = default;
};

struct Member {
    User user;
    Role role = Role::Member;
    Timestamp joinedTs = 0;
    std::optional<Timestamp> mutedUntil;
    bool operator==(const Member&) const = default;
};

// An entry of GET /chats/{id}/bans.
struct BanEntry {
    User user;
    Id actor = 0;
    std::string reason;
    Timestamp ts = 0;
    bool operator==(const BanEntry&) const = default;
};

// An entry of GET /chats/{id}/audit; `detailsJson` is the serialised `details` object.
struct AuditEntry {
    Id id = 0;
    Timestamp ts = 0;
    Id actor = 0;
    std::string action;  // "member.kicked", ... (see codec.h auditAction)
    std::optional<Id> target;
    std::string detailsJson = "{}";
    bool operator==(const AuditEntry&) const = default;
};

// Request and answer bodies of "Accounts and sessions".
struct RegisterRequest {
    std::string username;
    std::string password;
    std::optional<std::string> displayName;
    bool operator==(const RegisterRequest&) const = default;
};
struct LoginRequest {
    std::string username;
    std::string password;
    std::optional<std::string> device;
    bool operator==(const LoginRequest&) const = default;
};
struct AuthResponse {
    std::string token;
    User user;
    bool operator==(const AuthResponse&) const = default;
};
struct MeResponse {
    User user;
    std::int64_t unreadNotifications = 0;
    bool operator==(const MeResponse&) const = default;
};
// PATCH semantics: absent = unchanged; for avatar, present-and-null clears it.
struct PatchMeRequest {
    std::optional<std::string> displayName;
    bool avatarPresent = false;
    std::optional<MediaId> avatar;
    bool operator==(const PatchMeRequest&) const = default;
};
struct PasswordChangeRequest {
    std::string oldPassword;
    std::string newPassword;
    bool operator==(const PasswordChangeRequest&) const = default;
};

}  // namespace protocol
