#pragma once

#include <QColor>
#include <QList>

class QApplication;

namespace LittleLemon::Ui {

// Big, legible defaults for a counter touch screen: a larger base font and
// the Little Lemon colours on the Fusion style, the same on every desktop.
void applyTheme(QApplication &app);

// The Little Lemon colours, in one place so pages and delegates agree.
namespace Theme {
QColor lemon();       // brand yellow: highlights, new orders
QColor green();       // brand green: selection, primary actions
QColor amber();       // an order getting old
QColor red();         // an order that is late, a refusal
QColor cardBase();    // an order card at rest
QColor pending();     // an edit not on the server yet
int touchRowHeight(); // rows and buttons a finger can hit
// Series colours for charts (issue 18), readable on a dark or a light background.
QList<QColor> chartSeries(bool dark);
} // namespace Theme

} // namespace LittleLemon::Ui
