// A round avatar: the user's initials on a colour that stays the same for the same user.
#pragma once

#include <QColor>
#include <QString>
#include <QWidget>

namespace client::ui {

class AvatarWidget : public QWidget {
    Q_OBJECT
public:
    explicit AvatarWidget(int diameter = 40, QWidget* parent = nullptr);

    void setIdentity(const QString& name, qint64 userId);
    QString initials() const { return m_initials; }

    // The first letters of the first two words, or of the only word.
    static QString initialsOf(const QString& name);
    // Picked from a fixed set by the user id (or the name when the id is unknown).
    static QColor colorFor(const QString& name, qint64 userId);
    // The colour seed of a username, so every place that shows a person agrees on its colour
    // whether it knows the user id or not.
    static qint64 seedOf(const QString& username);

    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int m_diameter;
    QString m_initials;
    QColor m_color;
};

}  // namespace client::ui
