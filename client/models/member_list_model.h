// The members of one group, live from the cache, grouped by role and sorted by presence then name.
//
// API (CG2's settings panel and mention completion use it):
// - One flat list: owner, then admins, moderators, members (sections by RoleRole, descending rank);
//   within a role, online before offline, then by name (case-insensitive), then user id.
// - Sections are not rows: SectionStartRole is true on the first row of each role and
//   SectionCountRole gives that role's member count, so a delegate paints the header above it.
// - Follows ChatCache::membersReset (reset), memberChanged (one row removed/inserted at its sorted
//   place) and userChanged (name or presence: the row moves if its place changes). Holds only
//   what the cache returns; it never asks the server (GroupActions::refreshMembers does).
#pragma once

#include <QAbstractListModel>
#include <QHash>
#include <array>
#include <vector>

#include "client/cache/chat_cache.h"

namespace client::models {

class MemberListModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        UserIdRole = Qt::UserRole + 1,  // qint64
        NameRole,                       // QString: display name, else username
        UsernameRole,                   // QString
        MemberRoleRole,                 // int: a protocol::Role value (0 member .. 3 owner)
        RoleNameRole,                   // QString: "Owner", "Admins", "Moderators", "Members"
        OnlineRole,                     // bool
        LastSeenRole,                   // qint64 ms since the epoch, 0 when unknown
        MutedUntilRole,                 // qint64 ms since the epoch, 0 when not muted now
        JoinedRole,                     // qint64 ms since the epoch
        IsMeRole,                       // bool: the signed-in user
        SectionStartRole,               // bool: first row of its role
        SectionCountRole,               // int: members of this row's role
    };

    MemberListModel(cache::ChatCache& cache, qint64 chatId, QObject* parent = nullptr);

    qint64 chatId() const { return m_chatId; }
    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // -1 when the user is not a member.
    int rowOfUser(qint64 userId) const;
    const cache::MemberRow* memberAt(int row) const;
    int onlineCount() const;
    // Members of one role.
    int countOf(protocol::Role role) const;
    // The heading of a role's section ("Admins").
    static QString sectionName(protocol::Role role);

private:
    void reload();
    void onMembersReset(qint64 chatId);
    void onMemberChanged(qint64 chatId, qint64 userId);
    void onUserChanged(qint64 userId);
    void removeAt(int row);
    void insertSorted(const cache::MemberRow& member);
    void touchSections();
    static bool before(const cache::MemberRow& a, const cache::MemberRow& b);

    cache::ChatCache& m_cache;
    qint64 m_chatId;
    std::vector<cache::MemberRow> m_rows;
    std::array<int, 4> m_counts{};  // by protocol::Role
};

}  // namespace client::models
