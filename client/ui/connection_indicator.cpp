#include "client/ui/connection_indicator.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

#include "client/ui/style_hooks.h"

namespace client::ui {

ConnectionIndicator::ConnectionIndicator(app::Account& account, QWidget* parent)
    : QWidget(parent),
      m_account(account),
      m_dot(new QLabel(this)),
      m_text(new QLabel(this)),
      m_retry(new QPushButton(tr("Retry now"), this)) {
    m_dot->setObjectName(QStringLiteral("connectionDot"));
    m_text->setObjectName(QStringLiteral("connectionText"));
    m_retry->setObjectName(QStringLiteral("retryButton"));
    m_retry->setCursor(Qt::PointingHandCursor);
    style::set(m_text, style::Text::Caption);
    style::set(m_retry, style::Button::Link);

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_dot, 0, Qt::AlignVCenter);
    layout->addWidget(m_text, 0, Qt::AlignVCenter);
    layout->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addStretch(1);

    m_countdown.setInterval(1000);
    connect(&m_countdown, &QTimer::timeout, this, &ConnectionIndicator::refresh);
    connect(&account, &app::Account::connectionStateChanged, this, &ConnectionIndicator::refresh);
    connect(m_retry, &QPushButton::clicked, this, [this] { m_account.reconnectNow(); });
    refresh();
}

QString ConnectionIndicator::text() const {
    return m_text->text();
}

void ConnectionIndicator::refresh() {
    using State = app::Account::ConnectionState;
    const State state = m_account.connectionState();
    QString key;
    switch (state) {
        case State::Online:
            key = QStringLiteral("online");
            m_text->setText(tr("Online"));
            break;
        case State::Connecting:
            key = QStringLiteral("connecting");
            m_text->setText(tr("Connecting…"));
            break;
        case State::Offline: {
            key = QStringLiteral("offline");
            const int seconds = m_account.reconnectInSeconds();
            m_text->setText(seconds > 0 ? tr("Offline — retrying in %1 s").arg(seconds)
                                        : tr("Offline"));
            break;
        }
    }
    if (m_dot->property("state").toString() != key) {
        m_dot->setProperty("state", key);
        style::repolish(m_dot);
    }
    m_retry->setVisible(state == State::Offline);
    setAccessibleName(tr("Connection: %1").arg(m_text->text()));
    setToolTip(tr("Server: %1").arg(m_account.server().toString(QUrl::RemovePath)));
    if (state == State::Offline) {
        m_countdown.start();
    } else {
        m_countdown.stop();
    }
}

}  // namespace client::ui
