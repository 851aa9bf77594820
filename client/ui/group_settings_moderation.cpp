#include "client/ui/group_settings_moderation.h"

#include <QCheckBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/app/group_actions.h"
#include "client/ui/segmented_control.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

const QVector<int>& GroupSettingsModeration::presets() {
    static const QVector<int> seconds{0, 10, 30, 60, 300, 900, 3600};
    return seconds;
}

GroupSettingsModeration::GroupSettingsModeration(app::Account& account, app::GroupActions& actions,
                                                 qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("moderation"), tr("Moderation"),
                        parent),
      m_slowMode(new SegmentedControl(
          {tr("Off"), tr("10 s"), tr("30 s"), tr("1 min"), tr("5 min"), tr("15 min"), tr("1 h")},
          this)),
      m_onlyAdmins(new QCheckBox(tr("Only admins may post"), this)) {
    auto* slowLabel = new QLabel(tr("SLOW MODE"), this);
    style::set(slowLabel, style::Text::Section);
    auto* slowHint =
        new QLabel(tr("Members below moderator wait this long between two messages."), this);
    slowHint->setWordWrap(true);
    style::set(slowHint, style::Text::Secondary);
    m_slowMode->setObjectName(QStringLiteral("slowModePresets"));
    m_slowMode->setAccessibleName(tr("Slow mode"));
    connect(m_slowMode, &SegmentedControl::currentIndexChanged, this, [this](int index) {
        if (!m_showing && index >= 0 && index < presets().size()) {
            chooseSlowMode(presets().at(index));
        }
    });

    auto* postingLabel = new QLabel(tr("WHO MAY POST"), this);
    style::set(postingLabel, style::Text::Section);
    m_onlyAdmins->setObjectName(QStringLiteral("onlyAdminsPostCheck"));
    m_onlyAdmins->setCursor(Qt::PointingHandCursor);
    auto* postingHint =
        new QLabel(tr("Everyone keeps reading; members and moderators see a notice instead of the "
                      "message field."),
                   this);
    postingHint->setWordWrap(true);
    style::set(postingHint, style::Text::Secondary);
    connect(m_onlyAdmins, &QCheckBox::toggled, this, [this](bool on) {
        if (!m_showing) {
            m_onlyAdminsPost = on;
            apply();
        }
    });
    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64, const QString& message) {
                if (chat == this->chatId() && op == app::GroupActions::Op::Settings) {
                    setError(message);
                }
            });

    body()->addWidget(slowLabel);
    body()->addWidget(m_slowMode, 0, Qt::AlignLeft);
    body()->addWidget(slowHint);
    body()->addSpacing(12);
    body()->addWidget(postingLabel);
    body()->addWidget(m_onlyAdmins);
    body()->addWidget(postingHint);
    body()->addStretch(1);
}

void GroupSettingsModeration::refresh(const cache::GroupRow& group) {
    // A choice still on its way to the server is newer than what the cache holds: the answer to
    // an earlier one must not put the controls back.
    const auto pending = actions().pendingSettings(chatId());
    m_slowModeS = pending ? pending->slowModeS : group.slowModeS;
    m_onlyAdminsPost = pending ? pending->onlyAdminsPost : group.onlyAdminsPost;
    showGroup();
}

void GroupSettingsModeration::chooseSlowMode(int seconds) {
    m_slowModeS = seconds;
    apply();
}

void GroupSettingsModeration::apply() {
    setError({});
    actions().setSettings(chatId(), m_slowModeS, m_onlyAdminsPost);
}

void GroupSettingsModeration::showGroup() {
    m_showing = true;
    // A value set elsewhere that is no preset shows no segment checked.
    m_slowMode->setCurrentIndex(static_cast<int>(presets().indexOf(m_slowModeS)));
    m_onlyAdmins->setChecked(m_onlyAdminsPost);
    m_showing = false;
}

}  // namespace client::ui
