#include "client/ui/segmented_control.h"

#include <QButtonGroup>
#include <QHBoxLayout>
#include <QPushButton>

namespace client::ui {

SegmentedControl::SegmentedControl(const QStringList& labels, QWidget* parent)
    : QFrame(parent), m_group(new QButtonGroup(this)) {
    setProperty("segmented", true);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(3, 3, 3, 3);
    layout->setSpacing(2);
    for (int i = 0; i < labels.size(); ++i) {
        auto* button = new QPushButton(labels.at(i), this);
        button->setObjectName(QStringLiteral("segment%1").arg(i));
        button->setCheckable(true);
        button->setCursor(Qt::PointingHandCursor);
        button->setFocusPolicy(Qt::TabFocus);
        m_group->addButton(button, i);
        layout->addWidget(button, 1);
    }
    m_group->setExclusive(true);
    if (QPushButton* first = button(0)) {
        first->setChecked(true);
    }
    connect(m_group, &QButtonGroup::idToggled, this, [this](int id, bool checked) {
        if (checked) {
            Q_EMIT currentIndexChanged(id);
        }
    });
}

int SegmentedControl::currentIndex() const {
    return m_group->checkedId();
}

void SegmentedControl::setCurrentIndex(int index) {
    if (QPushButton* target = button(index)) {
        target->setChecked(true);
    }
}

QPushButton* SegmentedControl::button(int index) const {
    return qobject_cast<QPushButton*>(m_group->button(index));
}

}  // namespace client::ui
