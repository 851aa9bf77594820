// The certificate step of signing in: asks to trust a new server, or refuses a changed certificate.
#pragma once

#include <QFrame>
#include <QUrl>

class QLabel;
class QPushButton;

namespace client::ui {

class TrustPanel : public QFrame {
    Q_OBJECT
public:
    explicit TrustPanel(QWidget* parent = nullptr);

    // First connection: shows the fingerprint and offers [Trust and continue] [Cancel].
    void showUnknown(const QUrl& server, const QString& fingerprint);
    // The certificate differs from the trusted one: a loud warning and no way to continue.
    void showChanged(const QUrl& server, const QString& trusted, const QString& presented);

    bool isRefusal() const { return m_refusal; }

Q_SIGNALS:
    void trustRequested();
    void cancelled();

private:
    void setRefusal(bool refusal);

    QLabel* m_icon;
    QLabel* m_title;
    QLabel* m_body;
    QLabel* m_fingerprint;
    QLabel* m_hint;
    QPushButton* m_trust;
    QPushButton* m_cancel;
    bool m_refusal = false;
};

}  // namespace client::ui
