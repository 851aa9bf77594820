// One labelled text field with the error line that explains what is wrong with its value.
#pragma once

#include <QLineEdit>
#include <QWidget>

class QLabel;

namespace client::ui {

class FormField : public QWidget {
    Q_OBJECT
public:
    // The edit is named editName and the error label errorName, for tests and accessibility.
    FormField(const QString& label, const QString& editName, const QString& errorName,
              QWidget* parent = nullptr);

    QLineEdit* edit() const { return m_edit; }
    QLabel* errorLabel() const { return m_error; }
    QString text() const { return m_edit->text(); }

    // Shows the message under the field and outlines it; an empty message clears both.
    void setError(const QString& message);
    QString error() const;

private:
    QLabel* m_label;
    QLineEdit* m_edit;
    QLabel* m_error;
};

}  // namespace client::ui
