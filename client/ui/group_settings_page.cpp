#include "client/ui/group_settings_page.h"

#include <QApplication>
#include <QLabel>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/ui/style_hooks.h"
#include "client/ui/theme.h"

namespace client::ui {

GroupSettingsPage::GroupSettingsPage(app::Account& account, app::GroupActions& actions,
                                     qint64 chatId, const QString& name, const QString& title,
                                     QWidget* parent)
    : QWidget(parent),
      m_account(account),
      m_actions(actions),
      m_chatId(chatId),
      m_error(new QLabel(this)),
      m_body(new QVBoxLayout) {
    setObjectName(name + QStringLiteral("Page"));
    auto* heading = new QLabel(title, this);
    style::set(heading, style::Text::Headline);
    m_error->setObjectName(name + QStringLiteral("Error"));
    m_error->setWordWrap(true);
    style::set(m_error, style::Text::Error);
    m_error->hide();
    m_body->setSpacing(12);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 24);
    layout->setSpacing(12);
    layout->addWidget(heading);
    layout->addWidget(m_error);
    layout->addLayout(m_body, 1);
}

void GroupSettingsPage::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

QString GroupSettingsPage::error() const {
    // Set while the page is hidden too (a section the viewer's role does not show).
    return m_error->isHidden() ? QString() : m_error->text();
}

void GroupSettingsPage::styleField(QWidget* field) {
    const Theme theme = Theme::forPalette(QApplication::palette());
    const Theme::Colors& c = theme.colors();
    field->setStyleSheet(
        QStringLiteral("QComboBox, QPlainTextEdit { background: %1; border: 1px solid %2;"
                       " border-radius: %3px; padding: 7px 10px; color: %4; }"
                       "QComboBox:hover, QPlainTextEdit:hover { border-color: %5; }"
                       "QComboBox:focus, QPlainTextEdit:focus { border-color: %6; }"
                       "QComboBox::drop-down { border: none; width: 24px; }"
                       "QComboBox QAbstractItemView { background: %7; border: 1px solid %2;"
                       " selection-background-color: %8; selection-color: %4; }")
            .arg(c.input.name(), c.border.name())
            .arg(theme.radius().md)
            .arg(c.text.name(), c.borderStrong.name(), c.accent.name(), c.elevated.name(),
                 c.hover.name()));
}

QString GroupSettingsPage::nameOf(qint64 userId) const {
    const auto user = m_account.chatCache().user(userId);
    if (!user) {
        return {};
    }
    return user->displayName.isEmpty() ? user->username : user->displayName;
}

}  // namespace client::ui
