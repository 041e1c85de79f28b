#pragma once

class QApplication;

namespace LittleLemon::Ui {

// Big, legible defaults for a counter touch screen: a larger base font and
// the Little Lemon colours on the Fusion style, the same on every desktop.
void applyTheme(QApplication &app);

} // namespace LittleLemon::Ui
