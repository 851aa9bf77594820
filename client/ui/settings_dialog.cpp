#include "client/ui/settings_dialog.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/avatar_widget.h"
#include "client/ui/segmented_control.h"
#include "client/ui/style_hooks.h"
#include "client/ui/theme_controller.h"

namespace client::ui {

namespace {
int indexOf(app::ThemeChoice choice) {
    switch (choice) {
        case app::ThemeChoice::Light:
            return 1;
        case app::ThemeChoice::Dark:
            return 2;
        case app::ThemeChoice::System:
            break;
    }
    return 0;
}

app::ThemeChoice choiceAt(int index) {
    if (index == 1) {
        return app::ThemeChoice::Light;
    }
    if (index == 2) {
        return app::ThemeChoice::Dark;
    }
    return app::ThemeChoice::System;
}

QFrame* card(QWidget* parent) {
    auto* frame = new QFrame(parent);
    style::set(frame, style::Surface::Card);
    return frame;
}

QLabel* sectionLabel(const QString& text, QWidget* parent) {
    auto* label = new QLabel(text.toUpper(), parent);
    style::set(label, style::Text::Section);
    return label;
}
}  // namespace

SettingsDialog::SettingsDialog(ThemeController& themes, app::Preferences& preferences,
                               app::Account& account, QWidget* parent)
    : QDialog(parent), m_themes(themes), m_preferences(preferences), m_account(account) {
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Settings"));
    setMinimumWidth(500);

    auto* title = new QLabel(tr("Settings"), this);
    style::set(title, style::Text::Headline);

    auto* done = new QPushButton(tr("Done"), this);
    done->setObjectName(QStringLiteral("doneButton"));
    done->setDefault(true);
    done->setCursor(Qt::PointingHandCursor);
    style::set(done, style::Button::Primary);
    connect(done, &QPushButton::clicked, this, &QDialog::accept);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(done);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 24, 24, 24);
    layout->setSpacing(12);
    layout->addWidget(title);
    layout->addSpacing(4);
    layout->addWidget(sectionLabel(tr("Appearance"), this));
    layout->addWidget(buildAppearance());
    layout->addSpacing(8);
    layout->addWidget(sectionLabel(tr("Account"), this));
    layout->addWidget(buildAccount());
    layout->addSpacing(8);
    layout->addStretch(1);
    layout->addLayout(buttons);
}

QWidget* SettingsDialog::buildAppearance() {
    QFrame* section = card(this);
    auto* label = new QLabel(tr("Theme"), section);
    style::set(label, style::Text::Title);
    auto* hint = new QLabel(tr("System follows your desktop's light or dark setting."), section);
    hint->setWordWrap(true);
    style::set(hint, style::Text::Muted);

    m_themeSwitch = new SegmentedControl({tr("System"), tr("Light"), tr("Dark")}, section);
    m_themeSwitch->setObjectName(QStringLiteral("themeSwitch"));
    m_themeSwitch->setCurrentIndex(indexOf(m_themes.choice()));
    connect(m_themeSwitch, &SegmentedControl::currentIndexChanged, this, [this](int index) {
        const app::ThemeChoice choice = choiceAt(index);
        m_themes.apply(choice);
        m_preferences.setThemeChoice(choice);
    });

    auto* layout = new QVBoxLayout(section);
    layout->setContentsMargins(18, 16, 18, 18);
    layout->setSpacing(4);
    layout->addWidget(label);
    layout->addWidget(hint);
    layout->addSpacing(10);
    layout->addWidget(m_themeSwitch);
    return section;
}

QWidget* SettingsDialog::buildAccount() {
    QFrame* section = card(this);
    const QString name =
        m_account.displayName().isEmpty() ? m_account.username() : m_account.displayName();
    auto* avatar = new AvatarWidget(48, section);
    avatar->setIdentity(name, m_account.userId());
    auto* nameLabel = new QLabel(name, section);
    style::set(nameLabel, style::Text::Title);
    auto* username = new QLabel(QStringLiteral("@%1").arg(m_account.username()), section);
    username->setObjectName(QStringLiteral("settingsUsername"));
    style::set(username, style::Text::Secondary);
    auto* server = new QLabel(m_account.server().toString(QUrl::RemovePath), section);
    style::set(server, style::Text::Caption);

    auto* logOut = new QPushButton(tr("Log out"), section);
    logOut->setObjectName(QStringLiteral("logOutButton"));
    logOut->setCursor(Qt::PointingHandCursor);
    style::set(logOut, style::Button::Danger);
    connect(logOut, &QPushButton::clicked, this, [this] {
        accept();
        Q_EMIT logOutRequested();
    });

    auto* text = new QVBoxLayout;
    text->setSpacing(2);
    text->addWidget(nameLabel);
    text->addWidget(username);
    text->addWidget(server);

    auto* layout = new QHBoxLayout(section);
    layout->setContentsMargins(18, 16, 18, 16);
    layout->setSpacing(14);
    layout->addWidget(avatar, 0, Qt::AlignVCenter);
    layout->addLayout(text, 1);
    layout->addWidget(logOut, 0, Qt::AlignVCenter);
    return section;
}

}  // namespace client::ui
