#include "client/ui/group_settings_bans.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/ui/avatar_widget.h"
#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

GroupSettingsBans::GroupSettingsBans(app::Account& account, app::GroupActions& actions,
                                     qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("bans"), tr("Bans"), parent),
      m_model([this](qint64 id) { return nameOf(id); }),
      m_rows(new QWidget),
      m_rowsLayout(new QVBoxLayout(m_rows)),
      m_empty(new QLabel(tr("Nobody is banned from this group."), this)) {
    m_empty->setObjectName(QStringLiteral("bansEmpty"));
    style::set(m_empty, style::Text::Secondary);
    m_rowsLayout->setContentsMargins(0, 0, 0, 0);
    m_rowsLayout->setSpacing(6);
    m_rowsLayout->addStretch(1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setWidget(m_rows);
    m_rows->setAutoFillBackground(false);
    body()->addWidget(m_empty);
    body()->addWidget(scroll, 1);

    connect(&m_model, &QAbstractItemModel::modelReset, this, &GroupSettingsBans::rebuildRows);
    connect(&m_model, &QAbstractItemModel::rowsRemoved, this, &GroupSettingsBans::rebuildRows);
    connect(&actions, &app::GroupActions::bansLoaded, this,
            [this](qint64 chat, const std::vector<protocol::BanEntry>& bans) {
                if (chat == this->chatId()) {
                    m_model.setBans(bans);
                }
            });
    connect(&actions, &app::GroupActions::succeeded, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64 userId) {
                if (chat != this->chatId()) {
                    return;
                }
                if (op == app::GroupActions::Op::Unban) {
                    m_model.remove(userId);
                    setError({});
                } else if (op == app::GroupActions::Op::Ban) {
                    reload();
                }
            });
    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64 userId, const QString& message) {
                if (chat != this->chatId() ||
                    (op != app::GroupActions::Op::Unban && op != app::GroupActions::Op::Bans)) {
                    return;
                }
                setError(message);
                if (QPushButton* button = unbanButton(userId)) {
                    button->setEnabled(true);
                }
            });
}

void GroupSettingsBans::refresh(const cache::GroupRow&) {}

void GroupSettingsBans::reload() {
    actions().fetchBans(chatId());
}

QPushButton* GroupSettingsBans::unbanButton(qint64 userId) const {
    return m_rows->findChild<QPushButton*>(QStringLiteral("unbanButton_%1").arg(userId));
}

void GroupSettingsBans::rebuildRows() {
    while (m_rowsLayout->count() > 1) {
        QLayoutItem* item = m_rowsLayout->takeAt(0);
        delete item->widget();
        delete item;
    }
    m_empty->setVisible(m_model.rowCount() == 0);
    for (int r = 0; r < m_model.rowCount(); ++r) {
        const QModelIndex index = m_model.index(r);
        const qint64 userId = index.data(models::BanListModel::UserIdRole).toLongLong();
        const QString name = index.data(models::BanListModel::DisplayNameRole).toString();
        auto* row = new QFrame(m_rows);
        row->setObjectName(QStringLiteral("banRow"));
        style::set(row, style::Surface::Card);
        auto* avatar = new AvatarWidget(36, row);
        avatar->setIdentity(name, userId);
        auto* title = new QLabel(name, row);
        style::set(title, style::Text::Title);
        const QString when = timefmt::rowTime(
            timefmt::fromMs(index.data(models::BanListModel::TimestampMsRole).toLongLong()));
        auto* meta =
            new QLabel(tr("@%1 · banned by %2 · %3")
                           .arg(index.data(models::BanListModel::UsernameRole).toString(),
                                index.data(models::BanListModel::ActorNameRole).toString(), when),
                       row);
        style::set(meta, style::Text::Caption);
        const QString reason = index.data(models::BanListModel::ReasonRole).toString();
        auto* why = new QLabel(reason.isEmpty() ? tr("No reason given") : reason, row);
        why->setWordWrap(true);
        why->setTextFormat(Qt::PlainText);
        style::set(why, style::Text::Secondary);
        auto* unban = new QPushButton(tr("Unban"), row);
        unban->setObjectName(QStringLiteral("unbanButton_%1").arg(userId));
        unban->setCursor(Qt::PointingHandCursor);
        style::set(unban, style::Button::Secondary);
        connect(unban, &QPushButton::clicked, this, [this, unban, userId] {
            unban->setEnabled(false);
            setError({});
            actions().unban(chatId(), userId);
        });
        auto* text = new QVBoxLayout;
        text->setSpacing(2);
        text->addWidget(title);
        text->addWidget(meta);
        text->addWidget(why);
        auto* layout = new QHBoxLayout(row);
        layout->setContentsMargins(14, 10, 14, 10);
        layout->setSpacing(12);
        layout->addWidget(avatar, 0, Qt::AlignTop);
        layout->addLayout(text, 1);
        layout->addWidget(unban, 0, Qt::AlignVCenter);
        m_rowsLayout->insertWidget(m_rowsLayout->count() - 1, row);
    }
}

}  // namespace client::ui
