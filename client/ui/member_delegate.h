// Paints one member of a group from a MemberListModel: a role heading above the first of each
// role, then avatar with presence dot, name, "@username · muted" and "you".
#pragma once

#include <QStyledItemDelegate>

namespace client::ui {

class MemberDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    static constexpr int kRowHeight = 48;
    static constexpr int kSectionHeight = 30;
    static constexpr int kAvatarSize = 32;

    explicit MemberDelegate(QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;

    // "ADMINS — 4"
    static QString sectionText(const QModelIndex& index);
    // "Bo, moderator, online, muted"
    static QString accessibleText(const QModelIndex& index);
};

}  // namespace client::ui
