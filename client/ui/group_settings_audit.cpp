#include "client/ui/group_settings_audit.h"

#include <QApplication>
#include <QComboBox>
#include <QHBoxLayout>
#include <QListView>
#include <QPainter>
#include <QPushButton>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include "client/app/account.h"
#include "client/app/group_actions.h"
#include "client/ui/style_hooks.h"
#include "client/ui/theme.h"
#include "client/ui/time_format.h"

namespace client::ui {

namespace {

using Model = models::AuditLogModel;

// One entry: the sentence on the left, its time on the right, a hairline below.
class AuditEntryDelegate : public QStyledItemDelegate {
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override {
        const Theme theme = Theme::forPalette(QApplication::palette());
        const Theme::Colors& c = theme.colors();
        painter->save();
        const QRect r = option.rect.adjusted(8, 0, -8, 0);
        QFont small = option.font;
        small.setPixelSize(theme.type().caption);
        const QString when =
            timefmt::rowTime(timefmt::fromMs(index.data(Model::TimestampMsRole).toLongLong()));
        const int whenWidth = QFontMetrics(small).horizontalAdvance(when) + 12;
        painter->setFont(option.font);
        painter->setPen(c.text);
        const QRect textRect(r.left(), r.top(), r.width() - whenWidth, r.height());
        painter->drawText(textRect, Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(index.data(Model::TextRole).toString(),
                                                        Qt::ElideRight, textRect.width()));
        painter->setFont(small);
        painter->setPen(c.textMuted);
        painter->drawText(r, Qt::AlignRight | Qt::AlignVCenter, when);
        painter->setPen(c.border);
        painter->drawLine(r.bottomLeft(), r.bottomRight());
        painter->restore();
    }

    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex&) const override {
        return {option.rect.width(), 40};
    }
};

}  // namespace

GroupSettingsAudit::GroupSettingsAudit(app::Account& account, app::GroupActions& actions,
                                       qint64 chatId, QWidget* parent)
    : GroupSettingsPage(account, actions, chatId, QStringLiteral("audit"), tr("Audit log"), parent),
      m_model([this](qint64 id) { return nameOf(id); }),
      m_action(new QComboBox(this)),
      m_member(new QComboBox(this)),
      m_list(new QListView(this)),
      m_more(new QPushButton(tr("Load older entries"), this)) {
    m_action->setObjectName(QStringLiteral("auditActionFilter"));
    styleField(m_action);
    m_action->setAccessibleName(tr("Filter by action"));
    m_action->addItem(tr("All actions"), QString());
    for (const auto& [action, label] : Model::actions()) {
        m_action->addItem(label, action);
    }
    m_member->setObjectName(QStringLiteral("auditMemberFilter"));
    styleField(m_member);
    m_member->setAccessibleName(tr("Filter by member"));
    connect(m_action, &QComboBox::currentIndexChanged, this,
            [this] { m_model.setActionFilter(m_action->currentData().toString()); });
    connect(m_member, &QComboBox::currentIndexChanged, this,
            [this] { m_model.setMemberFilter(m_member->currentData().toLongLong()); });

    m_list->setObjectName(QStringLiteral("auditList"));
    m_list->setModel(&m_model);
    m_list->setItemDelegate(new AuditEntryDelegate(m_list));
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setFrameShape(QFrame::NoFrame);
    m_list->setUniformItemSizes(true);
    m_list->setStyleSheet(QStringLiteral("QListView { background: transparent; border: none; }"));
    m_more->setObjectName(QStringLiteral("auditMoreButton"));
    m_more->setCursor(Qt::PointingHandCursor);
    style::set(m_more, style::Button::Ghost);
    m_more->hide();
    connect(m_more, &QPushButton::clicked, this, &GroupSettingsAudit::loadOlder);

    connect(&actions, &app::GroupActions::auditLoaded, this,
            [this](qint64 chat, const net::AuditQuery& query,
                   const std::vector<protocol::AuditEntry>& entries) {
                if (chat != this->chatId()) {
                    return;
                }
                m_loading = false;
                if (query.before == 0) {
                    m_model.clear();
                }
                m_model.appendPage(entries, static_cast<int>(entries.size()) >= query.limit);
                m_more->setVisible(m_model.hasMore());
            });
    connect(&actions, &app::GroupActions::failed, this,
            [this](app::GroupActions::Op op, qint64 chat, qint64, const QString& message) {
                if (chat == this->chatId() && op == app::GroupActions::Op::Audit) {
                    m_loading = false;
                    setError(message);
                }
            });
    connect(&account.chatCache(), &cache::ChatCache::membersReset, this, [this](qint64 chat) {
        if (chat == this->chatId()) {
            fillMembers();
        }
    });

    auto* filters = new QHBoxLayout;
    filters->setSpacing(8);
    filters->addWidget(m_action, 1);
    filters->addWidget(m_member, 1);
    body()->addLayout(filters);
    body()->addWidget(m_list, 1);
    body()->addWidget(m_more, 0, Qt::AlignHCenter);
    fillMembers();
}

void GroupSettingsAudit::refresh(const cache::GroupRow&) {}

void GroupSettingsAudit::reload() {
    if (m_loading) {
        return;
    }
    m_loading = true;
    setError({});
    net::AuditQuery query;
    query.limit = Model::kPageSize;
    actions().fetchAudit(chatId(), query);
}

void GroupSettingsAudit::loadOlder() {
    if (m_loading || !m_model.hasMore()) {
        return;
    }
    m_loading = true;
    net::AuditQuery query;
    query.before = m_model.oldestId();
    query.limit = Model::kPageSize;
    actions().fetchAudit(chatId(), query);
}

void GroupSettingsAudit::fillMembers() {
    const qint64 chosen = m_member->currentData().toLongLong();
    const QSignalBlocker block(m_member);
    m_member->clear();
    m_member->addItem(tr("Every member"), qint64{0});
    for (const cache::MemberRow& member : account().chatCache().members(chatId())) {
        const QString name =
            member.user.displayName.isEmpty() ? member.user.username : member.user.displayName;
        m_member->addItem(name, member.user.id);
    }
    const int again = m_member->findData(chosen);
    m_member->setCurrentIndex(qMax(0, again));
    m_model.setMemberFilter(m_member->currentData().toLongLong());
}

}  // namespace client::ui
