// A styled card over the window that asks for the one value a member action needs: the reason of
// a ban, or how long a mute lasts. Enter confirms, Esc or a click outside cancels.
#pragma once

#include <QWidget>
#include <functional>

class QComboBox;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace client::ui {

class MemberActionCard : public QWidget {
    Q_OBJECT
public:
    // The reason (may be empty) of a ban.
    static MemberActionCard* askReason(QWidget* anchor, const QString& title, const QString& text,
                                       const QString& confirmLabel,
                                       std::function<void(const QString& reason)> onConfirm);
    // A duration in seconds, picked as a number of minutes, hours or days.
    static MemberActionCard* askDuration(QWidget* anchor, const QString& title, const QString& text,
                                         const QString& confirmLabel,
                                         std::function<void(qint64 seconds)> onConfirm);

    QLineEdit* reasonEdit() const { return m_reason; }
    QSpinBox* amount() const { return m_amount; }
    QComboBox* unit() const { return m_unit; }
    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* cancelButton() const { return m_cancel; }
    qint64 seconds() const;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    MemberActionCard(QWidget* window, const QString& title, const QString& text,
                     const QString& confirmLabel, bool duration);
    void confirm();

    QWidget* m_card;
    QLineEdit* m_reason = nullptr;
    QSpinBox* m_amount = nullptr;
    QComboBox* m_unit = nullptr;
    QPushButton* m_confirm;
    QPushButton* m_cancel;
    std::function<void()> m_onConfirm;
};

}  // namespace client::ui
