// Paints a person row of the contacts view (avatar, name, status line, action buttons on the
// right) and turns clicks on its painted buttons into actionTriggered.
#pragma once

#include <QStyledItemDelegate>
#include <functional>

namespace client::ui {

class ContactDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    struct Button {
        enum class Style { Primary, Secondary, Danger, Chip };  // a chip is a state, not clickable
        QString id;
        QString label;
        Style style = Style::Secondary;
    };
    struct Row {
        QString name;
        qint64 seed = 0;
        QString subtitle;
        bool online = false;
        QVector<Button> buttons;
    };
    using Describe = std::function<Row(const QModelIndex&)>;

    static constexpr int kRowHeight = 64;

    explicit ContactDelegate(Describe describe, QObject* parent = nullptr);

    void paint(QPainter* painter, const QStyleOptionViewItem& option,
               const QModelIndex& index) const override;
    QSize sizeHint(const QStyleOptionViewItem& option, const QModelIndex& index) const override;
    bool editorEvent(QEvent* event, QAbstractItemModel* model, const QStyleOptionViewItem& option,
                     const QModelIndex& index) override;

    // Where each button of the row sits, right to left as laid out.
    QVector<QRectF> buttonRects(const QStyleOptionViewItem& option, const Row& row) const;
    Row describe(const QModelIndex& index) const { return m_describe(index); }

Q_SIGNALS:
    // `anchor` is the button's rect in the view's viewport, for menus.
    void actionTriggered(const QModelIndex& index, const QString& actionId, const QRect& anchor);

private:
    Describe m_describe;
};

}  // namespace client::ui
