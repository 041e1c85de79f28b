#include "theme.h"

#include <QApplication>
#include <QFont>
#include <QPalette>
#include <QStyleFactory>

namespace LittleLemon::Ui {

void applyTheme(QApplication &app)
{
    app.setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QFont font = app.font();
    font.setPointSizeF(qMax(font.pointSizeF(), 12.0));
    app.setFont(font);

    QPalette p = app.palette();
    const QColor lemon(0xF4, 0xCE, 0x14);
    const QColor green(0x49, 0x5E, 0x57);
    p.setColor(QPalette::Highlight, green);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, green);
    p.setColor(QPalette::ToolTipBase, lemon);
    p.setColor(QPalette::ToolTipText, Qt::black);
    app.setPalette(p);
}

} // namespace LittleLemon::Ui
