#include "client/app/group_actions.h"

#include <QDateTime>
#include <QPointer>

#include "client/app/account.h"
#include "client/app/error_text.h"

namespace client::app {

using protocol::Role;

GroupActions::GroupActions(Account& account, QObject* parent)
    : QObject(parent), m_account(account) {}

template <class T>
auto GroupActions::finish(Op op, qint64 chatId, qint64 userId,
                          std::function<void(const T&)> onValue) {
    const QPointer<GroupActions> self(this);
    return [self, op, chatId, userId, onValue = std::move(onValue)](const net::RestResult<T>& r) {
        if (!self) {
            return;
        }
        if (!r.ok()) {
            Q_EMIT self->failed(op, chatId, userId, describe(r.error()));
            return;
        }
        if (onValue) {
            onValue(r.value());
        }
        Q_EMIT self->succeeded(op, chatId, userId);
    };
}

void GroupActions::createGroup(const QString& name, const QString& description,
                               const std::vector<qint64>& memberIds) {
    std::vector<protocol::Id> ids(memberIds.begin(), memberIds.end());
    const QPointer<GroupActions> self(this);
    m_account.rest().createGroup(
        name.trimmed(), description.trimmed(), ids,
        finish<protocol::Chat>(Op::Create, 0, 0, [self](const protocol::Chat& chat) {
            self->m_account.chatCache().upsertChat(chat);
            Q_EMIT self->groupCreated(chat.id);
        }));
}

void GroupActions::refreshMembers(qint64 chatId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().members(chatId, finish<std::vector<protocol::Member>>(
                                         Op::Members, chatId, 0,
                                         [self, chatId](const std::vector<protocol::Member>& list) {
                                             self->m_account.chatCache().setMembers(chatId, list);
                                         }));
}

void GroupActions::updateDetails(qint64 chatId, std::optional<QString> name,
                                 std::optional<QString> description) {
    net::ChatPatch patch;
    if (name) {
        patch.name = name->trimmed().toStdString();
    }
    if (description) {
        patch.description = description->trimmed().toStdString();
    }
    enqueuePatch(chatId, Op::Update, patch);
}

void GroupActions::setSettings(qint64 chatId, int slowModeS, bool onlyAdminsPost) {
    net::ChatPatch patch;
    patch.settings = protocol::ChatSettings{slowModeS, onlyAdminsPost};
    enqueuePatch(chatId, Op::Settings, patch);
}

// Two PATCHes in flight at once may reach the server in either order (they travel on separate
// connections), and the older one would win: each waits for the answer to the one before.
void GroupActions::enqueuePatch(qint64 chatId, Op op, const net::ChatPatch& patch) {
    QList<Patch>& queue = m_patches[chatId];
    queue.append({op, patch});
    if (queue.size() == 1) {
        sendFrontPatch(chatId);
    }
}

void GroupActions::sendFrontPatch(qint64 chatId) {
    const auto found = m_patches.constFind(chatId);
    if (found == m_patches.cend() || found->isEmpty()) {
        return;
    }
    const Patch& front = found->front();
    const QPointer<GroupActions> self(this);
    const Op op = front.op;
    m_account.rest().patchChat(
        chatId, front.patch, [self, op, chatId](const net::RestResult<protocol::Chat>& r) {
            if (!self) {
                return;
            }
            QList<Patch>& queue = self->m_patches[chatId];
            if (!queue.isEmpty()) {
                queue.removeFirst();
            }
            if (queue.isEmpty()) {
                self->m_patches.remove(chatId);
            }
            // The answer goes to the cache, which keeps the newer of it and the events it has.
            self->finish<protocol::Chat>(op, chatId, 0, [self](const protocol::Chat& chat) {
                self->m_account.chatCache().upsertChat(chat);
            })(r);
            if (self) {
                self->sendFrontPatch(chatId);
            }
        });
}

std::optional<protocol::ChatSettings> GroupActions::pendingSettings(qint64 chatId) const {
    const QList<Patch> queue = m_patches.value(chatId);
    for (auto it = queue.crbegin(); it != queue.crend(); ++it) {
        if (it->patch.settings) {
            return it->patch.settings;
        }
    }
    return std::nullopt;
}

std::optional<QString> GroupActions::pendingName(qint64 chatId) const {
    const QList<Patch> queue = m_patches.value(chatId);
    for (auto it = queue.crbegin(); it != queue.crend(); ++it) {
        if (it->patch.name) {
            return QString::fromStdString(*it->patch.name);
        }
    }
    return std::nullopt;
}

std::optional<QString> GroupActions::pendingDescription(qint64 chatId) const {
    const QList<Patch> queue = m_patches.value(chatId);
    for (auto it = queue.crbegin(); it != queue.crend(); ++it) {
        if (it->patch.description) {
            return QString::fromStdString(*it->patch.description);
        }
    }
    return std::nullopt;
}

void GroupActions::deleteGroup(qint64 chatId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().deleteChat(
        chatId, finish<net::NoContent>(Op::Delete, chatId, 0, [self, chatId](const auto&) {
            self->m_account.chatCache().removeChat(chatId);
        }));
}

void GroupActions::addMember(qint64 chatId, qint64 userId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().addMember(
        chatId, userId,
        finish<protocol::Member>(Op::AddMember, chatId, userId,
                                 [self, chatId](const protocol::Member& member) {
                                     self->m_account.chatCache().upsertMember(chatId, member);
                                 }));
}

void GroupActions::leave(qint64 chatId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().removeMember(
        chatId, m_account.userId(),
        finish<net::NoContent>(Op::Leave, chatId, m_account.userId(), [self, chatId](const auto&) {
            self->m_account.chatCache().removeChat(chatId);
        }));
}

void GroupActions::kick(qint64 chatId, qint64 userId) {
    m_account.rest().removeMember(chatId, userId,
                                  finish<net::NoContent>(Op::Kick, chatId, userId, {}));
}

void GroupActions::setRole(qint64 chatId, qint64 userId, protocol::Role role) {
    const QPointer<GroupActions> self(this);
    m_account.rest().setRole(
        chatId, userId, role,
        finish<protocol::Member>(Op::SetRole, chatId, userId,
                                 [self, chatId](const protocol::Member& member) {
                                     self->m_account.chatCache().upsertMember(chatId, member);
                                 }));
}

void GroupActions::transferOwnership(qint64 chatId, qint64 userId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().transferOwner(
        chatId, userId,
        finish<protocol::Chat>(
            Op::TransferOwner, chatId, userId,
            [self](const protocol::Chat& chat) { self->m_account.chatCache().upsertChat(chat); }));
}

void GroupActions::ban(qint64 chatId, qint64 userId, const QString& reason) {
    m_account.rest().ban(chatId, userId, reason,
                         finish<net::NoContent>(Op::Ban, chatId, userId, {}));
}

void GroupActions::unban(qint64 chatId, qint64 userId) {
    m_account.rest().unban(chatId, userId, finish<net::NoContent>(Op::Unban, chatId, userId, {}));
}

void GroupActions::fetchBans(qint64 chatId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().bans(chatId, finish<std::vector<protocol::BanEntry>>(
                                      Op::Bans, chatId, 0,
                                      [self, chatId](const std::vector<protocol::BanEntry>& bans) {
                                          Q_EMIT self->bansLoaded(chatId, bans);
                                      }));
}

void GroupActions::mute(qint64 chatId, qint64 userId, qint64 seconds) {
    const QPointer<GroupActions> self(this);
    // The member.muted event brings the server's exact end; until then this one shows.
    const qint64 until = QDateTime::currentMSecsSinceEpoch() + seconds * 1000;
    m_account.rest().mute(chatId, userId, seconds,
                          finish<net::NoContent>(
                              Op::Mute, chatId, userId, [self, chatId, userId, until](const auto&) {
                                  self->m_account.chatCache().setMemberMutedUntil(chatId, userId,
                                                                                  until);
                              }));
}

void GroupActions::unmute(qint64 chatId, qint64 userId) {
    const QPointer<GroupActions> self(this);
    m_account.rest().unmute(
        chatId, userId,
        finish<net::NoContent>(Op::Unmute, chatId, userId, [self, chatId, userId](const auto&) {
            self->m_account.chatCache().setMemberMutedUntil(chatId, userId, std::nullopt);
        }));
}

void GroupActions::fetchAudit(qint64 chatId, const net::AuditQuery& query) {
    const QPointer<GroupActions> self(this);
    m_account.rest().audit(
        chatId, query,
        finish<std::vector<protocol::AuditEntry>>(
            Op::Audit, chatId, 0,
            [self, chatId, query](const std::vector<protocol::AuditEntry>& entries) {
                Q_EMIT self->auditLoaded(chatId, query, entries);
            }));
}

bool GroupActions::outranks(Role actor, Role target) {
    return static_cast<int>(actor) > static_cast<int>(target);
}

bool GroupActions::mayKick(Role actor, Role target) {
    return actor >= Role::Moderator && outranks(actor, target);
}

bool GroupActions::mayMute(Role actor, Role target) {
    return actor >= Role::Moderator && outranks(actor, target);
}

bool GroupActions::mayBan(Role actor, Role target) {
    return actor >= Role::Admin && outranks(actor, target);
}

bool GroupActions::maySetRole(Role actor, Role target, Role to) {
    if (to == target || to == Role::Owner || actor < Role::Admin) {
        return false;
    }
    if (to == Role::Admin && actor != Role::Owner) {
        return false;
    }
    return outranks(actor, target) && outranks(actor, to);
}

bool GroupActions::mayAddMembers(Role actor) {
    return actor >= Role::Admin;
}

bool GroupActions::mayEditSettings(Role actor) {
    return actor >= Role::Admin;
}

bool GroupActions::mayViewAudit(Role actor) {
    return actor >= Role::Moderator;
}

QString GroupActions::describe(const net::RestError& error) {
    using Kind = net::RestError::Kind;
    switch (error.kind) {
        case Kind::Network:
        case Kind::CertificateUnknown:
        case Kind::CertificateChanged:
            return tr("Can't reach the server: %1").arg(error.message);
        case Kind::BadAnswer:
            return tr("The server gave an answer this app does not understand.");
        case Kind::Http:
            break;
    }
    if (error.status == 429) {
        return error.retryAfterS > 0 ? tr("Too fast. Try again in %1 s.").arg(error.retryAfterS)
                                     : tr("Too fast. Try again in a moment.");
    }
    if (error.status == 404) {
        return tr("This group or member no longer exists.");
    }
    if (error.status >= 500) {
        return tr("The server had a problem (%1). Try again later.").arg(error.status);
    }
    const QString said = splitFieldPrefix(error.message).message;
    if (!said.isEmpty()) {
        return said;
    }
    if (error.status == 403) {
        return tr("You may not do that in this group.");
    }
    return tr("The request was refused (%1).").arg(error.status);
}

}  // namespace client::app
