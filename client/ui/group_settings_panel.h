// The settings of one group, Discord-like: a list of sections on the left (Overview, Members and
// roles, Bans, Moderation, Audit log, Ownership) with Leave, Transfer ownership and Delete group
// at its bottom, the chosen page on the right. Each viewer sees only what their role may do.
#pragma once

#include <QFrame>
#include <QHash>

#include "client/cache/chat_cache.h"

class QLabel;
class QListWidget;
class QPushButton;
class QStackedWidget;

namespace client::app {
class Account;
class GroupActions;
}  // namespace client::app

namespace client::ui {

class GroupSettingsAudit;
class GroupSettingsBans;
class GroupSettingsMembers;
class GroupSettingsModeration;
class GroupSettingsOverview;
class GroupSettingsOwner;
class GroupSettingsPage;

class GroupSettingsPanel : public QFrame {
    Q_OBJECT
public:
    enum class Section { Overview, Members, Bans, Moderation, Audit, Owner };

    GroupSettingsPanel(app::Account& account, qint64 chatId, QWidget* parent = nullptr);
    ~GroupSettingsPanel() override;

    qint64 chatId() const { return m_chatId; }
    // Whether the viewer's role shows this section.
    bool hasSection(Section section) const;
    // Opens a section the viewer may see; false otherwise.
    bool showSection(Section section);
    Section currentSection() const { return m_current; }
    QListWidget* sections() const { return m_sections; }
    QPushButton* leaveButton() const { return m_leave; }
    QPushButton* transferButton() const { return m_transfer; }
    QPushButton* deleteButton() const { return m_delete; }

    GroupSettingsOverview* overview() const { return m_overview; }
    GroupSettingsMembers* members() const { return m_members; }
    GroupSettingsBans* bans() const { return m_bans; }
    GroupSettingsModeration* moderation() const { return m_moderation; }
    GroupSettingsAudit* audit() const { return m_audit; }
    GroupSettingsOwner* owner() const { return m_owner; }
    app::GroupActions& actions() { return *m_actions; }

    // Asks to leave on the confirm overlay (the Leave button).
    void askLeave();

Q_SIGNALS:
    // The close button or Esc, or the group went away (left, deleted, removed).
    void closeRequested();

protected:
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refresh();
    void addPage(Section section, const QString& label, GroupSettingsPage* page);
    GroupSettingsPage* pageOf(Section section) const;

    app::Account& m_account;
    qint64 m_chatId;
    app::GroupActions* m_actions;
    QLabel* m_title;
    QListWidget* m_sections;
    QStackedWidget* m_pages;
    QPushButton* m_leave;
    QPushButton* m_transfer;
    QPushButton* m_delete;
    QPushButton* m_close;
    GroupSettingsOverview* m_overview;
    GroupSettingsMembers* m_members;
    GroupSettingsBans* m_bans;
    GroupSettingsModeration* m_moderation;
    GroupSettingsAudit* m_audit;
    GroupSettingsOwner* m_owner;
    QHash<int, int> m_rowOf;  // Section -> row of m_sections and index of m_pages
    Section m_current = Section::Overview;
    protocol::Role m_role = protocol::Role::Member;
    bool m_gone = false;  // closeRequested was emitted for the group going away
};

}  // namespace client::ui
