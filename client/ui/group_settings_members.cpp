#include "client/ui/group_settings_members.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/ui/style_hooks.h"
#include "client/ui/theme.h"

namespace client::ui {

namespace {

using Model = models::MemberListModel;
using protocol::Role;

QString roleLabel(Role role) {
    switch (role) {
        case Role::Owner:
            return GroupSettingsMembers::tr("Owner");
        case Role::Admin:
            return GroupSettingsMembers::tr("Admin");
        case Role::Moderator:
            return GroupSettingsMembers::tr("Moderator");
        case Role::Member:
            break;
    }
    return GroupSettingsMembers::tr("Member");
}

// One member: the name (and "you"), the role on the right, the selection as a soft fill.
class MemberRoleDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const Theme theme = Theme::forPalette(QApplication::palette());
        const Theme::Colors& c = theme.colors();
        painter->save();
        painter->setRenderHint(QPainter::Antialiasing);
        const QRect r = option.rect.adjusted(4, 2, -4, -2);
        if (option.state.testFlag(QStyle::State_Selected)) {
            painter->setPen(Qt::NoPen);
            painter->setBrush(c.accentSoft);
            painter->drawRoundedRect(r, theme.radius().md, theme.radius().md);
        }
        const QRect inner = r.adjusted(12, 0, -12, 0);
        const QString role =
            roleLabel(static_cast<Role>(index.data(Model::MemberRoleRole).toInt()));
        QFont small = option.font;
        small.setPixelSize(theme.type().caption);
        const int roleWidth = QFontMetrics(small).horizontalAdvance(role) + 16;
        QString name = index.data(Model::NameRole).toString();
        if (index.data(Model::IsMeRole).toBool()) {
            name += GroupSettingsMembers::tr(" (you)");
        }
        painter->setFont(option.font);
        painter->setPen(c.text);
        painter->drawText(
            inner.adjusted(0, 0, -roleWidth, 0), Qt::AlignLeft | Qt::AlignVCenter,
            option.fontMetrics.elidedText(name, Qt::ElideRight, inner.width() - roleWidth));
        painter->setFont(small);
        painter->setPen(c.textSecondary);
        painter->drawText(inner, Qt::AlignRight | Qt::AlignVCenter, role);
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {option.rect.width(), 40};
    }
};

}  // namespace

GroupSettingsMembers::GroupSettingsMembers(app::Account& account, app::GroupActions& actions,
                                           qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("members"),
                        tr("Members and roles"), parent),
      m_model(account.chatCache(), chatId),
      m_list(new QListView(this)),
      m_selected(new QLabel(this)),
      m_role(new QComboBox(this)),
      m_apply(new QPushButton(tr("Change role"), this)) {
    m_list->setObjectName(QStringLiteral("settingsMemberList"));
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new MemberRoleDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setStyleSheet(QStringLiteral("QListView { background: transparent; border: none; }"));
    connect(m_list->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex& current) {
                m_target = current.data(Model::UserIdRole).toLongLong();
                refreshBar();
            });
    connect(&m_model, &QAbstractItemModel::modelReset, this, &GroupSettingsMembers::refreshBar);
    connect(&m_model, &QAbstractItemModel::rowsInserted, this, &GroupSettingsMembers::refreshBar);

    m_selected->setObjectName(QStringLiteral("roleTargetLabel"));
    style::set(m_selected, style::Text::Secondary);
    m_role->setObjectName(QStringLiteral("roleChoice"));
    m_role->setAccessibleName(tr("New role"));
    styleField(m_role);
    m_apply->setObjectName(QStringLiteral("applyRoleButton"));
    m_apply->setCursor(Qt::PointingHandCursor);
    style::set(m_apply, style::Button::Primary);
    connect(m_apply, &QPushButton::clicked, this, &GroupSettingsMembers::applyRole);
    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64, const QString& message) {
                if (chat == this->chatId() && op == app::GroupActions::Op::SetRole) {
                    setError(message);
                }
            });

    auto* bar = new QHBoxLayout;
    bar->setSpacing(8);
    bar->addWidget(m_selected, 1);
    bar->addWidget(m_role);
    bar->addWidget(m_apply);
    body()->addWidget(m_list, 1);
    body()->addLayout(bar);
    refreshBar();
}

void GroupSettingsMembers::refresh(const cache::GroupRow& group) {
    m_myRole = group.myRole;
    refreshBar();
}

void GroupSettingsMembers::selectMember(qint64 userId) {
    const int row = m_model.rowOfUser(userId);
    if (row >= 0) {
        m_list->setCurrentIndex(m_model.index(row));
    }
}

void GroupSettingsMembers::applyRole() {
    if (m_target == 0 || m_role->currentIndex() < 0) {
        return;
    }
    setError({});
    actions().setRole(chatId(), m_target, static_cast<Role>(m_role->currentData().toInt()));
}

void GroupSettingsMembers::refreshBar() {
    const int row = m_target != 0 ? m_model.rowOfUser(m_target) : -1;
    const cache::MemberRow* member = row >= 0 ? m_model.memberAt(row) : nullptr;
    m_role->clear();
    if (member == nullptr) {
        m_selected->setText(tr("Pick a member to change their role."));
    } else {
        const QString name =
            member->user.displayName.isEmpty() ? member->user.username : member->user.displayName;
        const QString article = member->role == Role::Owner       ? tr("the owner")
                                : member->role == Role::Admin     ? tr("an admin")
                                : member->role == Role::Moderator ? tr("a moderator")
                                                                  : tr("a member");
        m_selected->setText(tr("%1 is %2").arg(name, article));
        for (Role to : {Role::Member, Role::Moderator, Role::Admin}) {
            if (to != member->role && app::GroupActions::maySetRole(m_myRole, member->role, to)) {
                m_role->addItem(roleLabel(to), static_cast<int>(to));
            }
        }
    }
    m_role->setVisible(m_role->count() > 0);
    m_apply->setVisible(m_role->count() > 0);
}

}  // namespace client::ui
