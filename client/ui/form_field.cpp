#include "client/ui/form_field.h"

#include <QLabel>
#include <QVBoxLayout>

#include "client/ui/style_hooks.h"

namespace client::ui {

FormField::FormField(const QString& label, const QString& editName, const QString& errorName,
                     QWidget* parent)
    : QWidget(parent),
      m_label(new QLabel(label.toUpper(), this)),
      m_edit(new QLineEdit(this)),
      m_error(new QLabel(this)) {
    m_edit->setObjectName(editName);
    m_edit->setAccessibleName(label);
    m_label->setBuddy(m_edit);
    style::set(m_label, style::Text::Section);

    m_error->setObjectName(errorName);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();
    style::set(m_error, style::Text::Error);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(6);
    layout->addWidget(m_label);
    layout->addWidget(m_edit);
    layout->addWidget(m_error);

    // Typing again means the user is fixing the value: the old complaint no longer applies.
    connect(m_edit, &QLineEdit::textEdited, this, [this] { setError({}); });
}

void FormField::setError(const QString& message) {
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
    m_edit->setProperty("invalid", !message.isEmpty());
    style::repolish(m_edit);
}

QString FormField::error() const {
    return m_error->isHidden() ? QString() : m_error->text();
}

}  // namespace client::ui
