// A pane's placeholder when there is nothing to show yet: a glyph, what is missing, what to do.
#pragma once

#include <QWidget>

#include "client/ui/icon_set.h"

class QLabel;
class QPushButton;

namespace client::ui {

class EmptyState : public QWidget {
    Q_OBJECT
public:
    EmptyState(IconSet::Glyph glyph, const QString& title, const QString& body,
               QWidget* parent = nullptr);

    // Adds a button under the text; the caller connects it (or disables it).
    QPushButton* addAction(const QString& text, IconSet::Glyph glyph);
    QString title() const;
    QString body() const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void paintGlyph();

    IconSet::Glyph m_glyph;
    QLabel* m_badge;
    QLabel* m_title;
    QLabel* m_body;
    QPushButton* m_action = nullptr;
    IconSet::Glyph m_actionGlyph = IconSet::Glyph::Plus;
};

}  // namespace client::ui
