#include "client/ui/style_hooks.h"

#include <QStyle>
#include <QWidget>

namespace client::ui::style {

namespace {

const char* name(Button variant) {
    switch (variant) {
        case Button::Primary:
            return "primary";
        case Button::Secondary:
            return "secondary";
        case Button::Ghost:
            return "ghost";
        case Button::Danger:
            return "danger";
        case Button::Link:
            return "link";
        case Button::Icon:
            return "icon";
    }
    return "secondary";
}

const char* name(Text variant) {
    switch (variant) {
        case Text::Display:
            return "display";
        case Text::Headline:
            return "headline";
        case Text::Title:
            return "title";
        case Text::Body:
            return "body";
        case Text::Secondary:
            return "secondary";
        case Text::Muted:
            return "muted";
        case Text::Caption:
            return "caption";
        case Text::Section:
            return "section";
        case Text::Error:
            return "error";
    }
    return "body";
}

const char* name(Surface variant) {
    switch (variant) {
        case Surface::Card:
            return "card";
        case Surface::Rail:
            return "rail";
        case Surface::Pane:
            return "pane";
        case Surface::Header:
            return "header";
        case Surface::Banner:
            return "banner";
        case Surface::ErrorBanner:
            return "error-banner";
        case Surface::DangerPanel:
            return "danger-panel";
        case Surface::TrustPanel:
            return "trust-panel";
    }
    return "pane";
}

void setVariant(QWidget* widget, const char* value) {
    widget->setProperty("variant", QString::fromLatin1(value));
    repolish(widget);
}

}  // namespace

void set(QWidget* button, Button variant) {
    setVariant(button, name(variant));
}
void set(QWidget* label, Text variant) {
    setVariant(label, name(variant));
}
void set(QWidget* frame, Surface variant) {
    frame->setAttribute(Qt::WA_StyledBackground, true);
    setVariant(frame, name(variant));
}

void repolish(QWidget* widget) {
    widget->style()->unpolish(widget);
    widget->style()->polish(widget);
    widget->update();
}

}  // namespace client::ui::style
