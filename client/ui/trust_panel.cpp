#include "client/ui/trust_panel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "client/ui/icon_set.h"
#include "client/ui/style_hooks.h"

namespace client::ui {

namespace {
QString hostPort(const QUrl& server) {
    return QStringLiteral("%1:%2").arg(server.host()).arg(server.port(8443));
}

// Fingerprints are 95 characters: four rows of 8 bytes are easy to compare, one long run is not.
QString wrapFingerprint(const QString& fingerprint) {
    const QStringList bytes = fingerprint.split(QLatin1Char(':'));
    QStringList lines;
    for (qsizetype i = 0; i < bytes.size(); i += 8) {
        lines << bytes.mid(i, 8).join(QLatin1Char(':'));
    }
    return lines.join(QStringLiteral(":\n"));
}
}  // namespace

TrustPanel::TrustPanel(QWidget* parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_title(new QLabel(this)),
      m_body(new QLabel(this)),
      m_fingerprint(new QLabel(this)),
      m_hint(new QLabel(this)),
      m_trust(new QPushButton(tr("Trust and continue"), this)),
      m_cancel(new QPushButton(tr("Cancel"), this)) {
    setObjectName(QStringLiteral("trustPanel"));
    m_trust->setObjectName(QStringLiteral("trustButton"));
    m_cancel->setObjectName(QStringLiteral("trustCancelButton"));
    m_fingerprint->setObjectName(QStringLiteral("fingerprintLabel"));
    m_fingerprint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    for (QLabel* label : {m_body, m_hint}) {
        label->setWordWrap(true);
        label->setTextFormat(Qt::PlainText);
    }
    style::set(m_title, style::Text::Title);
    style::set(m_hint, style::Text::Secondary);
    style::set(m_trust, style::Button::Primary);
    style::set(m_cancel, style::Button::Ghost);
    for (QPushButton* button : {m_trust, m_cancel}) {
        button->setCursor(Qt::PointingHandCursor);
    }

    auto* heading = new QHBoxLayout;
    heading->setSpacing(10);
    heading->addWidget(m_icon);
    heading->addWidget(m_title, 1);

    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_trust);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(18, 16, 18, 16);
    layout->setSpacing(10);
    layout->addLayout(heading);
    layout->addWidget(m_body);
    layout->addWidget(m_fingerprint);
    layout->addWidget(m_hint);
    layout->addSpacing(4);
    layout->addLayout(buttons);

    connect(m_trust, &QPushButton::clicked, this, &TrustPanel::trustRequested);
    connect(m_cancel, &QPushButton::clicked, this, &TrustPanel::cancelled);
    setRefusal(false);
}

void TrustPanel::showUnknown(const QUrl& server, const QString& fingerprint) {
    setRefusal(false);
    m_title->setText(tr("Check this server's identity"));
    m_body->setText(tr("First connection to %1. Its certificate fingerprint (SHA-256) is:")
                        .arg(hostPort(server)));
    m_fingerprint->setText(wrapFingerprint(fingerprint));
    m_fingerprint->setToolTip(fingerprint);
    m_hint->setText(tr("Compare it with the one the server printed at start. Trust this server?"));
    m_trust->setFocus();
}

void TrustPanel::showChanged(const QUrl& server, const QString& trusted, const QString& presented) {
    setRefusal(true);
    m_title->setText(tr("Warning: the server's certificate has changed"));
    m_body->setText(
        tr("%1 now presents a certificate with this fingerprint (SHA-256):").arg(hostPort(server)));
    m_fingerprint->setText(wrapFingerprint(presented));
    m_fingerprint->setToolTip(presented);
    m_hint->setText(
        tr("It is not the one you trusted before (%1…). Someone may be intercepting the "
           "connection, so Messenger refused to sign in. If the server's operator replaced its "
           "certificate on purpose, remove %2 from your known hosts file and try again.")
            .arg(trusted.left(23), hostPort(server)));
    m_cancel->setFocus();
}

void TrustPanel::setRefusal(bool refusal) {
    m_refusal = refusal;
    style::set(this, refusal ? style::Surface::DangerPanel : style::Surface::TrustPanel);
    m_trust->setVisible(!refusal);
    m_cancel->setText(refusal ? tr("Back") : tr("Cancel"));
    const QColor color = palette().color(refusal ? QPalette::BrightText : QPalette::Highlight);
    m_icon->setPixmap(IconSet::pixmap(refusal ? IconSet::Glyph::Warning : IconSet::Glyph::Shield,
                                      color, 24, devicePixelRatioF()));
}

}  // namespace client::ui
