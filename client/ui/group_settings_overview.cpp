#include "client/ui/group_settings_overview.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/app/group_actions.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

namespace {

constexpr int kMaxName = 64;

}  // namespace

GroupSettingsOverview::GroupSettingsOverview(app::Account& account, app::GroupActions& actions,
                                             qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("overview"), tr("Overview"),
                        parent),
      m_name(new QLineEdit(this)),
      m_description(new QPlainTextEdit(this)),
      m_save(new QPushButton(tr("Save changes"), this)),
      m_readOnly(new QLabel(tr("Only admins and the owner can change these."), this)) {
    m_readOnly->setObjectName(QStringLiteral("overviewReadOnly"));
    style::set(m_readOnly, style::Text::Caption);
    styleField(m_description);
    auto* nameLabel = new QLabel(tr("GROUP NAME"), this);
    style::set(nameLabel, style::Text::Section);
    m_name->setObjectName(QStringLiteral("groupNameEdit"));
    m_name->setMaxLength(kMaxName);
    m_name->setAccessibleName(tr("Group name"));
    auto* descriptionLabel = new QLabel(tr("DESCRIPTION"), this);
    style::set(descriptionLabel, style::Text::Section);
    m_description->setObjectName(QStringLiteral("groupDescriptionEdit"));
    m_description->setAccessibleName(tr("Description"));
    m_description->setPlaceholderText(tr("What this group is about"));
    m_description->setFixedHeight(110);
    m_save->setObjectName(QStringLiteral("saveOverviewButton"));
    m_save->setCursor(Qt::PointingHandCursor);
    style::set(m_save, style::Button::Primary);
    connect(m_save, &QPushButton::clicked, this, &GroupSettingsOverview::save);
    connect(m_name, &QLineEdit::textChanged, this, &GroupSettingsOverview::refreshSave);
    connect(m_name, &QLineEdit::returnPressed, this, &GroupSettingsOverview::save);
    connect(m_description, &QPlainTextEdit::textChanged, this, &GroupSettingsOverview::refreshSave);
    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64, const QString& message) {
                if (chat == this->chatId() && op == app::GroupActions::Op::Update) {
                    setError(message);
                    refreshSave();
                }
            });
    connect(&actions, &app::GroupActions::succeeded, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64) {
                if (chat == this->chatId() && op == app::GroupActions::Op::Update) {
                    setError({});
                }
            });

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_readOnly);
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    body()->addWidget(nameLabel);
    body()->addWidget(m_name);
    body()->addSpacing(4);
    body()->addWidget(descriptionLabel);
    body()->addWidget(m_description);
    body()->addLayout(buttons);
    body()->addStretch(1);
}

void GroupSettingsOverview::refresh(const cache::GroupRow& group) {
    m_editable = app::GroupActions::mayEditSettings(group.myRole);
    // What the user is typing stays; a field the user has not touched follows the group.
    if (m_name->text() == m_savedName) {
        m_name->setText(group.name);
    }
    if (m_description->toPlainText() == m_savedDescription) {
        m_description->setPlainText(group.description);
    }
    m_savedName = group.name;
    m_savedDescription = group.description;
    m_name->setReadOnly(!m_editable);
    m_description->setReadOnly(!m_editable);
    m_save->setVisible(m_editable);
    m_readOnly->setVisible(!m_editable);
    refreshSave();
}

void GroupSettingsOverview::save() {
    if (!m_editable || !m_save->isEnabled()) {
        return;
    }
    const QString name = m_name->text().trimmed();
    const QString description = m_description->toPlainText().trimmed();
    setError({});
    actions().updateDetails(
        chatId(), name != willHaveName() ? std::optional(name) : std::nullopt,
        description != willHaveDescription() ? std::optional(description) : std::nullopt);
    refreshSave();
}

QString GroupSettingsOverview::willHaveName() const {
    return actions().pendingName(chatId()).value_or(m_savedName);
}

QString GroupSettingsOverview::willHaveDescription() const {
    return actions().pendingDescription(chatId()).value_or(m_savedDescription);
}

void GroupSettingsOverview::refreshSave() {
    const QString name = m_name->text().trimmed();
    const bool changed =
        name != willHaveName() || m_description->toPlainText().trimmed() != willHaveDescription();
    m_save->setEnabled(m_editable && changed && !name.isEmpty());
}

}  // namespace client::ui
