#include "client/models/audit_log_model.h"

#include <QJsonDocument>
#include <QJsonObject>

#include "client/net/convert.h"

namespace client::models {

namespace {

QString roleName(const QString& role) {
    if (role == QLatin1String("owner")) {
        return AuditLogModel::tr("the owner");
    }
    if (role == QLatin1String("admin")) {
        return AuditLogModel::tr("an admin");
    }
    if (role == QLatin1String("moderator")) {
        return AuditLogModel::tr("a moderator");
    }
    return AuditLogModel::tr("a member");
}

QString lengthOf(qint64 seconds) {
    if (seconds % 86400 == 0) {
        const qint64 n = seconds / 86400;
        return n == 1 ? AuditLogModel::tr("1 day") : AuditLogModel::tr("%1 days").arg(n);
    }
    if (seconds % 3600 == 0) {
        const qint64 n = seconds / 3600;
        return n == 1 ? AuditLogModel::tr("1 hour") : AuditLogModel::tr("%1 hours").arg(n);
    }
    const qint64 n = qMax<qint64>(1, (seconds + 30) / 60);
    return n == 1 ? AuditLogModel::tr("1 minute") : AuditLogModel::tr("%1 minutes").arg(n);
}

}  // namespace

AuditLogModel::AuditLogModel(NameOf nameOf, QObject* parent)
    : QAbstractListModel(parent), m_nameOf(std::move(nameOf)) {}

QVector<QPair<QString, QString>> AuditLogModel::actions() {
    return {
        {QStringLiteral("member.added"), tr("Members added")},
        {QStringLiteral("member.kicked"), tr("Members removed")},
        {QStringLiteral("member.banned"), tr("Bans")},
        {QStringLiteral("member.unbanned"), tr("Unbans")},
        {QStringLiteral("member.role"), tr("Role changes")},
        {QStringLiteral("member.muted"), tr("Mutes")},
        {QStringLiteral("member.unmuted"), tr("Unmutes")},
        {QStringLiteral("message.deleted"), tr("Deleted messages")},
        {QStringLiteral("pin.changed"), tr("Pins")},
        {QStringLiteral("chat.updated"), tr("Group changes")},
        {QStringLiteral("owner.transferred"), tr("Ownership transfers")},
    };
}

int AuditLogModel::rowCount(const QModelIndex& parent) const {
    return parent.isValid() ? 0 : static_cast<int>(m_shown.size());
}

QVariant AuditLogModel::data(const QModelIndex& index, int role) const {
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const protocol::AuditEntry& entry = m_all[m_shown[static_cast<size_t>(index.row())]];
    switch (role) {
        case Qt::DisplayRole:
        case TextRole:
            return describe(entry);
        case EntryIdRole:
            return static_cast<qint64>(entry.id);
        case ActionRole:
            return net::toQString(entry.action);
        case ActorIdRole:
            return static_cast<qint64>(entry.actor);
        case TargetIdRole:
            return static_cast<qint64>(entry.target.value_or(0));
        case TimestampMsRole:
            return static_cast<qint64>(entry.ts);
        default:
            return {};
    }
}

QHash<int, QByteArray> AuditLogModel::roleNames() const {
    QHash<int, QByteArray> names = QAbstractListModel::roleNames();
    names.insert({{EntryIdRole, "entryId"},
                  {ActionRole, "action"},
                  {ActorIdRole, "actorId"},
                  {TargetIdRole, "targetId"},
                  {TimestampMsRole, "timestampMs"},
                  {TextRole, "text"}});
    return names;
}

void AuditLogModel::clear() {
    beginResetModel();
    m_all.clear();
    m_shown.clear();
    m_hasMore = false;
    endResetModel();
}

void AuditLogModel::appendPage(const std::vector<protocol::AuditEntry>& page, bool hasMore) {
    m_hasMore = hasMore;
    std::vector<size_t> added;
    for (const protocol::AuditEntry& entry : page) {
        // A page fetched twice (a retry) must not show its entries twice.
        if (!m_all.empty() && entry.id >= m_all.back().id) {
            continue;
        }
        m_all.push_back(entry);
        if (accepts(entry)) {
            added.push_back(m_all.size() - 1);
        }
    }
    if (added.empty()) {
        return;
    }
    const int first = static_cast<int>(m_shown.size());
    beginInsertRows({}, first, first + static_cast<int>(added.size()) - 1);
    m_shown.insert(m_shown.end(), added.begin(), added.end());
    endInsertRows();
}

qint64 AuditLogModel::oldestId() const {
    return m_all.empty() ? 0 : m_all.back().id;
}

void AuditLogModel::setActionFilter(const QString& action) {
    if (action != m_action) {
        m_action = action;
        refilter();
    }
}

void AuditLogModel::setMemberFilter(qint64 userId) {
    if (userId != m_member) {
        m_member = userId;
        refilter();
    }
}

bool AuditLogModel::accepts(const protocol::AuditEntry& entry) const {
    if (!m_action.isEmpty() && net::toQString(entry.action) != m_action) {
        return false;
    }
    return m_member == 0 || entry.actor == m_member || entry.target.value_or(0) == m_member;
}

void AuditLogModel::refilter() {
    beginResetModel();
    m_shown.clear();
    for (size_t i = 0; i < m_all.size(); ++i) {
        if (accepts(m_all[i])) {
            m_shown.push_back(i);
        }
    }
    endResetModel();
}

QString AuditLogModel::nameOf(qint64 userId) const {
    const QString name = m_nameOf ? m_nameOf(userId) : QString();
    return name.isEmpty() ? tr("a former member") : name;
}

QString AuditLogModel::describe(const protocol::AuditEntry& entry) const {
    const QJsonObject details =
        QJsonDocument::fromJson(QByteArray::fromStdString(entry.detailsJson)).object();
    const QString actor = nameOf(entry.actor);
    const QString target = nameOf(entry.target.value_or(0));
    const QString action = net::toQString(entry.action);
    const QString reason = details.value(QStringLiteral("reason")).toString();
    QString text;
    if (action == QLatin1String("member.added")) {
        text = tr("%1 added %2").arg(actor, target);
    } else if (action == QLatin1String("member.kicked")) {
        text = tr("%1 removed %2").arg(actor, target);
    } else if (action == QLatin1String("member.banned")) {
        text = tr("%1 banned %2").arg(actor, target);
    } else if (action == QLatin1String("member.unbanned")) {
        text = tr("%1 unbanned %2").arg(actor, target);
    } else if (action == QLatin1String("member.role")) {
        const QString role = details.value(QStringLiteral("role")).toString();
        text = role.isEmpty() ? tr("%1 changed the role of %2").arg(actor, target)
                              : tr("%1 made %2 %3").arg(actor, target, roleName(role));
    } else if (action == QLatin1String("member.muted")) {
        const qint64 seconds =
            static_cast<qint64>(details.value(QStringLiteral("seconds")).toDouble());
        text = seconds > 0 ? tr("%1 muted %2 for %3").arg(actor, target, lengthOf(seconds))
                           : tr("%1 muted %2").arg(actor, target);
    } else if (action == QLatin1String("member.unmuted")) {
        text = tr("%1 unmuted %2").arg(actor, target);
    } else if (action == QLatin1String("message.deleted")) {
        text = tr("%1 deleted a message by %2").arg(actor, target);
    } else if (action == QLatin1String("pin.changed")) {
        const QJsonValue pinned = details.value(QStringLiteral("pinned"));
        text = pinned.isBool() && !pinned.toBool() ? tr("%1 unpinned a message").arg(actor)
                                                   : tr("%1 pinned a message").arg(actor);
    } else if (action == QLatin1String("chat.updated")) {
        const QString name = details.value(QStringLiteral("name")).toString();
        text = name.isEmpty() ? tr("%1 updated the group").arg(actor)
                              : tr("%1 renamed the group to \u201c%2\u201d").arg(actor, name);
    } else if (action == QLatin1String("owner.transferred")) {
        text = tr("%1 transferred ownership to %2").arg(actor, target);
    } else {
        text = tr("%1: %2").arg(actor, action);
    }
    return reason.isEmpty() ? text : tr("%1 (reason: %2)").arg(text, reason);
}

}  // namespace client::models
