// A row of mutually exclusive choices drawn as one pill (e.g. "Log in" | "Create account").
#pragma once

#include <QFrame>
#include <QStringList>

class QButtonGroup;
class QPushButton;

namespace client::ui {

class SegmentedControl : public QFrame {
    Q_OBJECT
    Q_PROPERTY(int currentIndex READ currentIndex WRITE setCurrentIndex NOTIFY currentIndexChanged)
public:
    // Each segment is a checkable button named "segment<N>", so tests can click it.
    explicit SegmentedControl(const QStringList& labels, QWidget* parent = nullptr);

    int currentIndex() const;
    void setCurrentIndex(int index);
    QPushButton* button(int index) const;

Q_SIGNALS:
    void currentIndexChanged(int index);

private:
    QButtonGroup* m_group;
};

}  // namespace client::ui
