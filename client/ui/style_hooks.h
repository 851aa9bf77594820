// The variants the application stylesheet selects on, so widgets and the stylesheet agree in one
// place.
#pragma once

class QWidget;

namespace client::ui::style {

enum class Button { Primary, Secondary, Ghost, Danger, Link, Icon };
enum class Text { Display, Headline, Title, Body, Secondary, Muted, Caption, Section, Error };
enum class Surface { Card, Rail, Pane, Header, Banner, ErrorBanner, DangerPanel, TrustPanel };

// Each sets the widget's "variant" property and re-polishes it, so it may be called at any time.
void set(QWidget* button, Button variant);
void set(QWidget* label, Text variant);
void set(QWidget* frame, Surface variant);

// Re-applies the stylesheet after a property the stylesheet selects on has changed.
void repolish(QWidget* widget);

}  // namespace client::ui::style
