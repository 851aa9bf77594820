// The message composer: a growing multi-line field with send button, and the reply or edit banner
// above it. Enter sends, Shift+Enter breaks the line, Up on an empty field asks to edit the last
// own message, Esc cancels a reply or an edit.
#pragma once

#include <QElapsedTimer>
#include <QFrame>

class QLabel;
class QPlainTextEdit;
class QPushButton;

namespace client::ui {

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

Q_SIGNALS:
    void sendRequested(const QString& text, qint64 replyTo);
    void editRequested(qint64 messageId, const QString& text);
    // Up in an empty field.
    void editLastRequested();
    // The user is typing: emitted at most once per kTypingIntervalMs.
    void typing();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    void showBanner(const QString& title, const QString& text);
    void fitHeight();
    void onTextChanged();
    void refreshIcons();

    QFrame* m_banner;
    QLabel* m_bannerTitle;
    QLabel* m_bannerText;
    QPushButton* m_bannerClose;
    QPlainTextEdit* m_edit;
    QPushButton* m_send;
    Mode m_mode = Mode::Compose;
    qint64 m_target = 0;
    bool m_programmatic = false;  // setText and clearing do not count as typing
    QElapsedTimer m_lastTyping;
};

}  // namespace client::ui
