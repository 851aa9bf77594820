// The settings window: theme (System, Light, Dark, previewed live) and the signed-in account.
#pragma once

#include <QDialog>

#include "client/app/account.h"
#include "client/app/preferences.h"

namespace client::ui {

class SegmentedControl;
class ThemeController;

class SettingsDialog : public QDialog {
    Q_OBJECT
public:
    // The references must outlive the dialog. A theme choice is applied and saved at once.
    SettingsDialog(ThemeController& themes, app::Preferences& preferences, app::Account& account,
                   QWidget* parent = nullptr);

Q_SIGNALS:
    void logOutRequested();

private:
    QWidget* buildAppearance();
    QWidget* buildAccount();

    ThemeController& m_themes;
    app::Preferences& m_preferences;
    app::Account& m_account;
    SegmentedControl* m_themeSwitch = nullptr;
};

}  // namespace client::ui
