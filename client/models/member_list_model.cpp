#include "client/models/member_list_model.h"

#include <QDateTime>
#include <algorithm>

#include "common/codec.h"

namespace client::models {
namespace {

QString nameOf(const cache::UserRow& user) {
    return user.displayName.isEmpty() ? user.username : user.displayName;
}

int rank(protocol::Role role) {
    return static_cast<int>(role);
}

}  // namespace

MemberListModel::MemberListModel(cache::ChatCache& cache, qint64 chatId, QObject* parent)
    : QAbstractListModel(parent), m_cache(cache), m_chatId(chatId) {
    reload();
    connect(&m_cache, &cache::ChatCache::membersReset, this, &MemberListModel::onMembersReset);
    connect(&m_cache, &cache::ChatCache::memberChanged, this, &MemberListModel::onMemberChanged);
    connect(&m_cache, &cache::ChatCache::userChanged, this, &MemberListModel::onUserChanged);
    connect(&m_cache, &cache::ChatCache::chatRemoved, this,
            [this](qint64 chatId) { onMembersReset(chatId); });
    connect(&m_cache, &cache::ChatCache::reset, this, [this] { onMembersReset(m_chatId); });
}

bool MemberListModel::before(const cache::MemberRow& a, const cache::MemberRow& b) {
    if (a.role != b.role) {
        return rank(a.role) > rank(b.role);
    }
    if (a.user.online != b.user.online) {
        return a.user.online;
    }
    const int byName = QString::compare(nameOf(a.user), nameOf(b.user), Qt::CaseInsensitive);
    if (byName != 0) {
        return byName < 0;
    }
    return a.user.id < b.user.id;
}

void MemberListModel::reload() {
    m_rows = m_cache.members(m_chatId);
    std::sort(m_rows.begin(), m_rows.end(), &MemberListModel::before);
    m_counts.fill(0);
    for (const auto& row : m_rows) {
        ++m_counts[static_cast<size_t>(rank(row.role))];
    }
}

int MemberListModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_rows.size());
}

const cache::MemberRow* MemberListModel::memberAt(int row) const {
    if (row < 0 || row >= rowCount()) {
        return nullptr;
    }
    return &m_rows[static_cast<size_t>(row)];
}

QVariant MemberListModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int row = index.row();
    const cache::MemberRow& member = m_rows[static_cast<size_t>(row)];
    switch (role) {
        case Qt::DisplayRole:
        case NameRole:
            return nameOf(member.user);
        case Qt::AccessibleTextRole:
            return QStringLiteral("%1, %2, %3")
                .arg(nameOf(member.user), sectionName(member.role),
                     member.user.online ? tr("online") : tr("offline"));
        case UserIdRole:
            return member.user.id;
        case UsernameRole:
            return member.user.username;
        case MemberRoleRole:
            return rank(member.role);
        case RoleNameRole:
            return sectionName(member.role);
        case OnlineRole:
            return member.user.online;
        case LastSeenRole:
            return member.user.lastSeen.value_or(0);
        case MutedUntilRole: {
            const qint64 until = member.mutedUntil.value_or(0);
            return until > QDateTime::currentMSecsSinceEpoch() ? until : qint64(0);
        }
        case JoinedRole:
            return member.joinedTs;
        case IsMeRole:
            return member.user.id == m_cache.me();
        case SectionStartRole:
            return row == 0 || m_rows[static_cast<size_t>(row - 1)].role != member.role;
        case SectionCountRole:
            return m_counts[static_cast<size_t>(rank(member.role))];
        default:
            return {};
    }
}

QHash<int, QByteArray> MemberListModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert(UserIdRole, "userId");
    names.insert(NameRole, "name");
    names.insert(UsernameRole, "username");
    names.insert(MemberRoleRole, "memberRole");
    names.insert(RoleNameRole, "roleName");
    names.insert(OnlineRole, "online");
    names.insert(LastSeenRole, "lastSeen");
    names.insert(MutedUntilRole, "mutedUntil");
    names.insert(JoinedRole, "joined");
    names.insert(IsMeRole, "isMe");
    names.insert(SectionStartRole, "sectionStart");
    names.insert(SectionCountRole, "sectionCount");
    return names;
}

int MemberListModel::rowOfUser(qint64 userId) const {
    for (size_t i = 0; i < m_rows.size(); ++i) {
        if (m_rows[i].user.id == userId) {
            return static_cast<int>(i);
        }
    }
    return -1;
}

int MemberListModel::onlineCount() const {
    return static_cast<int>(std::count_if(m_rows.begin(), m_rows.end(),
                                          [](const auto& row) { return row.user.online; }));
}

int MemberListModel::countOf(protocol::Role role) const {
    return m_counts[static_cast<size_t>(rank(role))];
}

QString MemberListModel::sectionName(protocol::Role role) {
    switch (role) {
        case protocol::Role::Owner:
            return tr("Owner");
        case protocol::Role::Admin:
            return tr("Admins");
        case protocol::Role::Moderator:
            return tr("Moderators");
        case protocol::Role::Member:
            break;
    }
    return tr("Members");
}

void MemberListModel::onMembersReset(qint64 chatId) {
    if (chatId != m_chatId) {
        return;
    }
    beginResetModel();
    reload();
    endResetModel();
}

void MemberListModel::removeAt(int row) {
    beginRemoveRows({}, row, row);
    --m_counts[static_cast<size_t>(rank(m_rows[static_cast<size_t>(row)].role))];
    m_rows.erase(m_rows.begin() + row);
    endRemoveRows();
}

void MemberListModel::insertSorted(const cache::MemberRow& member) {
    const auto at =
        std::lower_bound(m_rows.begin(), m_rows.end(), member, &MemberListModel::before);
    const int row = static_cast<int>(at - m_rows.begin());
    beginInsertRows({}, row, row);
    m_rows.insert(m_rows.begin() + row, member);
    ++m_counts[static_cast<size_t>(rank(member.role))];
    endInsertRows();
}

// A row's neighbours may have started or ended a section, and a role's count changed.
void MemberListModel::touchSections() {
    if (!m_rows.empty()) {
        Q_EMIT dataChanged(index(0), index(rowCount() - 1), {SectionStartRole, SectionCountRole});
    }
}

void MemberListModel::onMemberChanged(qint64 chatId, qint64 userId) {
    if (chatId != m_chatId) {
        return;
    }
    const auto fresh = m_cache.member(chatId, userId);
    const int row = rowOfUser(userId);
    if (row >= 0 && fresh) {
        const cache::MemberRow& old = m_rows[static_cast<size_t>(row)];
        const bool stays = old.role == fresh->role && old.user.online == fresh->user.online &&
                           nameOf(old.user) == nameOf(fresh->user);
        if (stays) {
            m_rows[static_cast<size_t>(row)] = *fresh;
            Q_EMIT dataChanged(index(row), index(row));
            return;
        }
    }
    if (row >= 0) {
        removeAt(row);
    }
    if (fresh) {
        insertSorted(*fresh);
    }
    touchSections();
}

void MemberListModel::onUserChanged(qint64 userId) {
    const int row = rowOfUser(userId);
    if (row < 0) {
        return;
    }
    const auto user = m_cache.user(userId);
    const cache::UserRow& held = m_rows[static_cast<size_t>(row)].user;
    // A list just read again already holds the change: nothing to move or repaint.
    if (user && user->online == held.online && user->displayName == held.displayName &&
        user->username == held.username && user->lastSeen == held.lastSeen) {
        return;
    }
    onMemberChanged(m_chatId, userId);
}

}  // namespace client::models
