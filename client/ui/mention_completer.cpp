#include "client/ui/mention_completer.h"

#include <QKeyEvent>
#include <QPlainTextEdit>
#include <QTextCursor>

#include "client/ui/mention_scanner.h"

namespace client::ui {

namespace {

constexpr int kPopupWidth = 320;

}  // namespace

MentionCompleter::MentionCompleter(QPlainTextEdit* edit, QWidget* anchor)
    : QObject(anchor), m_edit(edit), m_anchor(anchor), m_popup(new MentionPopup) {
    connect(m_edit, &QPlainTextEdit::textChanged, this, &MentionCompleter::refresh);
    connect(m_edit, &QPlainTextEdit::cursorPositionChanged, this, &MentionCompleter::refresh);
    connect(m_popup, &MentionPopup::picked, this, &MentionCompleter::complete);
}

MentionCompleter::~MentionCompleter() {
    // The popup lives in the window, which may outlive the composer.
    delete m_popup.data();
}

void MentionCompleter::setCandidates(const QVector<MentionCandidate>& candidates) {
    m_candidates = candidates;
    m_popup->setCandidates(candidates);
    refresh();
}

bool MentionCompleter::isActive() const {
    return m_popup != nullptr && m_popup->isVisible();
}

bool MentionCompleter::handleKey(QKeyEvent* key) {
    if (!isActive()) {
        return false;
    }
    switch (key->key()) {
        case Qt::Key_Up:
            m_popup->moveSelection(-1);
            return true;
        case Qt::Key_Down:
            m_popup->moveSelection(1);
            return true;
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
            if (const auto chosen = m_popup->current()) {
                complete(*chosen);
                return true;
            }
            return false;
        case Qt::Key_Escape: {
            const auto typed =
                mention::typedAt(m_edit->toPlainText(), m_edit->textCursor().position());
            m_dismissedAt = typed ? typed->start : -1;
            m_popup->hide();
            return true;
        }
        default:
            return false;
    }
}

void MentionCompleter::complete(const MentionCandidate& candidate) {
    QTextCursor cursor = m_edit->textCursor();
    const auto typed = mention::typedAt(m_edit->toPlainText(), cursor.position());
    if (!typed) {
        return;
    }
    cursor.setPosition(typed->start);
    cursor.setPosition(typed->start + 1 + static_cast<int>(typed->query.size()),
                       QTextCursor::KeepAnchor);
    cursor.insertText(QStringLiteral("@%1 ").arg(candidate.username));
    m_edit->setTextCursor(cursor);
    m_popup->hide();
}

void MentionCompleter::refresh() {
    if (m_popup == nullptr) {
        return;
    }
    const auto typed = mention::typedAt(m_edit->toPlainText(), m_edit->textCursor().position());
    if (!typed) {
        m_dismissedAt = -1;
    }
    if (!typed || typed->start == m_dismissedAt || m_candidates.isEmpty() || !m_edit->isVisible() ||
        m_popup->filter(typed->query) == 0) {
        m_popup->hide();
        return;
    }
    place();
    m_popup->show();
    m_popup->raise();
}

void MentionCompleter::place() {
    QWidget* window = m_anchor->window();
    if (m_popup->parentWidget() != window) {
        m_popup->setParent(window);
    }
    const int width = qMin(kPopupWidth, qMax(160, m_anchor->width() - 32));
    const QPoint topLeft = m_anchor->mapTo(window, QPoint(16, 0));
    m_popup->setFixedWidth(width);
    m_popup->move(topLeft.x(), qMax(0, topLeft.y() - m_popup->height() - 4));
}

}  // namespace client::ui
