#include "client/ui/group_settings_owner.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

GroupSettingsOwner::GroupSettingsOwner(app::Account& account, app::GroupActions& actions,
                                       qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("owner"), tr("Ownership"), parent),
      m_transferTo(new QComboBox(this)),
      m_transfer(new QPushButton(tr("Transfer ownership"), this)),
      m_typedName(new QLineEdit(this)),
      m_delete(new QPushButton(tr("Delete group"), this)) {
    auto* transferLabel = new QLabel(tr("TRANSFER OWNERSHIP"), this);
    style::set(transferLabel, style::Text::Section);
    auto* transferHint = new QLabel(
        tr("The member you pick becomes the owner; you stay in the group as an admin."), this);
    transferHint->setWordWrap(true);
    style::set(transferHint, style::Text::Secondary);
    m_transferTo->setObjectName(QStringLiteral("transferChoice"));
    styleField(m_transferTo);
    m_transferTo->setAccessibleName(tr("New owner"));
    m_transfer->setObjectName(QStringLiteral("transferButton"));
    m_transfer->setCursor(Qt::PointingHandCursor);
    style::set(m_transfer, style::Button::Secondary);
    connect(m_transfer, &QPushButton::clicked, this, &GroupSettingsOwner::askTransfer);
    auto* transferRow = new QHBoxLayout;
    transferRow->addWidget(m_transferTo, 1);
    transferRow->addWidget(m_transfer);

    auto* danger = new QFrame(this);
    danger->setObjectName(QStringLiteral("deleteGroupPanel"));
    style::set(danger, style::Surface::DangerPanel);
    auto* deleteTitle = new QLabel(tr("Delete this group"), danger);
    style::set(deleteTitle, style::Text::Title);
    auto* deleteHint = new QLabel(
        tr("Every message and member goes with it, for everyone. Type the group's name to "
           "confirm."),
        danger);
    deleteHint->setWordWrap(true);
    style::set(deleteHint, style::Text::Secondary);
    m_typedName->setObjectName(QStringLiteral("deleteConfirmEdit"));
    m_typedName->setAccessibleName(tr("Group name, to confirm"));
    m_delete->setObjectName(QStringLiteral("deleteGroupButton"));
    m_delete->setCursor(Qt::PointingHandCursor);
    m_delete->setEnabled(false);
    style::set(m_delete, style::Button::Danger);
    connect(m_typedName, &QLineEdit::textChanged, this, [this](const QString& typed) {
        m_delete->setEnabled(!m_groupName.isEmpty() && typed.trimmed() == m_groupName);
    });
    connect(m_delete, &QPushButton::clicked, this, &GroupSettingsOwner::askDelete);
    auto* dangerLayout = new QVBoxLayout(danger);
    dangerLayout->setContentsMargins(16, 14, 16, 14);
    dangerLayout->setSpacing(8);
    dangerLayout->addWidget(deleteTitle);
    dangerLayout->addWidget(deleteHint);
    auto* deleteRow = new QHBoxLayout;
    deleteRow->addWidget(m_typedName, 1);
    deleteRow->addWidget(m_delete);
    dangerLayout->addLayout(deleteRow);

    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64, const QString& message) {
                if (chat == this->chatId() && (op == app::GroupActions::Op::TransferOwner ||
                                               op == app::GroupActions::Op::Delete)) {
                    setError(message);
                }
            });
    connect(&account.chatCache(), &cache::ChatCache::membersReset, this, [this](qint64 chat) {
        if (chat == this->chatId()) {
            fillMembers();
        }
    });
    connect(&account.chatCache(), &cache::ChatCache::memberChanged, this,
            [this](qint64 chat, qint64) {
                if (chat == this->chatId()) {
                    fillMembers();
                }
            });

    body()->addWidget(transferLabel);
    body()->addWidget(transferHint);
    body()->addLayout(transferRow);
    body()->addSpacing(16);
    body()->addWidget(danger);
    body()->addStretch(1);
    fillMembers();
}

void GroupSettingsOwner::refresh(const cache::GroupRow& group) {
    m_groupName = group.name;
    m_delete->setEnabled(!m_groupName.isEmpty() && m_typedName->text().trimmed() == m_groupName);
    m_typedName->setPlaceholderText(group.name);
}

void GroupSettingsOwner::fillMembers() {
    const qint64 chosen = m_transferTo->currentData().toLongLong();
    m_transferTo->clear();
    for (const cache::MemberRow& member : account().chatCache().members(chatId())) {
        if (member.user.id == account().userId()) {
            continue;
        }
        const QString name =
            member.user.displayName.isEmpty() ? member.user.username : member.user.displayName;
        m_transferTo->addItem(name, member.user.id);
    }
    m_transferTo->setCurrentIndex(qMax(0, m_transferTo->findData(chosen)));
    m_transfer->setEnabled(m_transferTo->count() > 0);
}

void GroupSettingsOwner::askTransfer() {
    const qint64 to = m_transferTo->currentData().toLongLong();
    if (to == 0) {
        return;
    }
    ConfirmOverlay::ask(this, tr("Transfer ownership?"),
                        tr("%1 becomes the owner of %2. You become an admin and cannot undo "
                           "this yourself.")
                            .arg(m_transferTo->currentText(), m_groupName),
                        tr("Transfer"), [this, to] {
                            setError({});
                            actions().transferOwnership(chatId(), to);
                        });
}

void GroupSettingsOwner::askDelete() {
    ConfirmOverlay::ask(this, tr("Delete %1?").arg(m_groupName),
                        tr("The group, its messages and its members are removed for everyone. "
                           "This cannot be undone."),
                        tr("Delete group"), [this] {
                            setError({});
                            actions().deleteGroup(chatId());
                        });
}

}  // namespace client::ui
