#include "ui/permissions.h"

#include <QAction>
#include <QWidget>

namespace LittleLemon::Ui {

void applyVerdict(QWidget *widget, const Verdict &verdict, const QString &enabledTip)
{
    widget->setEnabled(verdict.allowed);
    widget->setToolTip(verdict.allowed ? enabledTip : verdict.reason);
}

void applyVerdict(QAction *action, const Verdict &verdict, const QString &enabledTip)
{
    action->setEnabled(verdict.allowed);
    action->setToolTip(verdict.allowed ? (enabledTip.isEmpty() ? action->text() : enabledTip) : verdict.reason);
}

} // namespace LittleLemon::Ui
