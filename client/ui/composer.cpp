#include "client/ui/composer.h"

#include <QAbstractTextDocumentLayout>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QVBoxLayout>

#include "client/ui/icon_set.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

Composer::Composer(QWidget* parent)
    : QFrame(parent),
      m_banner(new QFrame(this)),
      m_bannerTitle(new QLabel(m_banner)),
      m_bannerText(new QLabel(m_banner)),
      m_bannerClose(new QPushButton(m_banner)),
      m_edit(new QPlainTextEdit(this)),
      m_send(new QPushButton(this)) {
    setObjectName(QStringLiteral("composer"));
    setAttribute(Qt::WA_StyledBackground, true);

    m_banner->setObjectName(QStringLiteral("composerBanner"));
    m_banner->setAttribute(Qt::WA_StyledBackground, true);
    m_bannerTitle->setObjectName(QStringLiteral("composerBannerTitle"));
    m_bannerText->setObjectName(QStringLiteral("composerBannerText"));
    m_bannerText->setTextFormat(Qt::PlainText);
    style::set(m_bannerText, style::Text::Secondary);
    m_bannerClose->setObjectName(QStringLiteral("composerBannerClose"));
    m_bannerClose->setToolTip(tr("Cancel (Esc)"));
    m_bannerClose->setAccessibleName(tr("Cancel"));
    m_bannerClose->setCursor(Qt::PointingHandCursor);
    style::set(m_bannerClose, style::Button::Icon);
    connect(m_bannerClose, &QPushButton::clicked, this, &Composer::cancel);
    auto* bannerText = new QVBoxLayout;
    bannerText->setSpacing(0);
    bannerText->addWidget(m_bannerTitle);
    bannerText->addWidget(m_bannerText);
    auto* bannerLayout = new QHBoxLayout(m_banner);
    bannerLayout->setContentsMargins(12, 6, 6, 6);
    bannerLayout->addLayout(bannerText, 1);
    bannerLayout->addWidget(m_bannerClose, 0, Qt::AlignVCenter);
    m_banner->hide();

    m_edit->setObjectName(QStringLiteral("composerEdit"));
    m_edit->setPlaceholderText(tr("Write a message…"));
    m_edit->setTabChangesFocus(true);
    m_edit->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_edit->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_edit->setAccessibleName(tr("Message"));
    m_edit->installEventFilter(this);
    connect(m_edit, &QPlainTextEdit::textChanged, this, &Composer::onTextChanged);

    m_send->setObjectName(QStringLiteral("sendButton"));
    m_send->setToolTip(tr("Send (Enter)"));
    m_send->setAccessibleName(tr("Send"));
    m_send->setCursor(Qt::PointingHandCursor);
    m_send->setFixedSize(40, 40);
    m_send->setIconSize(QSize(20, 20));
    m_send->setEnabled(false);
    connect(m_send, &QPushButton::clicked, this, &Composer::submit);

    auto* row = new QHBoxLayout;
    row->setSpacing(8);
    row->addWidget(m_edit, 1, Qt::AlignBottom);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 12);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addLayout(row);
    fitHeight();
    refreshIcons();
}

QString Composer::text() const {
    return m_edit->toPlainText();
}

void Composer::setText(const QString& text) {
    m_programmatic = true;
    m_edit->setPlainText(text);
    m_edit->moveCursor(QTextCursor::End);
    m_programmatic = false;
    fitHeight();
}

void Composer::setPlaceholder(const QString& text) {
    m_edit->setPlaceholderText(text);
}

void Composer::startReply(qint64 messageId, const QString& sender, const QString& text) {
    if (m_mode == Mode::Edit) {
        setText({});
    }
    m_mode = Mode::Reply;
    m_target = messageId;
    showBanner(tr("Reply to %1").arg(sender), text);
    m_edit->setFocus();
}

void Composer::startEdit(qint64 messageId, const QString& text) {
    m_mode = Mode::Edit;
    m_target = messageId;
    showBanner(tr("Edit message"), text);
    setText(text);
    m_edit->setFocus();
}

void Composer::cancel() {
    if (m_mode == Mode::Edit) {
        setText({});
    }
    m_mode = Mode::Compose;
    m_target = 0;
    m_banner->hide();
}

void Composer::submit() {
    const QString body = text().trimmed();
    if (body.isEmpty()) {
        return;
    }
    const Mode mode = m_mode;
    const qint64 target = m_target;
    m_mode = Mode::Compose;
    m_target = 0;
    m_banner->hide();
    setText({});
    if (mode == Mode::Edit) {
        Q_EMIT editRequested(target, body);
    } else {
        Q_EMIT sendRequested(body, mode == Mode::Reply ? target : 0);
    }
}

void Composer::showBanner(const QString& title, const QString& text) {
    m_bannerTitle->setText(title);
    const QString flat = text.simplified();
    m_bannerText->setText(
        m_bannerText->fontMetrics().elidedText(flat, Qt::ElideRight, qMax(200, width() - 120)));
    m_banner->show();
}

bool Composer::eventFilter(QObject* watched, QEvent* event) {
    if (watched == m_edit && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        const bool enter = key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter;
        if (enter && key->modifiers().testFlag(Qt::ShiftModifier)) {
            m_edit->textCursor().insertText(QStringLiteral("\n"));
            return true;
        }
        if (enter && !key->modifiers().testAnyFlags(Qt::ControlModifier | Qt::AltModifier |
                                                    Qt::MetaModifier)) {
            submit();
            return true;
        }
        if (key->key() == Qt::Key_Escape && m_mode != Mode::Compose) {
            cancel();
            return true;
        }
        if (key->key() == Qt::Key_Up && key->modifiers() == Qt::NoModifier &&
            m_mode == Mode::Compose && text().isEmpty()) {
            Q_EMIT editLastRequested();
            return true;
        }
    }
    return QFrame::eventFilter(watched, event);
}

void Composer::onTextChanged() {
    fitHeight();
    m_send->setEnabled(!text().trimmed().isEmpty());
    if (m_programmatic || text().isEmpty()) {
        return;
    }
    if (!m_lastTyping.isValid() || m_lastTyping.elapsed() >= kTypingIntervalMs) {
        m_lastTyping.start();
        Q_EMIT typing();
    }
}

void Composer::fitHeight() {
    // Visual lines, wrapped ones included; an empty field is one line.
    int lines = 0;
    for (QTextBlock block = m_edit->document()->begin(); block.isValid(); block = block.next()) {
        lines += qMax(1, block.layout() != nullptr ? block.layout()->lineCount() : 1);
    }
    lines = qBound(1, lines, kMaxLines);
    const QFontMetrics fm(m_edit->font());
    // The stylesheet's border and padding are the frame's contents margins, per side.
    const QMargins frame = m_edit->contentsMargins();
    const int chrome = static_cast<int>(2 * m_edit->document()->documentMargin()) + frame.top() +
                       frame.bottom() + 6;
    m_edit->setFixedHeight(qMax(40, lines * fm.lineSpacing() + chrome));
}

void Composer::resizeEvent(QResizeEvent* event) {
    QFrame::resizeEvent(event);
    fitHeight();  // a new width re-wraps the text
}

void Composer::changeEvent(QEvent* event) {
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        refreshIcons();
        fitHeight();
    }
    QFrame::changeEvent(event);
}

void Composer::refreshIcons() {
    m_send->setIcon(
        IconSet::icon(IconSet::Glyph::Send, palette().color(QPalette::HighlightedText)));
    m_bannerClose->setIcon(
        IconSet::icon(IconSet::Glyph::Close, palette().color(QPalette::PlaceholderText), 18));
}

}  // namespace client::ui
