// One open chat: header, the painted message list over the chat's model, the jump-to-latest
// button, the search panel and the composer. Marks the chat read while its latest message is in
// view and the window is active.
#pragma once

#include <QFrame>
#include <QPersistentModelIndex>
#include <memory>

#include "client/app/account.h"

class QLabel;
class QListView;
class QPushButton;

namespace client::ui {

class Composer;
class ConversationHeader;
class ConversationModel;
class MessageDelegate;
class MessageSearchPanel;

class ConversationView : public QFrame {
    Q_OBJECT
public:
    explicit ConversationView(app::Account& account, QWidget* parent = nullptr);
    ~ConversationView() override;

    // Opens the chat (0 closes it), scrolled to the latest message.
    void setChat(qint64 chatId);
    qint64 chatId() const { return m_chatId; }

    QListView* list() const { return m_list; }
    Composer* composer() const { return m_composer; }
    ConversationHeader* header() const { return m_header; }
    MessageDelegate* delegate() const { return m_delegate; }
    MessageSearchPanel* searchPanel() const { return m_search; }
    QPushButton* jumpButton() const { return m_jump; }
    ConversationModel* model() const { return m_model.get(); }

    bool isAtBottom() const;
    void scrollToLatest();
    // Scrolls to a message (loading older pages from the cache as needed) and selects it.
    bool jumpToMessage(qint64 messageId);
    void openSearch();
    // Copies the selected message's text (Ctrl+C on the list).
    void copySelected();
    // The actions of the context menu, also used by tests.
    void replyTo(const QModelIndex& index);
    void editMessage(const QModelIndex& index);
    void deleteMessage(const QModelIndex& index);
    void toggleReaction(const QModelIndex& index, const QString& emoji);

Q_SIGNALS:
    // The header of a group was clicked: show its members and settings.
    void groupDetailsRequested(qint64 chatId);

protected:
    void resizeEvent(QResizeEvent* event) override;
    void changeEvent(QEvent* event) override;
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void refreshHeader();
    // Who the delegate draws as mentions, and whether a message names the viewer.
    void applyMentionContext();
    void showContextMenu(const QPoint& pos);
    void onRowsAboutToBeInserted(int first);
    void onRowsInserted(int first, int last);
    void onScrolled();
    void maybeMarkRead();
    void placeOverlays();
    void refreshJump();
    qint64 peerId() const;

    app::Account& m_account;
    qint64 m_chatId = 0;
    std::unique_ptr<models::MessageListModel> m_source;
    std::unique_ptr<ConversationModel> m_model;
    ConversationHeader* m_header;
    QListView* m_list;
    MessageDelegate* m_delegate;
    Composer* m_composer;
    MessageSearchPanel* m_search;
    QPushButton* m_jump;
    QLabel* m_jumpBadge;
    int m_unseen = 0;
    bool m_wasAtBottom = true;
    // Keeps the first visible message still while older pages are inserted above it.
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
};

}  // namespace client::ui
