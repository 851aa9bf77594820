// The list of members that completes an `@` being typed in the composer: filtered as the user
// types, driven by the composer's keys (it never takes the focus from the text field).
#pragma once

#include <QFrame>
#include <QString>
#include <QVector>
#include <optional>

class QListWidget;

namespace client::ui {

struct MentionCandidate {
    qint64 userId = 0;
    QString username;
    QString displayName;
    bool operator==(const MentionCandidate&) const = default;
};

class MentionPopup : public QFrame {
    Q_OBJECT
public:
    static constexpr int kMaxShown = 8;

    explicit MentionPopup(QWidget* parent = nullptr);

    void setCandidates(const QVector<MentionCandidate>& candidates);
    // Keeps the candidates whose username or display name starts with `query` (any case), then
    // those that contain it; selects the first. Returns how many are shown.
    int filter(const QString& query);
    int shownCount() const;
    // The usernames shown, in order.
    QStringList shownUsernames() const;
    // Moves the selection by `delta`, wrapping around.
    void moveSelection(int delta);
    std::optional<MentionCandidate> current() const;
    QListWidget* list() const { return m_list; }

Q_SIGNALS:
    // A row was clicked.
    void picked(const client::ui::MentionCandidate& candidate);

protected:
    void changeEvent(QEvent* event) override;

private:
    void restyle();

    QListWidget* m_list;
    QVector<MentionCandidate> m_all;
    QVector<MentionCandidate> m_shown;
    QString m_sheet;
};

}  // namespace client::ui
