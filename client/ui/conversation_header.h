// The conversation's header: the peer's avatar and name, "online" / "last seen …" / "typing…",
// and the message search button.
#pragma once

#include <QDateTime>
#include <QFrame>
#include <QTimer>

class QLabel;
class QPushButton;

namespace client::ui {

class AvatarWidget;

class ConversationHeader : public QFrame {
    Q_OBJECT
public:
    explicit ConversationHeader(QWidget* parent = nullptr);

    void setPeer(const QString& name, qint64 seed);
    // lastSeen invalid: unknown (hidden by a block, or never reported).
    void setPresence(bool online, const QDateTime& lastSeen);
    // Shows "typing…" until the typing signal goes stale.
    void showTyping();
    QString statusText() const;
    QString title() const;

    static constexpr int kTypingMs = 5000;

Q_SIGNALS:
    void searchRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void refreshStatus();

    AvatarWidget* m_avatar;
    QLabel* m_name;
    QLabel* m_status;
    QPushButton* m_search;
    bool m_online = false;
    QDateTime m_lastSeen;
    QTimer m_typing;      // single shot: typing ends
    QTimer m_minuteTick;  // "last seen 5 min ago" stays true
};

}  // namespace client::ui
