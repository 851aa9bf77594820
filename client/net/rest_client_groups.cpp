// The groups, roles and moderation endpoints of RestClient (PROTOCOL.md "Groups, roles and
// moderation"). Their small request bodies are built here, next to the only calls that send them.
#include <boost/json/array.hpp>
#include <boost/json/object.hpp>

#include "client/net/rest_client.h"
#include "common/codec.h"

namespace client::net {
namespace {

QString id(protocol::Id value) {
    return QString::number(value);
}

QByteArray bytes(const boost::json::object& object) {
    const std::string text = protocol::serialize(object);
    return QByteArray(text.data(), static_cast<qsizetype>(text.size()));
}

QString chatPath(protocol::Id chatId, const QString& rest = QString()) {
    return QStringLiteral("/api/v1/chats/%1").arg(id(chatId)) + rest;
}

}  // namespace

void RestClient::createGroup(const QString& name, const QString& description,
                             const std::vector<protocol::Id>& members,
                             Callback<protocol::Chat> done) {
    boost::json::array ids;
    for (protocol::Id member : members) {
        ids.push_back(member);
    }
    boost::json::object body{{"name", toStdString(name)}, {"members", std::move(ids)}};
    if (!description.isEmpty()) {
        body["description"] = toStdString(description);
    }
    call<protocol::Chat>("POST", QStringLiteral("/api/v1/groups"), bytes(body), std::move(done));
}

void RestClient::patchChat(protocol::Id chatId, const ChatPatch& patch,
                           Callback<protocol::Chat> done) {
    boost::json::object body;
    if (patch.name) {
        body["name"] = *patch.name;
    }
    if (patch.description) {
        body["description"] = *patch.description;
    }
    if (patch.settings) {
        body["settings"] =
            boost::json::object{{"slow_mode_s", patch.settings->slowModeS},
                                {"only_admins_post", patch.settings->onlyAdminsPost}};
    }
    call<protocol::Chat>("PATCH", chatPath(chatId), bytes(body), std::move(done));
}

void RestClient::deleteChat(protocol::Id chatId, Callback<NoContent> done) {
    call<NoContent>("DELETE", chatPath(chatId), {}, std::move(done));
}

void RestClient::members(protocol::Id chatId, Callback<std::vector<protocol::Member>> done) {
    call<std::vector<protocol::Member>>("GET", chatPath(chatId, QStringLiteral("/members")), {},
                                        std::move(done));
}

void RestClient::addMember(protocol::Id chatId, protocol::Id userId,
                           Callback<protocol::Member> done) {
    call<protocol::Member>("POST", chatPath(chatId, QStringLiteral("/members")),
                           bytes({{"user_id", userId}}), std::move(done));
}

void RestClient::removeMember(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("DELETE", chatPath(chatId, QStringLiteral("/members/") + id(userId)), {},
                    std::move(done));
}

void RestClient::setRole(protocol::Id chatId, protocol::Id userId, protocol::Role role,
                         Callback<protocol::Member> done) {
    call<protocol::Member>(
        "PUT", chatPath(chatId, QStringLiteral("/members/%1/role").arg(id(userId))),
        bytes({{"role", std::string(protocol::toString(role))}}), std::move(done));
}

void RestClient::transferOwner(protocol::Id chatId, protocol::Id userId,
                               Callback<protocol::Chat> done) {
    call<protocol::Chat>("POST", chatPath(chatId, QStringLiteral("/owner")),
                         bytes({{"user_id", userId}}), std::move(done));
}

void RestClient::ban(protocol::Id chatId, protocol::Id userId, const QString& reason,
                     Callback<NoContent> done) {
    boost::json::object body{{"user_id", userId}};
    if (!reason.trimmed().isEmpty()) {
        body["reason"] = toStdString(reason.trimmed());
    }
    call<NoContent>("POST", chatPath(chatId, QStringLiteral("/bans")), bytes(body),
                    std::move(done));
}

void RestClient::unban(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("DELETE", chatPath(chatId, QStringLiteral("/bans/") + id(userId)), {},
                    std::move(done));
}

void RestClient::bans(protocol::Id chatId, Callback<std::vector<protocol::BanEntry>> done) {
    call<std::vector<protocol::BanEntry>>("GET", chatPath(chatId, QStringLiteral("/bans")), {},
                                          std::move(done));
}

void RestClient::mute(protocol::Id chatId, protocol::Id userId, std::int64_t seconds,
                      Callback<NoContent> done) {
    call<NoContent>("POST", chatPath(chatId, QStringLiteral("/mutes")),
                    bytes({{"user_id", userId}, {"seconds", seconds}}), std::move(done));
}

void RestClient::unmute(protocol::Id chatId, protocol::Id userId, Callback<NoContent> done) {
    call<NoContent>("DELETE", chatPath(chatId, QStringLiteral("/mutes/") + id(userId)), {},
                    std::move(done));
}

void RestClient::audit(protocol::Id chatId, const AuditQuery& query,
                       Callback<std::vector<protocol::AuditEntry>> done) {
    QString path = chatPath(chatId, QStringLiteral("/audit?limit=%1").arg(query.limit));
    if (query.before > 0) {
        path += QStringLiteral("&before=") + id(query.before);
    }
    if (!query.action.empty()) {
        path += QStringLiteral("&action=") + encoded(toQString(query.action));
    }
    if (query.actor > 0) {
        path += QStringLiteral("&actor=") + id(query.actor);
    }
    if (query.target > 0) {
        path += QStringLiteral("&target=") + id(query.target);
    }
    call<std::vector<protocol::AuditEntry>>("GET", path, {}, std::move(done));
}

}  // namespace client::net
