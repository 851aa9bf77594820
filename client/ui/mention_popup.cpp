#include "client/ui/mention_popup.h"

#include <QApplication>
#include <QEvent>
#include <QListWidget>
#include <QVBoxLayout>

#include "client/ui/theme.h"

namespace client::ui {

MentionPopup::MentionPopup(QWidget* parent) : QFrame(parent), m_list(new QListWidget(this)) {
    setObjectName(QStringLiteral("mentionPopup"));
    setAttribute(Qt::WA_StyledBackground, true);
    setFocusPolicy(Qt::NoFocus);
    m_list->setObjectName(QStringLiteral("mentionList"));
    m_list->setFocusPolicy(Qt::NoFocus);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setAccessibleName(tr("Members to mention"));
    connect(m_list, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        const int row = m_list->row(item);
        if (row >= 0 && row < m_shown.size()) {
            Q_EMIT picked(m_shown.at(row));
        }
    });
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_list);
    restyle();
    hide();
}

void MentionPopup::setCandidates(const QVector<MentionCandidate>& candidates) {
    m_all = candidates;
}

int MentionPopup::filter(const QString& query) {
    QVector<MentionCandidate> prefix;
    QVector<MentionCandidate> inside;
    for (const MentionCandidate& each : m_all) {
        if (query.isEmpty() || each.username.startsWith(query, Qt::CaseInsensitive) ||
            each.displayName.startsWith(query, Qt::CaseInsensitive)) {
            prefix.push_back(each);
        } else if (each.username.contains(query, Qt::CaseInsensitive) ||
                   each.displayName.contains(query, Qt::CaseInsensitive)) {
            inside.push_back(each);
        }
    }
    m_shown = prefix + inside;
    if (m_shown.size() > kMaxShown) {
        m_shown.resize(kMaxShown);
    }
    m_list->clear();
    for (const MentionCandidate& each : m_shown) {
        auto* item = new QListWidgetItem(
            QStringLiteral("%1   @%2").arg(each.displayName, each.username), m_list);
        item->setToolTip(QStringLiteral("@") + each.username);
    }
    if (!m_shown.isEmpty()) {
        m_list->setCurrentRow(0);
    }
    const int rowHeight = qMax(28, m_list->sizeHintForRow(0));
    setFixedHeight(static_cast<int>(m_shown.size()) * rowHeight + 8 + 2 * m_list->frameWidth());
    return static_cast<int>(m_shown.size());
}

int MentionPopup::shownCount() const {
    return static_cast<int>(m_shown.size());
}

QStringList MentionPopup::shownUsernames() const {
    QStringList names;
    for (const MentionCandidate& each : m_shown) {
        names << each.username;
    }
    return names;
}

void MentionPopup::moveSelection(int delta) {
    const int count = shownCount();
    if (count == 0) {
        return;
    }
    const int row = ((m_list->currentRow() + delta) % count + count) % count;
    m_list->setCurrentRow(row);
}

std::optional<MentionCandidate> MentionPopup::current() const {
    const int row = m_list->currentRow();
    if (row < 0 || row >= m_shown.size()) {
        return std::nullopt;
    }
    return m_shown.at(row);
}

void MentionPopup::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange) {
        restyle();
    }
    QFrame::changeEvent(event);
}

void MentionPopup::restyle() {
    // The application stylesheet has no rule for this popup: its colours come from the theme here.
    const Theme::Colors c = Theme::forPalette(QApplication::palette()).colors();
    const Theme::Radius r = Theme::light().radius();
    const QString sheet =
        QStringLiteral(
            "QFrame#mentionPopup { background: %1; border: 1px solid %2; "
            "border-radius: %3px; }"
            "QListWidget#mentionList { background: transparent; border: none; "
            "outline: none; }"
            "QListWidget#mentionList::item { padding: 5px 8px; border-radius: %4px; "
            "color: %5; }"
            "QListWidget#mentionList::item:selected { background: %6; color: %5; }")
            .arg(c.elevated.name(), c.border.name())
            .arg(r.lg)
            .arg(r.sm)
            .arg(c.text.name(), c.accentSoft.name());
    // Setting a stylesheet changes the palette again: only a new theme restyles.
    if (sheet != m_sheet) {
        m_sheet = sheet;
        setStyleSheet(sheet);
    }
}

}  // namespace client::ui
