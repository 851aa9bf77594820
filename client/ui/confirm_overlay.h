// A styled in-app confirmation for destructive actions: dims the window and asks on a card,
// instead of the platform's grey message box.
#pragma once

#include <QWidget>
#include <functional>

class QLabel;
class QPushButton;

namespace client::ui {

class ConfirmOverlay : public QWidget {
    Q_OBJECT
public:
    // Covers `anchor`'s window; `onConfirm` runs when the user confirms. Deletes itself on close.
    static ConfirmOverlay* ask(QWidget* anchor, const QString& title, const QString& text,
                               const QString& confirmLabel, std::function<void()> onConfirm);

    QPushButton* confirmButton() const { return m_confirm; }
    QPushButton* cancelButton() const { return m_cancel; }

protected:
    void paintEvent(QPaintEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    ConfirmOverlay(QWidget* window, const QString& title, const QString& text,
                   const QString& confirmLabel, std::function<void()> onConfirm);

    QWidget* m_card;
    QPushButton* m_confirm;
    QPushButton* m_cancel;
    std::function<void()> m_onConfirm;
};

}  // namespace client::ui
