#include "client/ui/member_action_card.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include "client/ui/style_hooks.h"

namespace client::ui {
namespace {

constexpr qint64 kUnitSeconds[] = {60, 3600, 86400};
constexpr int kReasonMax = 500;

}  // namespace

MemberActionCard* MemberActionCard::askReason(QWidget* anchor, const QString& title,
                                              const QString& text, const QString& confirmLabel,
                                              std::function<void(const QString&)> onConfirm) {
    auto* card = new MemberActionCard(anchor->window(), title, text, confirmLabel, false);
    card->m_onConfirm = [card, onConfirm = std::move(onConfirm)] {
        onConfirm(card->m_reason->text().trimmed());
    };
    card->show();
    card->raise();
    card->m_reason->setFocus();
    return card;
}

MemberActionCard* MemberActionCard::askDuration(QWidget* anchor, const QString& title,
                                                const QString& text, const QString& confirmLabel,
                                                std::function<void(qint64)> onConfirm) {
    auto* card = new MemberActionCard(anchor->window(), title, text, confirmLabel, true);
    card->m_onConfirm = [card, onConfirm = std::move(onConfirm)] { onConfirm(card->seconds()); };
    card->show();
    card->raise();
    card->m_amount->setFocus();
    card->m_amount->selectAll();
    return card;
}

MemberActionCard::MemberActionCard(QWidget* window, const QString& title, const QString& text,
                                   const QString& confirmLabel, bool duration)
    : QWidget(window),
      m_card(new QFrame(this)),
      m_confirm(new QPushButton(confirmLabel, m_card)),
      m_cancel(new QPushButton(tr("Cancel"), m_card)) {
    setObjectName(QStringLiteral("memberActionCard"));
    setAttribute(Qt::WA_DeleteOnClose);
    setGeometry(window->rect());
    window->installEventFilter(this);

    m_card->setObjectName(QStringLiteral("confirmCard"));
    m_card->setAttribute(Qt::WA_StyledBackground, true);
    m_card->setFixedWidth(380);
    auto* heading = new QLabel(title, m_card);
    style::set(heading, style::Text::Title);
    auto* body = new QLabel(text, m_card);
    body->setWordWrap(true);
    style::set(body, style::Text::Secondary);

    auto* input = new QHBoxLayout;
    if (duration) {
        m_amount = new QSpinBox(m_card);
        m_amount->setObjectName(QStringLiteral("muteAmount"));
        m_amount->setRange(1, 999);
        m_amount->setValue(30);
        m_amount->setAccessibleName(tr("How long"));
        m_unit = new QComboBox(m_card);
        m_unit->setObjectName(QStringLiteral("muteUnit"));
        m_unit->addItems({tr("minutes"), tr("hours"), tr("days")});
        m_unit->setAccessibleName(tr("Unit"));
        m_amount->installEventFilter(this);
        input->addWidget(m_amount, 1);
        input->addWidget(m_unit, 1);
    } else {
        m_reason = new QLineEdit(m_card);
        m_reason->setObjectName(QStringLiteral("banReasonEdit"));
        m_reason->setPlaceholderText(tr("Reason (optional, shown in the audit log)"));
        m_reason->setMaxLength(kReasonMax);
        m_reason->setAccessibleName(tr("Reason"));
        connect(m_reason, &QLineEdit::returnPressed, this, &MemberActionCard::confirm);
        input->addWidget(m_reason);
    }

    m_confirm->setObjectName(QStringLiteral("confirmButton"));
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    style::set(m_confirm, style::Button::Danger);
    style::set(m_cancel, style::Button::Ghost);
    for (QPushButton* button : {m_confirm, m_cancel}) {
        button->setCursor(Qt::PointingHandCursor);
        button->setAutoDefault(false);
    }
    connect(m_cancel, &QPushButton::clicked, this, &QWidget::close);
    connect(m_confirm, &QPushButton::clicked, this, &MemberActionCard::confirm);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_confirm);
    auto* layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(24, 22, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(body);
    layout->addLayout(input);
    layout->addSpacing(8);
    layout->addLayout(buttons);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(m_card, 0, Qt::AlignHCenter);
    outer->addStretch(2);
}

qint64 MemberActionCard::seconds() const {
    if (!m_amount) {
        return 0;
    }
    return m_amount->value() * kUnitSeconds[qBound(0, m_unit->currentIndex(), 2)];
}

void MemberActionCard::confirm() {
    auto action = m_onConfirm;
    close();
    if (action) {
        action();
    }
}

void MemberActionCard::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 110));
}

bool MemberActionCard::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
    }
    if (watched == m_amount && event->type() == QEvent::KeyPress) {
        const int key = static_cast<QKeyEvent*>(event)->key();
        if (key == Qt::Key_Return || key == Qt::Key_Enter) {
            confirm();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void MemberActionCard::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    QWidget::keyPressEvent(event);
}

void MemberActionCard::mousePressEvent(QMouseEvent* event) {
    if (!m_card->geometry().contains(event->position().toPoint())) {
        close();
    }
}

}  // namespace client::ui
