#include "client/ui/create_group_dialog.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/form_field.h"
#include "client/ui/style_hooks.h"

namespace client::ui {
namespace {

// PROTOCOL.md leaves the limits to the server; these match it (docs/protocol.md).
constexpr int kNameMax = 64;
constexpr int kDescriptionMax = 500;
constexpr int kUserIdRole = Qt::UserRole + 1;
constexpr int kSearchTextRole = Qt::UserRole + 2;
constexpr int kFriendRowHeight = 34;

// "name: must not be empty." as the server words it, split into field and sentence.
std::pair<QString, QString> fieldOf(const QString& message) {
    const qsizetype colon = message.indexOf(QStringLiteral(": "));
    if (colon <= 0) {
        return {QString(), message};
    }
    const QString field = message.left(colon).toLower();
    QString rest = message.mid(colon + 2);
    if (!rest.isEmpty()) {
        rest[0] = rest[0].toUpper();
    }
    return {field, rest};
}

}  // namespace

CreateGroupDialog* CreateGroupDialog::open(QWidget* anchor, app::Account& account) {
    auto* dialog = new CreateGroupDialog(anchor->window(), account, 0);
    dialog->show();
    dialog->raise();
    dialog->m_name->edit()->setFocus();
    return dialog;
}

CreateGroupDialog* CreateGroupDialog::openAddMembers(QWidget* anchor, app::Account& account,
                                                     qint64 chatId) {
    auto* dialog = new CreateGroupDialog(anchor->window(), account, chatId);
    dialog->show();
    dialog->raise();
    dialog->m_filter->setFocus();
    return dialog;
}

CreateGroupDialog::CreateGroupDialog(QWidget* window, app::Account& account, qint64 addToChat)
    : QWidget(window),
      m_account(account),
      m_actions(account),
      m_card(new QFrame(this)),
      m_name(new FormField(tr("Group name"), QStringLiteral("groupNameEdit"),
                           QStringLiteral("groupNameError"), m_card)),
      m_description(new FormField(tr("Description (optional)"),
                                  QStringLiteral("groupDescriptionEdit"),
                                  QStringLiteral("groupDescriptionError"), m_card)),
      m_filter(new QLineEdit(m_card)),
      m_friends(new QListWidget(m_card)),
      m_pickedCount(new QLabel(m_card)),
      m_membersError(new QLabel(m_card)),
      m_error(new QLabel(m_card)),
      m_create(new QPushButton(tr("Create group"), m_card)),
      m_cancel(new QPushButton(tr("Cancel"), m_card)),
      m_addTo(addToChat) {
    setObjectName(QStringLiteral("createGroupDialog"));
    setAttribute(Qt::WA_DeleteOnClose);
    setGeometry(window->rect());
    window->installEventFilter(this);

    m_card->setObjectName(QStringLiteral("createGroupCard"));
    style::set(m_card, style::Surface::Card);
    m_card->setFixedWidth(440);
    auto* heading = new QLabel(tr("New group"), m_card);
    style::set(heading, style::Text::Headline);
    auto* hint =
        new QLabel(tr("Pick the friends to start with; admins can add more later."), m_card);
    hint->setWordWrap(true);
    style::set(hint, style::Text::Secondary);

    m_name->edit()->setMaxLength(kNameMax);
    m_name->edit()->setPlaceholderText(tr("Weekend climbers"));
    m_description->edit()->setMaxLength(kDescriptionMax);
    m_description->edit()->setPlaceholderText(tr("What the group is about"));

    auto* friendsLabel = new QLabel(tr("Members").toUpper(), m_card);
    style::set(friendsLabel, style::Text::Section);
    m_pickedCount->setObjectName(QStringLiteral("pickedCount"));
    style::set(m_pickedCount, style::Text::Caption);
    m_filter->setObjectName(QStringLiteral("friendFilterEdit"));
    m_filter->setPlaceholderText(tr("Filter friends"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setAccessibleName(tr("Filter friends"));
    m_filter->installEventFilter(this);
    m_friends->setObjectName(QStringLiteral("friendPickList"));
    m_friends->setAccessibleName(tr("Friends to add"));
    m_friends->setMinimumHeight(180);
    m_friends->setSelectionMode(QAbstractItemView::NoSelection);
    m_friends->setFocusPolicy(Qt::StrongFocus);
    m_friends->setFrameShape(QFrame::NoFrame);
    m_friends->viewport()->setAutoFillBackground(false);
    for (QLabel* error : {m_membersError, m_error}) {
        error->setWordWrap(true);
        error->setTextFormat(Qt::PlainText);
        error->hide();
        style::set(error, style::Text::Error);
    }
    m_membersError->setObjectName(QStringLiteral("groupMembersError"));
    m_error->setObjectName(QStringLiteral("createGroupError"));

    m_create->setObjectName(QStringLiteral("createGroupButton"));
    m_cancel->setObjectName(QStringLiteral("cancelGroupButton"));
    style::set(m_create, style::Button::Primary);
    style::set(m_cancel, style::Button::Ghost);
    for (QPushButton* button : {m_create, m_cancel}) {
        button->setCursor(Qt::PointingHandCursor);
        button->setAutoDefault(false);
    }
    connect(m_cancel, &QPushButton::clicked, this, &QWidget::close);
    connect(m_create, &QPushButton::clicked, this, &CreateGroupDialog::submit);
    connect(m_name->edit(), &QLineEdit::returnPressed, this, &CreateGroupDialog::submit);
    connect(m_description->edit(), &QLineEdit::returnPressed, this, &CreateGroupDialog::submit);
    connect(m_filter, &QLineEdit::textChanged, this, &CreateGroupDialog::applyFilter);
    connect(m_friends, &QListWidget::itemClicked, this, [this](QListWidgetItem* item) {
        // A click anywhere on the row ticks it, not only on the box.
        if (!(item->flags() & Qt::ItemIsUserCheckable)) {
            return;
        }
        item->setCheckState(item->checkState() == Qt::Checked ? Qt::Unchecked : Qt::Checked);
    });
    connect(m_friends, &QListWidget::itemChanged, this, [this] {
        m_membersError->hide();
        refreshCount();
    });
    connect(&m_actions, &app::GroupActions::groupCreated, this, [this](qint64 chatId) {
        Q_EMIT created(chatId);
        close();
    });
    connect(&m_actions, &app::GroupActions::succeeded, this, [this](app::GroupActions::Op op) {
        if (op == app::GroupActions::Op::AddMember) {
            onAdded();
        }
    });
    connect(&m_actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64, qint64, const QString& message) {
                onFailed(op, message);
            });

    auto* countRow = new QHBoxLayout;
    countRow->addWidget(friendsLabel);
    countRow->addStretch(1);
    countRow->addWidget(m_pickedCount);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_create);
    auto* layout = new QVBoxLayout(m_card);
    layout->setContentsMargins(24, 22, 24, 20);
    layout->setSpacing(10);
    layout->addWidget(heading);
    layout->addWidget(hint);
    layout->addSpacing(4);
    layout->addWidget(m_name);
    layout->addWidget(m_description);
    layout->addLayout(countRow);
    layout->addWidget(m_filter);
    layout->addWidget(m_friends, 1);
    layout->addWidget(m_membersError);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addLayout(buttons);

    auto* outer = new QVBoxLayout(this);
    outer->addStretch(1);
    outer->addWidget(m_card, 0, Qt::AlignHCenter);
    outer->addStretch(2);

    if (m_addTo != 0) {
        const auto group = m_account.chatCache().group(m_addTo);
        heading->setText(tr("Add members"));
        hint->setText(tr("Friends who are not in %1 yet.").arg(group ? group->name : QString()));
        m_name->hide();
        m_description->hide();
        m_create->setText(tr("Add"));
    }
    fillFriends();
    refreshCount();
}

void CreateGroupDialog::fillFriends() {
    const auto friends = m_account.chatCache().friends();
    for (const auto& entry : friends) {
        if (m_addTo != 0 && m_account.chatCache().member(m_addTo, entry.user.id)) {
            continue;
        }
        const QString name =
            entry.user.displayName.isEmpty() ? entry.user.username : entry.user.displayName;
        auto* item = new QListWidgetItem(
            QStringLiteral("%1  ·  @%2").arg(name, entry.user.username), m_friends);
        item->setSizeHint(QSize(0, kFriendRowHeight));
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        item->setCheckState(Qt::Unchecked);
        item->setData(kUserIdRole, entry.user.id);
        item->setData(kSearchTextRole, (name + QLatin1Char(' ') + entry.user.username).toLower());
    }
    if (m_friends->count() == 0) {
        auto* none =
            new QListWidgetItem(tr("No friends yet: add some from the Friends view."), m_friends);
        none->setFlags(Qt::NoItemFlags);
    }
}

void CreateGroupDialog::applyFilter(const QString& text) {
    const QString needle = text.trimmed().toLower();
    for (int row = 0; row < m_friends->count(); ++row) {
        QListWidgetItem* item = m_friends->item(row);
        const bool isFriend = item->data(kUserIdRole).isValid();
        item->setHidden(isFriend && !needle.isEmpty() &&
                        !item->data(kSearchTextRole).toString().contains(needle));
    }
}

void CreateGroupDialog::refreshCount() {
    const auto count = picked().size();
    m_pickedCount->setText(count == 0 ? tr("none picked") : tr("%1 picked").arg(count));
}

void CreateGroupDialog::setPicked(qint64 userId, bool on) {
    for (int row = 0; row < m_friends->count(); ++row) {
        QListWidgetItem* item = m_friends->item(row);
        if (item->data(kUserIdRole).toLongLong() == userId) {
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
}

std::vector<qint64> CreateGroupDialog::picked() const {
    std::vector<qint64> ids;
    for (int row = 0; row < m_friends->count(); ++row) {
        const QListWidgetItem* item = m_friends->item(row);
        if (item->checkState() == Qt::Checked && item->data(kUserIdRole).isValid()) {
            ids.push_back(item->data(kUserIdRole).toLongLong());
        }
    }
    return ids;
}

void CreateGroupDialog::submit() {
    if (m_busy) {
        return;
    }
    m_error->hide();
    if (m_addTo != 0) {
        const std::vector<qint64> ids = picked();
        if (ids.empty()) {
            m_membersError->setText(tr("Pick at least one friend."));
            m_membersError->show();
            return;
        }
        m_busy = true;
        m_pending = static_cast<int>(ids.size());
        m_create->setEnabled(false);
        for (qint64 id : ids) {
            m_actions.addMember(m_addTo, id);
        }
        return;
    }
    const QString name = m_name->text().trimmed();
    if (name.isEmpty()) {
        m_name->setError(tr("Give the group a name."));
        m_name->edit()->setFocus();
        return;
    }
    m_busy = true;
    m_create->setEnabled(false);
    m_create->setText(tr("Creating…"));
    m_actions.createGroup(name, m_description->text(), picked());
}

void CreateGroupDialog::onAdded() {
    if (--m_pending > 0) {
        return;
    }
    Q_EMIT membersAdded(m_addTo);
    close();
}

void CreateGroupDialog::onFailed(app::GroupActions::Op op, const QString& message) {
    if (op == app::GroupActions::Op::AddMember) {
        // The others may still be added; what was refused is said, and the card stays open.
        --m_pending;
        m_busy = m_pending > 0;
        m_create->setEnabled(!m_busy);
        m_error->setText(message);
        m_error->show();
        return;
    }
    m_busy = false;
    m_create->setEnabled(true);
    m_create->setText(tr("Create group"));
    const auto [field, sentence] = fieldOf(message);
    if (field == QLatin1String("name")) {
        m_name->setError(sentence);
        m_name->edit()->setFocus();
    } else if (field == QLatin1String("description")) {
        m_description->setError(sentence);
        m_description->edit()->setFocus();
    } else if (field.startsWith(QLatin1String("members"))) {
        m_membersError->setText(sentence);
        m_membersError->show();
    } else {
        m_error->setText(message);
        m_error->show();
    }
}

void CreateGroupDialog::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.fillRect(rect(), QColor(0, 0, 0, 110));
}

bool CreateGroupDialog::eventFilter(QObject* watched, QEvent* event) {
    if (watched == parent() && event->type() == QEvent::Resize) {
        setGeometry(parentWidget()->rect());
    }
    if (watched == m_filter && event->type() == QEvent::KeyPress) {
        const auto* key = static_cast<QKeyEvent*>(event);
        if (key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter) {
            // Enter in the filter ticks the single match, else creates.
            QListWidgetItem* only = nullptr;
            int shown = 0;
            for (int row = 0; row < m_friends->count(); ++row) {
                if (!m_friends->item(row)->isHidden()) {
                    only = m_friends->item(row);
                    ++shown;
                }
            }
            if (shown == 1 && !m_filter->text().trimmed().isEmpty() &&
                (only->flags() & Qt::ItemIsUserCheckable)) {
                only->setCheckState(Qt::Checked);
                m_filter->clear();
            } else {
                submit();
            }
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

void CreateGroupDialog::keyPressEvent(QKeyEvent* event) {
    if (event->key() == Qt::Key_Escape) {
        close();
        return;
    }
    if (event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter) {
        submit();
        return;
    }
    QWidget::keyPressEvent(event);
}

void CreateGroupDialog::mousePressEvent(QMouseEvent* event) {
    if (!m_card->geometry().contains(event->position().toPoint())) {
        close();
    }
}

}  // namespace client::ui
