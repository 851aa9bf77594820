// The account's link to its server at a glance: a coloured dot, a word, and "Retry now" when
// offline.
#pragma once

#include <QTimer>
#include <QWidget>

#include "client/app/account.h"

class QLabel;
class QPushButton;

namespace client::ui {

class ConnectionIndicator : public QWidget {
    Q_OBJECT
public:
    explicit ConnectionIndicator(app::Account& account, QWidget* parent = nullptr);

    QString text() const;

private:
    void refresh();

    app::Account& m_account;
    QLabel* m_dot;
    QLabel* m_text;
    QPushButton* m_retry;
    QTimer m_countdown;  // the "retrying in N s" text counts down once a second
};

}  // namespace client::ui
