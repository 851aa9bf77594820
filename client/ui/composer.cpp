#include "client/ui/composer.h"

#include <QAbstractTextDocumentLayout>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QTextBlock>
#include <QTextLayout>
#include <QTimer>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/ui/icon_set.h"
#include "client/ui/mention_completer.h"
#include "client/ui/style_hooks.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {

constexpr int kTickMs = 250;

// "45 s", "4:05", "1:00:00".
QString countdownText(int seconds) {
    if (seconds < 60) {
        return Composer::tr("%1 s").arg(seconds);
    }
    const QTime time = QTime(0, 0).addSecs(seconds);
    return seconds < 3600 ? time.toString(QStringLiteral("m:ss"))
                          : time.toString(QStringLiteral("H:mm:ss"));
}

}  // namespace

Composer::Composer(QWidget* parent)
    : QFrame(parent),
      m_banner(new QFrame(this)),
      m_bannerTitle(new QLabel(m_banner)),
      m_bannerText(new QLabel(m_banner)),
      m_bannerClose(new QPushButton(m_banner)),
      m_edit(new QPlainTextEdit(this)),
      m_send(new QPushButton(this)),
      m_inputRow(new QWidget(this)),
      m_countdown(new QLabel(this)),
      m_restriction(new QFrame(this)),
      m_restrictionText(new QLabel(m_restriction)),
      m_tick(new QTimer(this)),
      m_mentions(nullptr) {
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

    m_countdown->setObjectName(QStringLiteral("slowModeCountdown"));
    m_countdown->setAlignment(Qt::AlignCenter);
    m_countdown->setMinimumWidth(44);
    style::set(m_countdown, style::Text::Caption);
    m_countdown->hide();

    m_restriction->setObjectName(QStringLiteral("composerRestriction"));
    style::set(m_restriction, style::Surface::Banner);
    m_restrictionText->setObjectName(QStringLiteral("composerRestrictionText"));
    m_restrictionText->setAlignment(Qt::AlignCenter);
    m_restrictionText->setWordWrap(true);
    style::set(m_restrictionText, style::Text::Secondary);
    auto* restrictionLayout = new QHBoxLayout(m_restriction);
    restrictionLayout->setContentsMargins(12, 11, 12, 11);
    restrictionLayout->addWidget(m_restrictionText);
    m_restriction->hide();

    m_tick->setInterval(kTickMs);
    connect(m_tick, &QTimer::timeout, this, [this] {
        refreshCountdown();
        if (m_mutedUntil > 0 && QDateTime::currentMSecsSinceEpoch() >= m_mutedUntil) {
            m_mutedUntil = 0;
            refreshRestriction();
        }
    });
    m_mentions = new MentionCompleter(m_edit, this);

    auto* row = new QHBoxLayout(m_inputRow);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(8);
    row->addWidget(m_edit, 1, Qt::AlignBottom);
    row->addWidget(m_countdown, 0, Qt::AlignVCenter);
    row->addWidget(m_send, 0, Qt::AlignBottom);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(16, 8, 16, 12);
    layout->setSpacing(6);
    layout->addWidget(m_banner);
    layout->addWidget(m_restriction);
    layout->addWidget(m_inputRow);
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
    refreshCountdown();
}

void Composer::submit() {
    const QString body = text().trimmed();
    if (body.isEmpty() || !canPost() || (m_mode != Mode::Edit && coolingDown())) {
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
        if (m_slowModeS > 0) {
            startCooldown(m_slowModeS * 1000);
        }
        Q_EMIT sendRequested(body, mode == Mode::Reply ? target : 0);
    }
}

void Composer::setSlowMode(int seconds) {
    m_slowModeS = qMax(0, seconds);
    if (m_slowModeS == 0 && m_cooling) {
        m_cooling = false;
        refreshCountdown();
    }
}

void Composer::startCooldown(int milliseconds) {
    if (milliseconds <= 0) {
        return;
    }
    m_cooldown.setRemainingTime(milliseconds);
    m_cooling = true;
    m_tick->start();
    refreshCountdown();
}

bool Composer::coolingDown() const {
    return m_cooling && !m_cooldown.hasExpired();
}

int Composer::cooldownSeconds() const {
    if (!coolingDown()) {
        return 0;
    }
    return static_cast<int>((m_cooldown.remainingTime() + 999) / 1000);
}

void Composer::refreshCountdown() {
    const int left = cooldownSeconds();
    if (left == 0) {
        m_cooling = false;
    }
    m_countdown->setVisible(left > 0);
    m_countdown->setText(countdownText(left));
    m_countdown->setToolTip(left == 0 ? QString()
                            : left == 1
                                ? tr("Slow mode: you may post again in 1 second")
                                : tr("Slow mode: you may post again in %1 seconds").arg(left));
    m_countdown->setAccessibleName(m_countdown->toolTip());
    const bool typed = !text().trimmed().isEmpty();
    m_send->setEnabled(typed && (left == 0 || m_mode == Mode::Edit));
    if (left == 0 && m_mutedUntil == 0) {
        m_tick->stop();
    }
}

void Composer::setMutedUntil(qint64 msSinceEpoch) {
    m_mutedUntil = msSinceEpoch > QDateTime::currentMSecsSinceEpoch() ? msSinceEpoch : 0;
    if (m_mutedUntil > 0) {
        m_tick->start();
    }
    refreshRestriction();
}

void Composer::setAdminsOnly(bool restricted) {
    m_adminsOnly = restricted;
    refreshRestriction();
}

bool Composer::canPost() const {
    return m_mutedUntil == 0 && !m_adminsOnly;
}

QString Composer::restrictionText() const {
    if (m_mutedUntil > 0) {
        const QDateTime until = timefmt::fromMs(m_mutedUntil);
        const bool today = until.date() == QDate::currentDate();
        const QString when = today ? timefmt::messageTime(until)
                                   : QLocale().toString(until, QStringLiteral("d MMM, HH:mm"));
        return tr("You are muted until %1. You can still read the conversation.").arg(when);
    }
    if (m_adminsOnly) {
        return tr("Only admins can post in this group.");
    }
    return {};
}

void Composer::refreshRestriction() {
    const bool blocked = !canPost();
    m_restrictionText->setText(restrictionText());
    m_restriction->setVisible(blocked);
    m_inputRow->setVisible(!blocked);
    if (blocked) {
        m_banner->hide();
        m_mentions->popup()->hide();
    } else if (m_mode != Mode::Compose) {
        m_banner->show();
    }
}

void Composer::setMentionCandidates(const QVector<MentionCandidate>& candidates) {
    m_mentions->setCandidates(candidates);
}

void Composer::followGroup(app::Account& account, qint64 chatId) {
    for (const QMetaObject::Connection& link : m_groupLinks) {
        disconnect(link);
    }
    m_groupLinks.clear();
    m_account = &account;
    m_groupId = chatId;
    if (chatId != 0) {
        cache::ChatCache* cache = &account.chatCache();
        const auto ours = [this](qint64 chat) {
            if (chat == m_groupId) {
                applyGroup();
            }
        };
        m_groupLinks << connect(cache, &cache::ChatCache::chatChanged, this, ours)
                     << connect(cache, &cache::ChatCache::membersReset, this, ours)
                     << connect(cache, &cache::ChatCache::memberChanged, this,
                                [ours](qint64 chat, qint64) { ours(chat); })
                     // The server's word on when the next post may go beats local knowledge.
                     << connect(&account, &app::Account::sendHeld, this,
                                [this](qint64 chat, int milliseconds) {
                                    if (chat == m_groupId) {
                                        startCooldown(milliseconds);
                                    }
                                });
    }
    m_cooling = false;
    if (chatId != 0) {
        startCooldown(account.sendHeldFor(chatId));
    }
    applyGroup();
}

void Composer::applyGroup() {
    const auto group = m_account != nullptr && m_groupId != 0
                           ? m_account->chatCache().group(m_groupId)
                           : std::nullopt;
    QVector<MentionCandidate> candidates;
    QSet<QString> usernames;
    if (!group) {
        setSlowMode(0);
        setAdminsOnly(false);
        setMutedUntil(0);
    } else {
        const protocol::Role role = group->myRole;
        setSlowMode(role < protocol::Role::Moderator ? group->slowModeS : 0);
        setAdminsOnly(group->onlyAdminsPost && role < protocol::Role::Admin);
        qint64 mutedUntil = 0;
        for (const cache::MemberRow& member : m_account->chatCache().members(m_groupId)) {
            usernames.insert(member.user.username.toLower());
            if (member.user.id == m_account->userId()) {
                mutedUntil = member.mutedUntil.value_or(0);
                continue;
            }
            candidates.push_back({member.user.id, member.user.username,
                                  member.user.displayName.isEmpty() ? member.user.username
                                                                    : member.user.displayName});
        }
        setMutedUntil(mutedUntil);
    }
    const bool changed = usernames != m_memberUsernames;
    m_memberUsernames = usernames;
    if (candidates != m_mentions->candidates()) {
        setMentionCandidates(candidates);
    }
    if (changed || group) {
        Q_EMIT groupChanged();
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
        if (m_mentions->handleKey(key)) {
            return true;
        }
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
    m_send->setEnabled(!text().trimmed().isEmpty() && (m_mode == Mode::Edit || !coolingDown()));
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
