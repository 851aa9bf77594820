#include "client/ui/members_pane.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/create_group_dialog.h"
#include "client/ui/member_action_card.h"
#include "client/ui/member_delegate.h"
#include "client/ui/style_hooks.h"

namespace client::ui {
namespace {

using Model = models::MemberListModel;
using app::GroupActions;
using protocol::Role;

constexpr qint64 kHour = 3600;
constexpr qint64 kDay = 24 * kHour;
constexpr int kErrorShownMs = 6000;

// Matches a member by name or username, case-insensitively.
class MemberFilter : public QSortFilterProxyModel {
public:
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setNeedle(const QString& needle) {
        m_needle = needle;
        invalidateFilter();
    }

protected:
    bool filterAcceptsRow(int row, const QModelIndex& parent) const override {
        if (m_needle.isEmpty()) {
            return true;
        }
        const QModelIndex index = sourceModel()->index(row, 0, parent);
        return index.data(Model::NameRole).toString().contains(m_needle, Qt::CaseInsensitive) ||
               index.data(Model::UsernameRole).toString().contains(m_needle, Qt::CaseInsensitive);
    }

private:
    QString m_needle;
};

QString roleWord(Role role) {
    switch (role) {
        case Role::Owner:
            return MembersPane::tr("owner");
        case Role::Admin:
            return MembersPane::tr("admin");
        case Role::Moderator:
            return MembersPane::tr("moderator");
        case Role::Member:
            break;
    }
    return MembersPane::tr("member");
}

}  // namespace

MembersPane::MembersPane(app::Account& account, QWidget* parent)
    : QFrame(parent),
      m_account(account),
      m_actions(account),
      m_proxy(new MemberFilter(this)),
      m_avatar(new AvatarWidget(56, this)),
      m_name(new QLabel(this)),
      m_description(new QLabel(this)),
      m_counts(new QLabel(this)),
      m_settings(new QPushButton(tr("Settings"), this)),
      m_add(new QPushButton(tr("Add members"), this)),
      m_filter(new QLineEdit(this)),
      m_list(new QListView(this)),
      m_error(new QLabel(this)) {
    setObjectName(QStringLiteral("membersPane"));
    m_name->setObjectName(QStringLiteral("groupName"));
    m_name->setTextFormat(Qt::PlainText);
    m_name->setWordWrap(true);
    m_name->setAlignment(Qt::AlignHCenter);
    style::set(m_name, style::Text::Title);
    m_description->setObjectName(QStringLiteral("groupDescription"));
    m_description->setTextFormat(Qt::PlainText);
    m_description->setWordWrap(true);
    m_description->setAlignment(Qt::AlignHCenter);
    style::set(m_description, style::Text::Secondary);
    m_counts->setObjectName(QStringLiteral("groupCounts"));
    m_counts->setAlignment(Qt::AlignHCenter);
    style::set(m_counts, style::Text::Caption);
    m_settings->setObjectName(QStringLiteral("groupSettingsButton"));
    m_settings->setToolTip(tr("Group settings"));
    m_settings->setCursor(Qt::PointingHandCursor);
    style::set(m_settings, style::Button::Secondary);
    connect(m_settings, &QPushButton::clicked, this,
            [this] { Q_EMIT settingsRequested(m_chatId); });
    m_add->setObjectName(QStringLiteral("addMembersButton"));
    m_add->setCursor(Qt::PointingHandCursor);
    style::set(m_add, style::Button::Secondary);
    connect(m_add, &QPushButton::clicked, this,
            [this] { CreateGroupDialog::openAddMembers(this, m_account, m_chatId); });

    m_filter->setObjectName(QStringLiteral("memberFilterEdit"));
    m_filter->setPlaceholderText(tr("Find a member"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Find a member"));
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString& text) {
        static_cast<MemberFilter*>(m_proxy)->setNeedle(text.trimmed());
    });
    m_list->setObjectName(QStringLiteral("memberList"));
    m_list->setModel(m_proxy);
    m_list->setItemDelegate(new MemberDelegate(m_list));
    m_list->setMouseTracking(true);
    // Drawn on the pane's own surface, as the rail's list is.
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->viewport()->setAutoFillBackground(false);
    m_list->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setContextMenuPolicy(Qt::CustomContextMenu);
    m_list->setAccessibleName(tr("Members"));
    connect(m_list, &QWidget::customContextMenuRequested, this, &MembersPane::showMenu);

    m_error->setObjectName(QStringLiteral("memberActionError"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    style::set(m_error, style::Text::Error);
    m_errorTimer.setSingleShot(true);
    m_errorTimer.setInterval(kErrorShownMs);
    connect(&m_errorTimer, &QTimer::timeout, m_error, &QWidget::hide);
    connect(&m_actions, &GroupActions::failed, this,
            [this](GroupActions::Op op, qint64 chatId, qint64, const QString& message) {
                // A member list that could not be refreshed still shows what the cache holds.
                if (chatId == m_chatId && op != GroupActions::Op::Members) {
                    showError(message);
                }
            });

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(12, 20, 12, 8);
    layout->setSpacing(6);
    layout->addWidget(m_avatar, 0, Qt::AlignHCenter);
    layout->addWidget(m_name);
    layout->addWidget(m_description);
    layout->addWidget(m_counts);
    layout->addSpacing(4);
    auto* buttons = new QHBoxLayout;
    buttons->setSpacing(8);
    buttons->addStretch(1);
    buttons->addWidget(m_settings);
    buttons->addWidget(m_add);
    buttons->addStretch(1);
    layout->addLayout(buttons);
    layout->addSpacing(8);
    layout->addWidget(m_filter);
    layout->addWidget(m_error);
    layout->addWidget(m_list, 1);

    auto& cache = m_account.chatCache();
    const auto follow = [this](qint64 chatId) {
        if (chatId == m_chatId) {
            refreshHeader();
        }
    };
    connect(&cache, &cache::ChatCache::chatChanged, this, follow);
    connect(&cache, &cache::ChatCache::membersReset, this, follow);
    connect(&cache, &cache::ChatCache::memberChanged, this,
            [follow](qint64 chatId, qint64) { follow(chatId); });
    connect(&account, &app::Account::presenceChanged, this, [this] {
        if (m_chatId != 0) {
            refreshHeader();
        }
    });
}

MembersPane::~MembersPane() {
    m_proxy->setSourceModel(nullptr);
}

bool MembersPane::setChat(qint64 chatId) {
    const auto group = m_account.chatCache().group(chatId);
    if (!group) {
        return false;
    }
    if (chatId != m_chatId || !m_model) {
        m_proxy->setSourceModel(nullptr);
        m_model = std::make_unique<Model>(m_account.chatCache(), chatId);
        m_proxy->setSourceModel(m_model.get());
        m_chatId = chatId;
        m_filter->clear();
        m_error->hide();
    }
    refreshHeader();
    m_actions.refreshMembers(chatId);
    return true;
}

void MembersPane::refreshHeader() {
    const auto group = m_account.chatCache().group(m_chatId);
    if (!group) {
        return;
    }
    m_name->setText(group->name);
    m_avatar->setIdentity(group->name, AvatarWidget::seedOf(group->name));
    m_description->setText(group->description);
    m_description->setVisible(!group->description.isEmpty());
    QString counts =
        group->memberCount == 1 ? tr("1 member") : tr("%1 members").arg(group->memberCount);
    if (group->onlineCount > 0) {
        counts += QStringLiteral(" · ") + tr("%1 online").arg(group->onlineCount);
    }
    counts += QStringLiteral(" · ") + tr("you are %1").arg(roleWord(group->myRole));
    m_counts->setText(counts);
    m_add->setVisible(GroupActions::mayAddMembers(group->myRole));
}

QMenu* MembersPane::menuFor(qint64 userId) {
    const auto group = m_account.chatCache().group(m_chatId);
    const auto member = m_account.chatCache().member(m_chatId, userId);
    if (!group || !member) {
        return nullptr;
    }
    const Role me = group->myRole;
    const Role target = member->role;
    const QString name =
        member->user.displayName.isEmpty() ? member->user.username : member->user.displayName;
    const qint64 chatId = m_chatId;
    auto* menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("memberMenu"));
    const auto add = [menu](const QString& text, const char* name, auto slot) {
        QAction* action = menu->addAction(text);
        action->setObjectName(QString::fromLatin1(name));
        QObject::connect(action, &QAction::triggered, menu, slot);
        return action;
    };

    if (userId == m_account.userId()) {
        add(tr("Leave group…"), "leaveAction", [this, chatId] {
            ConfirmOverlay::ask(this, tr("Leave this group?"),
                                tr("You will stop receiving its messages. An admin can add you "
                                   "again."),
                                tr("Leave"), [this, chatId] { m_actions.leave(chatId); });
        });
        return menu;
    }

    struct RoleChoice {
        Role to;
        const char* name;
    };
    for (const RoleChoice& choice : {RoleChoice{Role::Admin, "makeAdminAction"},
                                     RoleChoice{Role::Moderator, "makeModeratorAction"},
                                     RoleChoice{Role::Member, "makeMemberAction"}}) {
        if (!GroupActions::maySetRole(me, target, choice.to)) {
            continue;
        }
        const QString text = choice.to > target ? tr("Promote to %1").arg(roleWord(choice.to))
                                                : tr("Demote to %1").arg(roleWord(choice.to));
        add(text, choice.name,
            [this, chatId, userId, to = choice.to] { m_actions.setRole(chatId, userId, to); });
    }

    if (GroupActions::mayMute(me, target)) {
        if (!menu->isEmpty()) {
            menu->addSeparator();
        }
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        if (member->mutedUntil && *member->mutedUntil > now) {
            add(tr("Unmute"), "unmuteAction",
                [this, chatId, userId] { m_actions.unmute(chatId, userId); });
        }
        add(tr("Mute for 1 hour"), "mute1hAction",
            [this, chatId, userId] { m_actions.mute(chatId, userId, kHour); });
        add(tr("Mute for 1 day"), "mute1dAction",
            [this, chatId, userId] { m_actions.mute(chatId, userId, kDay); });
        add(tr("Mute for…"), "muteCustomAction",
            [this, userId, name] { chooseMute(userId, name); });
    }

    const bool kick = GroupActions::mayKick(me, target);
    const bool ban = GroupActions::mayBan(me, target);
    if ((kick || ban) && !menu->isEmpty()) {
        menu->addSeparator();
    }
    if (kick) {
        add(tr("Remove from group…"), "kickAction",
            [this, userId, name] { confirmKick(userId, name); });
    }
    if (ban) {
        add(tr("Ban…"), "banAction", [this, userId, name] { confirmBan(userId, name); });
    }
    return menu;
}

void MembersPane::showMenu(const QPoint& pos) {
    const QModelIndex index = m_list->indexAt(pos);
    if (!index.isValid()) {
        return;
    }
    QMenu* menu = menuFor(index.data(Model::UserIdRole).toLongLong());
    if (!menu) {
        return;
    }
    menu->setAttribute(Qt::WA_DeleteOnClose);
    if (menu->isEmpty()) {
        delete menu;
        return;
    }
    menu->popup(m_list->viewport()->mapToGlobal(pos));
}

void MembersPane::confirmKick(qint64 userId, const QString& name) {
    const qint64 chatId = m_chatId;
    ConfirmOverlay::ask(this, tr("Remove %1?").arg(name),
                        tr("%1 leaves the group and stops seeing its messages, and can be "
                           "added again later.")
                            .arg(name),
                        tr("Remove"), [this, chatId, userId] { m_actions.kick(chatId, userId); });
}

void MembersPane::confirmBan(qint64 userId, const QString& name) {
    const qint64 chatId = m_chatId;
    MemberActionCard::askReason(
        this, tr("Ban %1?").arg(name),
        tr("%1 is removed and cannot be added again until unbanned.").arg(name), tr("Ban"),
        [this, chatId, userId](const QString& reason) { m_actions.ban(chatId, userId, reason); });
}

void MembersPane::chooseMute(qint64 userId, const QString& name) {
    const qint64 chatId = m_chatId;
    MemberActionCard::askDuration(
        this, tr("Mute %1").arg(name), tr("%1 can read but not post until then.").arg(name),
        tr("Mute"),
        [this, chatId, userId](qint64 seconds) { m_actions.mute(chatId, userId, seconds); });
}

void MembersPane::showError(const QString& message) {
    m_error->setText(message);
    m_error->show();
    m_errorTimer.start();
}

}  // namespace client::ui
