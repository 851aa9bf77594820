#include "client/ui/message_search_panel.h"

#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QVBoxLayout>

#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

MessageSearchPanel::MessageSearchPanel(Search search, QWidget* parent)
    : QFrame(parent),
      m_search(std::move(search)),
      m_field(new QLineEdit(this)),
      m_results(new QListWidget(this)),
      m_empty(new QLabel(this)) {
    setObjectName(QStringLiteral("searchPanel"));
    setAttribute(Qt::WA_StyledBackground, true);
    m_field->setObjectName(QStringLiteral("messageSearchEdit"));
    m_field->setPlaceholderText(tr("Search in this chat"));
    m_field->setClearButtonEnabled(true);
    m_field->installEventFilter(this);
    m_results->setObjectName(QStringLiteral("searchResults"));
    m_results->setWordWrap(true);
    m_results->setTextElideMode(Qt::ElideRight);
    m_results->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_empty->setObjectName(QStringLiteral("searchEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    style::set(m_empty, style::Text::Muted);
    m_empty->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(10, 10, 10, 10);
    layout->setSpacing(6);
    layout->addWidget(m_field);
    layout->addWidget(m_empty);
    layout->addWidget(m_results, 1);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(200);
    connect(&m_debounce, &QTimer::timeout, this, &MessageSearchPanel::searchNow);
    connect(m_field, &QLineEdit::textChanged, this, [this] { m_debounce.start(); });
    connect(m_results, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        Q_EMIT messageChosen(item->data(Qt::UserRole).toLongLong());
    });
    connect(m_results, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        Q_EMIT messageChosen(item->data(Qt::UserRole).toLongLong());
    });
    QFrame::hide();
}

void MessageSearchPanel::open() {
    show();
    raise();
    m_field->setFocus(Qt::ShortcutFocusReason);
    m_field->selectAll();
}

void MessageSearchPanel::close() {
    m_debounce.stop();
    m_field->clear();
    m_results->clear();
    m_empty->hide();
    hide();
    Q_EMIT closed();
}

void MessageSearchPanel::searchNow() {
    m_debounce.stop();
    m_results->clear();
    const QString words = m_field->text().trimmed();
    if (words.isEmpty()) {
        m_empty->hide();
        return;
    }
    for (const cache::MessageRow& row : m_search(words)) {
        const QString when = timefmt::rowTime(timefmt::fromMs(row.ts));
        auto* item = new QListWidgetItem(
            QStringLiteral("%1 · %2\n%3").arg(row.senderName, when, row.text.simplified()),
            m_results);
        item->setData(Qt::UserRole, row.id);
        item->setSizeHint(QSize(0, 48));
    }
    m_empty->setText(tr("No messages match “%1”").arg(words));
    m_empty->setVisible(m_results->count() == 0);
}

bool MessageSearchPanel::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_field && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Escape) {
            close();
            return true;
        }
        if ((key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)) {
            searchNow();
            if (m_results->count() > 0) {
                Q_EMIT messageChosen(m_results->item(0)->data(Qt::UserRole).toLongLong());
            }
            return true;
        }
        if (key->key() == Qt::Key_Down && m_results->count() > 0) {
            m_results->setFocus();
            m_results->setCurrentRow(0);
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

}  // namespace client::ui
