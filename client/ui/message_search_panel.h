// The conversation's message search (Ctrl+F): a field and the cached messages that match,
// newest first; choosing one jumps to it.
#pragma once

#include <QFrame>
#include <QTimer>
#include <functional>
#include <vector>

#include "client/cache/rows.h"

class QLineEdit;
class QListWidget;
class QLabel;

namespace client::ui {

class MessageSearchPanel : public QFrame {
    Q_OBJECT
public:
    using Search = std::function<std::vector<cache::MessageRow>(const QString& words)>;

    MessageSearchPanel(Search search, QWidget* parent = nullptr);

    QLineEdit* field() const { return m_field; }
    QListWidget* results() const { return m_results; }
    // Shows the panel with the field focused; closing clears it.
    void open();
    void close();
    // Runs the search now instead of after the typing pause.
    void searchNow();

Q_SIGNALS:
    void messageChosen(qint64 messageId);
    void closed();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    Search m_search;
    QLineEdit* m_field;
    QListWidget* m_results;
    QLabel* m_empty;
    QTimer m_debounce;
};

}  // namespace client::ui
