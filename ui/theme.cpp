#include "ui/theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace LittleLemon::Ui {

namespace Theme {
QColor lemon()
{
    return QColor(0xF4, 0xCE, 0x14);
}
QColor green()
{
    return QColor(0x49, 0x5E, 0x57);
}
QColor amber()
{
    return QColor(0xFF, 0xD5, 0x80);
}
QColor red()
{
    return QColor(0xF4, 0x9A, 0x8F);
}
QColor cardBase()
{
    return QColor(0xFC, 0xFC, 0xF8);
}
QColor pending()
{
    return QColor(0x2F, 0x6F, 0xB5);
}
int touchRowHeight()
{
    return 40;
}
QList<QColor> chartSeries(bool dark)
{
    // The brand green is too dark on a dark background: the lemon leads there.
    if (dark)
        return { lemon(), QColor(0x8F, 0xC1, 0xAE), QColor(0xF2, 0xA6, 0x85), QColor(0x9E, 0xC1, 0xE8),
                 QColor(0xD2, 0xA8, 0xE2), QColor(0xB8, 0xD8, 0x8F) };
    return { green(), QColor(0xD9, 0xA4, 0x00), QColor(0xD0, 0x6B, 0x45), QColor(0x3F, 0x72, 0xA8),
             QColor(0x8A, 0x55, 0xA0), QColor(0x5E, 0x8C, 0x3A) };
}
} // namespace Theme

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font = app.font();
    font.setPointSizeF(qMax(font.pointSizeF(), 12.0));
    app.setFont(font);

    QPalette p = app.palette();
    p.setColor(QPalette::Highlight, Theme::green());
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, Theme::green());
    p.setColor(QPalette::ToolTipBase, Theme::lemon());
    p.setColor(QPalette::ToolTipText, Qt::black);
    app.setPalette(p);

    // Targets a finger can hit on a counter screen; the rest stays Fusion.
    app.setStyleSheet(QStringLiteral(
        "QPushButton, QToolButton, QComboBox, QLineEdit, QDateEdit, QTimeEdit, QSpinBox { min-height: 34px; }"
        "QPushButton { padding: 2px 14px; }"
        "QToolBar QToolButton { padding: 6px 14px; }"
        "QToolBar QToolButton:checked { background: #495E57; color: white; border-radius: 4px; }"
        "QLabel[role=\"error\"] { color: #B3261E; }"
        "QLabel[role=\"hint\"] { color: #555555; }"
        "QLabel[role=\"title\"] { font-size: 16pt; font-weight: 600; }"));
}

} // namespace LittleLemon::Ui
