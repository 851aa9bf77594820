// What every page of the group settings panel shares: the account, the group actions, the chat,
// an inline error line, and a refresh from the cached group when it or the viewer's role changes.
#pragma once

#include <QWidget>

#include "client/cache/chat_cache.h"

class QLabel;
class QVBoxLayout;

namespace client::app {
class Account;
class GroupActions;
}  // namespace client::app

namespace client::ui {

class GroupSettingsPage : public QWidget {
    Q_OBJECT
public:
    // `name` names the page's widgets for tests: "<name>Page", "<name>Error".
    GroupSettingsPage(app::Account& account, app::GroupActions& actions, qint64 chatId,
                      const QString& name, const QString& title, QWidget* parent = nullptr);

    // The group as the cache now holds it (the viewer's role included).
    virtual void refresh(const cache::GroupRow& group) = 0;
    // Shows a server's refusal under the title; empty clears it.
    void setError(const QString& message);
    QString error() const;

protected:
    app::Account& account() { return m_account; }
    app::GroupActions& actions() { return m_actions; }
    const app::GroupActions& actions() const { return m_actions; }
    qint64 chatId() const { return m_chatId; }
    // The page's body, below the title and the error line.
    QVBoxLayout* body() const { return m_body; }
    // A user's display name as the cache knows it, empty when unknown.
    QString nameOf(qint64 userId) const;
    // Gives a combo box or a multi-line field the theme's field look (the application
    // stylesheet styles line edits only).
    static void styleField(QWidget* field);

private:
    app::Account& m_account;
    app::GroupActions& m_actions;
    qint64 m_chatId;
    QLabel* m_error;
    QVBoxLayout* m_body;
};

}  // namespace client::ui
