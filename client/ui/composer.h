// The message composer: a growing multi-line field with send button, and the reply or edit banner
// above it. Enter sends, Shift+Enter breaks the line, Up on an empty field asks to edit the last
// own message, Esc cancels a reply or an edit. In a group it follows the posting rules as they
// apply to the viewer: a slow-mode countdown after each post, a banner instead of the field while
// muted or while only admins may post, and `@` completion of the members.
#pragma once

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QFrame>
#include <QList>
#include <QSet>
#include <QVector>

#include "client/ui/mention_popup.h"

class QLabel;
class QPlainTextEdit;
class QPushButton;
class QTimer;

namespace client::app {
class Account;
}

namespace client::ui {

class MentionCompleter;

class Composer : public QFrame {
    Q_OBJECT
public:
    enum class Mode { Compose, Reply, Edit };

    static constexpr int kMaxLines = 6;
    static constexpr int kTypingIntervalMs = 3000;

    explicit Composer(QWidget* parent = nullptr);

    QPlainTextEdit* editor() const { return m_edit; }
    Mode mode() const { return m_mode; }
    // The message replied to or edited; 0 while composing.
    qint64 targetId() const { return m_target; }
    QString text() const;
    void setText(const QString& text);

    void startReply(qint64 messageId, const QString& sender, const QString& text);
    // Fills the field with the message's text.
    void startEdit(qint64 messageId, const QString& text);
    // Back to composing; an edit's text is dropped, a reply's draft kept.
    void cancel();
    // Sends what is typed (the Enter key and the send button).
    void submit();
    void setPlaceholder(const QString& text);

    // Posting rules, as they apply to the viewer. Slow mode: the seconds between two posts, 0
    // when off or when the viewer is a moderator or above (who are not slowed).
    void setSlowMode(int seconds);
    int slowMode() const { return m_slowModeS; }
    // Send waits this long (after each post under slow mode, or a server's retry_after).
    void startCooldown(int milliseconds);
    // Whole seconds left before the next post may go, 0 when it may go now.
    int cooldownSeconds() const;
    // Muted until then (ms since the epoch); 0 when not muted. Clears itself when it passes.
    void setMutedUntil(qint64 msSinceEpoch);
    // True when the chat lets only admins post and the viewer is below admin.
    void setAdminsOnly(bool restricted);
    // False while muted or admins-only: the banner shows instead of the field.
    bool canPost() const;
    // What the banner says, empty when the viewer may post.
    QString restrictionText() const;

    // The members `@` completes (the viewer left out by the caller).
    void setMentionCandidates(const QVector<MentionCandidate>& candidates);
    MentionCompleter* mentions() const { return m_mentions; }

    // Follows a group's posting rules and members from the account's cache, live: slow mode for
    // a viewer below moderator, admins-only for one below admin, the viewer's mute, and the
    // members `@` completes. chatId 0 (or a direct chat) drops every rule. In any chat, a send the
    // server held back (Account::sendHeld) counts down from the server's retry_after.
    void followGroup(app::Account& account, qint64 chatId);
    // The usernames of the followed group's members (lowercase), the viewer included: what the
    // message delegate draws as mentions.
    QSet<QString> memberUsernames() const { return m_memberUsernames; }

Q_SIGNALS:
    void sendRequested(const QString& text, qint64 replyTo);
    void editRequested(qint64 messageId, const QString& text);
    // Up in an empty field.
    void editLastRequested();
    // The user is typing: emitted at most once per kTypingIntervalMs.
    void typing();
    // The followed group's members or rules changed (memberUsernames() included).
    void groupChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showBanner(const QString& title, const QString& text);
    void fitHeight();
    void onTextChanged();
    void refreshIcons();
    void refreshRestriction();
    void refreshCountdown();
    bool coolingDown() const;
    void applyGroup();

    QFrame* m_banner;
    QLabel* m_bannerTitle;
    QLabel* m_bannerText;
    QPushButton* m_bannerClose;
    QPlainTextEdit* m_edit;
    QPushButton* m_send;
    QWidget* m_inputRow;
    QLabel* m_countdown;
    QFrame* m_restriction;
    QLabel* m_restrictionText;
    QTimer* m_tick;
    MentionCompleter* m_mentions;
    int m_slowModeS = 0;
    QDeadlineTimer m_cooldown{QDeadlineTimer::Forever};
    bool m_cooling = false;
    qint64 m_mutedUntil = 0;
    bool m_adminsOnly = false;
    app::Account* m_account = nullptr;
    qint64 m_groupId = 0;
    QSet<QString> m_memberUsernames;
    QList<QMetaObject::Connection> m_groupLinks;
    Mode m_mode = Mode::Compose;
    qint64 m_target = 0;
    bool m_programmatic = false;  // setText and clearing do not count as typing
    QElapsedTimer m_lastTyping;
};

}  // namespace client::ui
