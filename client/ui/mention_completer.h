// Completes `@` mentions in a text field: watches what is typed, shows the MentionPopup above
// the anchor filtered by the word after the '@', and replaces that word with `@username `.
#pragma once

#include <QObject>
#include <QPointer>
#include <QVector>

#include "client/ui/mention_popup.h"

class QKeyEvent;
class QPlainTextEdit;

namespace client::ui {

class MentionCompleter : public QObject {
    Q_OBJECT
public:
    // The popup is shown in `edit`'s window, just above `anchor` (the composer).
    MentionCompleter(QPlainTextEdit* edit, QWidget* anchor);
    ~MentionCompleter() override;

    void setCandidates(const QVector<MentionCandidate>& candidates);
    const QVector<MentionCandidate>& candidates() const { return m_candidates; }
    MentionPopup* popup() const { return m_popup; }
    bool isActive() const;
    // A key pressed in the field: Up/Down move the selection, Enter/Tab insert it, Esc closes
    // the popup. True when the key was used (the field must not see it).
    bool handleKey(QKeyEvent* key);
    // Replaces the typed `@word` with `@username ` and closes the popup.
    void complete(const MentionCandidate& candidate);
    // Re-reads the field (after its text or cursor moved).
    void refresh();

private:
    void place();

    QPlainTextEdit* m_edit;
    QWidget* m_anchor;
    QPointer<MentionPopup> m_popup;
    QVector<MentionCandidate> m_candidates;
    int m_dismissedAt = -1;  // the '@' whose popup Esc closed: not shown again for it
};

}  // namespace client::ui
