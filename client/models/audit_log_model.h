// One group's audit log as far as it was loaded (GET /chats/{id}/audit, newest first, a page at a
// time with before=), each entry told as a sentence, filtered by action and by member.
#pragma once

#include <QAbstractListModel>
#include <QPair>
#include <QVector>
#include <functional>
#include <vector>

#include "common/wire_types.h"

namespace client::models {

class AuditLogModel : public QAbstractListModel {
    Q_OBJECT
public:
    enum Role {
        EntryIdRole = Qt::UserRole + 1,  // qint64
        ActionRole,                      // QString, e.g. "member.banned"
        ActorIdRole,                     // qint64
        TargetIdRole,                    // qint64, 0 when the action has no target
        TimestampMsRole,                 // qint64 ms since the epoch
        TextRole,                        // QString: "Ana banned Bo: spam"
    };
    // The display name of a user the viewer knows; empty when unknown.
    using NameOf = std::function<QString(qint64 userId)>;

    static constexpr int kPageSize = 50;

    explicit AuditLogModel(NameOf nameOf = {}, QObject* parent = nullptr);

    // Every audit action with its label for a filter ("member.banned", "Bans"), in menu order.
    static QVector<QPair<QString, QString>> actions();

    int rowCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    // Drops every loaded entry (before loading the first page again).
    void clear();
    // Adds a page older than what is loaded; `hasMore` says whether older entries remain.
    void appendPage(const std::vector<protocol::AuditEntry>& page, bool hasMore);
    bool hasMore() const { return m_hasMore; }
    // The id to ask older entries before; 0 when nothing is loaded.
    qint64 oldestId() const;
    int loadedCount() const { return static_cast<int>(m_all.size()); }

    // Only entries of this action (empty: every action) and naming this member as actor or
    // target (0: every member).
    void setActionFilter(const QString& action);
    void setMemberFilter(qint64 userId);
    QString actionFilter() const { return m_action; }
    qint64 memberFilter() const { return m_member; }

    // The sentence for one entry.
    QString describe(const protocol::AuditEntry& entry) const;

private:
    bool accepts(const protocol::AuditEntry& entry) const;
    void refilter();
    QString nameOf(qint64 userId) const;

    NameOf m_nameOf;
    std::vector<protocol::AuditEntry> m_all;  // newest first
    std::vector<size_t> m_shown;              // indexes into m_all
    bool m_hasMore = false;
    QString m_action;
    qint64 m_member = 0;
};

}  // namespace client::models
