#include "client/ui/group_settings_panel.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/ui/confirm_overlay.h"
#include "client/ui/group_settings_audit.h"
#include "client/ui/group_settings_bans.h"
#include "client/ui/group_settings_members.h"
#include "client/ui/group_settings_moderation.h"
#include "client/ui/group_settings_overview.h"
#include "client/ui/group_settings_owner.h"
#include "client/ui/icon_set.h"
#include "client/ui/style_hooks.h"
#include "client/ui/theme.h"

namespace client::ui {

namespace {

using protocol::Role;
using Op = app::GroupActions::Op;

constexpr int kNavWidth = 232;

}  // namespace

GroupSettingsPanel::GroupSettingsPanel(app::Account& account, qint64 chatId, QWidget* parent)
    : QFrame(parent),
      m_account(account),
      m_chatId(chatId),
      m_actions(new app::GroupActions(account, this)),
      m_title(new QLabel(this)),
      m_sections(new QListWidget(this)),
      m_pages(new QStackedWidget(this)),
      m_leave(new QPushButton(tr("Leave group"), this)),
      m_transfer(new QPushButton(tr("Transfer ownership"), this)),
      m_delete(new QPushButton(tr("Delete group"), this)),
      m_close(new QPushButton(this)),
      m_overview(new GroupSettingsOverview(account, *m_actions, chatId)),
      m_members(new GroupSettingsMembers(account, *m_actions, chatId)),
      m_bans(new GroupSettingsBans(account, *m_actions, chatId)),
      m_moderation(new GroupSettingsModeration(account, *m_actions, chatId)),
      m_audit(new GroupSettingsAudit(account, *m_actions, chatId)),
      m_owner(new GroupSettingsOwner(account, *m_actions, chatId)) {
    setObjectName(QStringLiteral("groupSettingsPanel"));
    style::set(this, style::Surface::Pane);
    setFocusPolicy(Qt::StrongFocus);

    auto* nav = new QFrame(this);
    nav->setObjectName(QStringLiteral("settingsNav"));
    style::set(nav, style::Surface::Rail);
    nav->setFixedWidth(kNavWidth);
    m_title->setObjectName(QStringLiteral("settingsGroupName"));
    m_title->setWordWrap(true);
    style::set(m_title, style::Text::Section);
    m_sections->setObjectName(QStringLiteral("settingsSections"));
    m_sections->setFrameShape(QFrame::NoFrame);
    m_sections->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_sections->setAccessibleName(tr("Settings sections"));
    const Theme::Colors c = Theme::forPalette(QApplication::palette()).colors();
    m_sections->setStyleSheet(
        QStringLiteral("QListWidget { background: transparent; border: none; outline: none; }"
                       "QListWidget::item { padding: 8px 10px; border-radius: 6px; color: %1; }"
                       "QListWidget::item:hover { background: %2; }"
                       "QListWidget::item:selected { background: %3; color: %4; }")
            .arg(c.textSecondary.name(), c.hover.name(), c.pressed.name(), c.text.name()));
    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) {
        for (auto it = m_rowOf.cbegin(); it != m_rowOf.cend(); ++it) {
            if (it.value() == row) {
                showSection(static_cast<Section>(it.key()));
            }
        }
    });
    addPage(Section::Overview, tr("Overview"), m_overview);
    addPage(Section::Members, tr("Members and roles"), m_members);
    addPage(Section::Bans, tr("Bans"), m_bans);
    addPage(Section::Moderation, tr("Moderation"), m_moderation);
    addPage(Section::Audit, tr("Audit log"), m_audit);
    addPage(Section::Owner, tr("Ownership"), m_owner);

    m_leave->setObjectName(QStringLiteral("leaveGroupButton"));
    m_transfer->setObjectName(QStringLiteral("transferOwnershipButton"));
    m_delete->setObjectName(QStringLiteral("deleteGroupNavButton"));
    for (QPushButton* button : {m_leave, m_transfer, m_delete}) {
        button->setCursor(Qt::PointingHandCursor);
        style::set(button, style::Button::Ghost);
    }
    m_delete->setStyleSheet(QStringLiteral("QPushButton { color: %1; }").arg(c.danger.name()));
    m_leave->setStyleSheet(QStringLiteral("QPushButton { color: %1; }").arg(c.danger.name()));
    connect(m_leave, &QPushButton::clicked, this, &GroupSettingsPanel::askLeave);
    connect(m_transfer, &QPushButton::clicked, this, [this] {
        showSection(Section::Owner);
        m_owner->transferChoice()->setFocus();
    });
    connect(m_delete, &QPushButton::clicked, this, [this] {
        showSection(Section::Owner);
        m_owner->deleteConfirmEdit()->setFocus();
    });
    auto* navLayout = new QVBoxLayout(nav);
    navLayout->setContentsMargins(12, 24, 12, 16);
    navLayout->setSpacing(6);
    navLayout->addWidget(m_title);
    navLayout->addWidget(m_sections, 1);
    navLayout->addWidget(m_transfer);
    navLayout->addWidget(m_delete);
    navLayout->addWidget(m_leave);

    m_close->setObjectName(QStringLiteral("closeSettingsButton"));
    m_close->setToolTip(tr("Close (Esc)"));
    m_close->setAccessibleName(tr("Close settings"));
    m_close->setCursor(Qt::PointingHandCursor);
    m_close->setIcon(IconSet::icon(IconSet::Glyph::Close, c.textSecondary, 20));
    style::set(m_close, style::Button::Icon);
    connect(m_close, &QPushButton::clicked, this, &GroupSettingsPanel::closeRequested);
    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 12, 12, 0);
    right->addWidget(m_close, 0, Qt::AlignRight);
    auto* content = new QVBoxLayout;
    content->setContentsMargins(0, 0, 0, 0);
    content->setSpacing(0);
    content->addLayout(right);
    content->addWidget(m_pages, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(nav);
    layout->addLayout(content, 1);

    cache::ChatCache& cache = account.chatCache();
    connect(&cache, &cache::ChatCache::chatChanged, this, [this](qint64 chat) {
        if (chat == m_chatId) {
            refresh();
        }
    });
    connect(&cache, &cache::ChatCache::memberChanged, this, [this](qint64 chat, qint64 user) {
        if (chat == m_chatId && user == m_account.userId()) {
            refresh();
        }
    });
    connect(&cache, &cache::ChatCache::membersReset, this, [this](qint64 chat) {
        if (chat == m_chatId) {
            refresh();
        }
    });
    connect(&cache, &cache::ChatCache::chatRemoved, this, [this](qint64 chat) {
        // The removal may be announced twice: by the request's answer and by chat.removed.
        if (chat == m_chatId && !m_gone) {
            m_gone = true;
            Q_EMIT closeRequested();
        }
    });
    connect(m_actions, &app::GroupActions::failed, this,
            [this](Op op, qint64 chat, qint64, const QString& message) {
                if (chat != m_chatId) {
                    return;
                }
                if (op == Op::Leave) {
                    m_overview->setError(message);
                }
                // A refused change leaves the controls showing what the group really is.
                refresh();
            });
    refresh();
    m_actions->refreshMembers(chatId);
    showSection(Section::Overview);
}

GroupSettingsPanel::~GroupSettingsPanel() = default;

void GroupSettingsPanel::addPage(Section section, const QString& label, GroupSettingsPage* page) {
    auto* item = new QListWidgetItem(label, m_sections);
    item->setData(Qt::UserRole, static_cast<int>(section));
    m_rowOf.insert(static_cast<int>(section), m_sections->row(item));
    m_pages->addWidget(page);
}

GroupSettingsPage* GroupSettingsPanel::pageOf(Section section) const {
    switch (section) {
        case Section::Overview:
            return m_overview;
        case Section::Members:
            return m_members;
        case Section::Bans:
            return m_bans;
        case Section::Moderation:
            return m_moderation;
        case Section::Audit:
            return m_audit;
        case Section::Owner:
            return m_owner;
    }
    return m_overview;
}

bool GroupSettingsPanel::hasSection(Section section) const {
    switch (section) {
        case Section::Overview:
            return true;
        case Section::Audit:
            return app::GroupActions::mayViewAudit(m_role);
        case Section::Members:
        case Section::Bans:
            return app::GroupActions::mayAddMembers(m_role);
        case Section::Moderation:
            return app::GroupActions::mayEditSettings(m_role);
        case Section::Owner:
            return app::GroupActions::isOwner(m_role);
    }
    return false;
}

bool GroupSettingsPanel::showSection(Section section) {
    if (!hasSection(section)) {
        return false;
    }
    const bool changed = section != m_current || m_pages->currentWidget() != pageOf(section);
    m_current = section;
    const int row = m_rowOf.value(static_cast<int>(section));
    {
        const QSignalBlocker block(m_sections);
        m_sections->setCurrentRow(row);
    }
    m_pages->setCurrentWidget(pageOf(section));
    if (changed && section == Section::Bans) {
        m_bans->reload();
    } else if (changed && section == Section::Audit) {
        m_audit->reload();
    }
    return true;
}

void GroupSettingsPanel::askLeave() {
    const auto group = m_account.chatCache().group(m_chatId);
    const QString name = group ? group->name : tr("this group");
    const QString text = m_role == Role::Owner
                             ? tr("You own %1. Ownership passes to the highest-ranking member "
                                  "who has been there longest.")
                                   .arg(name)
                             : tr("You will stop receiving its messages. Someone must add you "
                                  "again for you to come back.");
    ConfirmOverlay::ask(this, tr("Leave %1?").arg(name), text, tr("Leave group"),
                        [this] { m_actions->leave(m_chatId); });
}

void GroupSettingsPanel::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        Q_EMIT closeRequested();
        return;
    }
    QFrame::keyPressEvent(event);
}

void GroupSettingsPanel::refresh() {
    const auto group = m_account.chatCache().group(m_chatId);
    if (!group) {
        return;
    }
    m_role = group->myRole;
    m_title->setText(group->name.toUpper());
    for (auto it = m_rowOf.cbegin(); it != m_rowOf.cend(); ++it) {
        m_sections->item(it.value())->setHidden(!hasSection(static_cast<Section>(it.key())));
    }
    const bool owner = app::GroupActions::isOwner(m_role);
    m_transfer->setVisible(owner);
    m_delete->setVisible(owner);
    for (GroupSettingsPage* page : std::initializer_list<GroupSettingsPage*>{
             m_overview, m_members, m_bans, m_moderation, m_audit, m_owner}) {
        page->refresh(*group);
    }
    // A role lowered while the panel is open takes the pages it no longer allows away.
    if (!hasSection(m_current)) {
        showSection(Section::Overview);
    }
}

}  // namespace client::ui
