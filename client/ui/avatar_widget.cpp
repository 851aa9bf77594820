#include "client/ui/avatar_widget.h"

#include <QPainter>
#include <QStringList>
#include <array>

namespace client::ui {

namespace {
// Saturated mid-tones that carry white text in both themes (Telegram's idea).
constexpr std::array<QRgb, 8> kAvatarColors{0xE17076, 0xF0A04B, 0x9C7BE0, 0x5FBE6B,
                                            0x3FB8C9, 0x5A9BE6, 0xE07BB5, 0xD9A23C};
}  // namespace

AvatarWidget::AvatarWidget(int diameter, QWidget* parent)
    : QWidget(parent), m_diameter(diameter), m_color(QColor::fromRgb(kAvatarColors[0])) {
    setFixedSize(diameter, diameter);
    setAttribute(Qt::WA_TranslucentBackground);
}

void AvatarWidget::setIdentity(const QString& name, qint64 userId) {
    m_initials = initialsOf(name);
    m_color = colorFor(name, userId);
    setAccessibleName(tr("Avatar of %1").arg(name));
    update();
}

QString AvatarWidget::initialsOf(const QString& name) {
    const QStringList words = name.simplified().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (words.isEmpty()) {
        return QStringLiteral("?");
    }
    if (words.size() == 1) {
        return words.first().left(1).toUpper();
    }
    return (words.at(0).left(1) + words.at(1).left(1)).toUpper();
}

QColor AvatarWidget::colorFor(const QString& name, qint64 userId) {
    std::size_t key = userId > 0 ? static_cast<std::size_t>(userId) : qHash(name.toLower());
    return QColor::fromRgb(kAvatarColors[key % kAvatarColors.size()]);
}

qint64 AvatarWidget::seedOf(const QString& username) {
    return static_cast<qint64>(qHash(username.toLower()) & 0x7fffffff) + 1;
}

QSize AvatarWidget::sizeHint() const {
    return {m_diameter, m_diameter};
}

void AvatarWidget::paintEvent(QPaintEvent*) {
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    const QRectF circle = QRectF(rect()).adjusted(0.5, 0.5, -0.5, -0.5);
    QLinearGradient fill(circle.topLeft(), circle.bottomLeft());
    fill.setColorAt(0, m_color.lighter(112));
    fill.setColorAt(1, m_color);
    painter.setPen(Qt::NoPen);
    painter.setBrush(fill);
    painter.drawEllipse(circle);

    QFont font = this->font();
    font.setPixelSize(qMax(9, m_diameter * 2 / 5));
    font.setWeight(QFont::DemiBold);
    painter.setFont(font);
    painter.setPen(Qt::white);
    painter.drawText(circle, Qt::AlignCenter, m_initials);
}

}  // namespace client::ui
