// The conversation's header: the peer's or group's avatar and name, "online" / "last seen …" /
// "12 members, 3 online" / "typing…", and the message search button.
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
    // A group: the status line counts members (and who is online, when onlineCount >= 0), and a
    // click on the name opens the group's details.
    void setGroupStatus(qint64 memberCount, qint64 onlineCount);
    bool isGroup() const { return m_group; }
    // Shows "typing…" until the typing signal goes stale.
    void showTyping();
    QString statusText() const;
    QString title() const;

    static constexpr int kTypingMs = 5000;

Q_SIGNALS:
    void searchRequested();
    // The avatar or name of a group was clicked (or Enter/Space with the header focused).
    void detailsRequested();

protected:
    void changeEvent(QEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;

private:
    void refreshStatus();

    AvatarWidget* m_avatar;
    QLabel* m_name;
    QLabel* m_status;
    QPushButton* m_search;
    bool m_online = false;
    bool m_group = false;
    qint64 m_memberCount = 0;
    qint64 m_onlineCount = -1;
    QDateTime m_lastSeen;
    QTimer m_typing;      // single shot: typing ends
    QTimer m_minuteTick;  // "last seen 5 min ago" stays true
};

}  // namespace client::ui
