#include "client/ui/confirm_overlay.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/style_hooks.h"

namespace client::ui {

ConfirmOverlay* ConfirmOverlay::ask(QWidget* anchor, const QString& title, const QString& text,
                                    const QString& confirmLabel, std::function<void()> onConfirm) {
    auto* overlay =
        new ConfirmOverlay(anchor->window(), title, text, confirmLabel, std::move(onConfirm));
    overlay->show();
    overlay->raise();
    overlay->m_cancel->setFocus();
    return overlay;
}

ConfirmOverlay::ConfirmOverlay(QWidget* window, const QString& title, const QString& text,
                               const QString& confirmLabel, std::function<void()> onConfirm)
    : QWidget(window),
      m_card(new QFrame(this)),
      m_confirm(new QPushButton(confirmLabel, m_card)),
      m_cancel(new QPushButton(tr("Cancel"), m_card)),
      m_onConfirm(std::move(onConfirm)) {
    setObjectName(QStringLiteral("confirmOverlay"));
    setAttribute(Qt::WA_DeleteOnClose);
    setGeometry(window->rect());
    window->installEventFilter(this);

    m_card->setObjectName(QStringLiteral("confirmCard"));
    m_card->setAttribute(Qt::WA_StyledBackground, true);
    m_card->setFixedWidth(380);
    auto* heading = new QLabel(title, m_card);
    heading->setObjectName(QStringLiteral("confirmTitle"));
    style::set(heading, style::Text::Title);
    auto* body = new QLabel(text, m_card);
    body->setObjectName(QStringLiteral("confirmText"));
    body->setWordWrap(true);
    style::set(body, style::Text::Secondary);
    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    style::set(m_confirm, style::Button::Danger);
    style::set(m_cancel, style::Button::Ghost);
    for (QPushButton* button : {m_confirm, m_cancel}) {
        button->setCursor(Qt::PointingHandCursor);
    }
    connect(m_cancel, &QPushButton::clicked, this, &QWidget::close);
    connect(m_confirm, &QPushButton::clicked, this, [this] {
        auto action = m_onConfirm;
        close();
        if (action) {
            action();
        }
    });

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(24, 22, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addSpacing(8);
    layout->addLayout(buttons);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(m_card, 0, Qt::AlignHCenter);
    outer->addStretch(2);
}

void ConfirmOverlay::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 110));
}

bool ConfirmOverlay::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void ConfirmOverlay::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ConfirmOverlay::mousePressEvent(QMouseEvent* event) {
    // A click on the dimmed backdrop cancels, as in every modern app.
    if (!m_card->geometry().contains(static_cast<QMouseEvent*>(event)->position().toPoint())) {
        close();
    }
}

}  // namespace client::ui
